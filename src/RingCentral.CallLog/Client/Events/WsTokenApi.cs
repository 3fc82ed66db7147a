using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Client.Events;

/// <summary>
/// POST /restapi/oauth/wstoken: a single-use address of the WebSocket gateway. Asked anew before
/// every connect, as RingCentral's tokens are short-lived and a recovery must present a new one.
/// </summary>
internal sealed class WsTokenApi
{
    private readonly RcHttpCore _core;

    public WsTokenApi(RcHttpCore core)
    {
        _core = core;
    }

    /// <summary>The address to connect to; it carries the token in its query, so it never goes into any text.</summary>
    public async Task<Uri> NewGatewayUriAsync(IRcEvents events, CancellationToken cancellationToken)
    {
        var request = new RcRequest(HttpMethod.Post, _core.Server.Resolve("/restapi/oauth/wstoken"), RouteKeys.Auth);
        (string Uri, string Token) answer;
        try
        {
            answer = await _core.SendAsync(request, ReadAsync, events, cancellationToken).ConfigureAwait(false);
        }
        catch (RcApiException ex) when (ex.Kind == RcErrorKind.PermissionDenied)
        {
            throw ex.Rephrase(RcErrorKind.PermissionDenied, "RingCentral refused a WebSocket token: the app needs the WebSocket permission (and CallControl for call events) in its settings. " + ex.Message);
        }

        if (!Uri.TryCreate(answer.Uri, UriKind.Absolute, out var gateway) || (gateway.Scheme != "wss" && gateway.Scheme != "ws"))
        {
            throw new RcApiException(RcErrorKind.ResponseInvalid, "The WebSocket token answer gave no ws:// or wss:// address.");
        }

        // The token may only go where a bearer token may: the same check as every HTTP request.
        var asHttp = new UriBuilder(gateway) { Scheme = gateway.Scheme == "wss" ? Uri.UriSchemeHttps : Uri.UriSchemeHttp, Port = gateway.Port }.Uri;
        if (!_core.Server.MayReceiveToken(asHttp))
        {
            throw new RcApiException(RcErrorKind.UntrustedHost, $"The WebSocket token answer points to {gateway.Host}, which is not {_core.Server} nor a RingCentral host over a secure connection; the token was not sent there.");
        }

        var separator = string.IsNullOrEmpty(gateway.Query) ? "?" : "&";
        return new Uri(gateway.GetLeftPart(UriPartial.Query) + separator + "access_token=" + Uri.EscapeDataString(answer.Token));
    }

    private static async Task<(string Uri, string Token)> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await RcHttpCore.ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        try
        {
            using var doc = JsonDocument.Parse(text);
            var uri = CallEventMapper.Text(doc.RootElement, "uri");
            var token = CallEventMapper.Text(doc.RootElement, "ws_access_token");
            if (string.IsNullOrEmpty(uri) || string.IsNullOrEmpty(token))
            {
                throw new RcApiException(RcErrorKind.ResponseInvalid, "The WebSocket token answer lacked uri or ws_access_token.");
            }

            return (uri!, token!);
        }
        catch (JsonException)
        {
            throw new RcApiException(RcErrorKind.ResponseInvalid, "The WebSocket token answer was not JSON.");
        }
    }
}
