using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Json;

namespace RingCentral.CallLog.Client.Auth;

/// <summary>POST /restapi/oauth/token and /restapi/oauth/revoke, through the connection's HTTP core (Auth group pacing, 429 waited out).</summary>
internal sealed class TokenEndpoint
{
    private readonly RcHttpCore _core;
    private readonly ClientCredentials _client;

    public TokenEndpoint(RcHttpCore core, ClientCredentials client)
    {
        _core = core;
        _client = client;
    }

    public Task<TokenSet> RequestAsync(Func<IEnumerable<KeyValuePair<string, string>>> form, IRcEvents events, CancellationToken cancellationToken)
    {
        var request = new RcRequest(HttpMethod.Post, _core.Server.Resolve("/restapi/oauth/token"), RouteKeys.Auth)
        {
            Auth = _client.ClientSecret is null ? RcAuth.None : RcAuth.Explicit,
            AuthorizationHeader = _client.BasicHeader,
            Form = _client.ClientSecret is null ? () => WithClientId(form()) : form,
        };
        return SendAsync(request, events, cancellationToken);
    }

    public Task RevokeAsync(string token, IRcEvents events, CancellationToken cancellationToken)
    {
        var request = new RcRequest(HttpMethod.Post, _core.Server.Resolve("/restapi/oauth/revoke"), RouteKeys.Auth)
        {
            Auth = _client.ClientSecret is null ? RcAuth.None : RcAuth.Explicit,
            AuthorizationHeader = _client.BasicHeader,
            Form = () => WithClientId(new[] { new KeyValuePair<string, string>("token", token) }),
        };
        return _core.SendAsync(request, (_, _) => Task.FromResult(true), events, cancellationToken);
    }

    private IEnumerable<KeyValuePair<string, string>> WithClientId(IEnumerable<KeyValuePair<string, string>> form)
    {
        foreach (var pair in form)
        {
            yield return pair;
        }

        yield return new KeyValuePair<string, string>("client_id", _client.ClientId);
    }

    private async Task<TokenSet> SendAsync(RcRequest request, IRcEvents events, CancellationToken cancellationToken)
    {
        try
        {
            return await _core.SendAsync(request, ReadTokenAsync, events, cancellationToken).ConfigureAwait(false);
        }
        catch (RcApiException ex) when (ex.Kind is RcErrorKind.RequestInvalid or RcErrorKind.PermissionDenied or RcErrorKind.NotFound)
        {
            // The token endpoint answers 400/401 for bad credentials: that is an authentication failure.
            throw ex.Rephrase(RcErrorKind.AuthenticationFailed, "Sign-in refused by RingCentral: " + (ex.ServerMessage ?? "no reason given") + (ex.ErrorCode is null ? string.Empty : $" [{ex.ErrorCode}]"));
        }
    }

    private static async Task<TokenSet> ReadTokenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var dto = await WireJson.ReadAsync(response, WireJsonContext.Default.TokenDto, "The token endpoint's answer", cancellationToken).ConfigureAwait(false);

        if (dto?.AccessToken is null)
        {
            throw new RcApiException(RcErrorKind.ResponseInvalid, "The token endpoint's answer has no access token.");
        }

        return new TokenSet
        {
            AccessToken = dto.AccessToken,
            AccessTokenExpiresOn = now + TimeSpan.FromSeconds(dto.ExpiresIn ?? 3600),
            RefreshToken = dto.RefreshToken,
            RefreshTokenExpiresOn = dto.RefreshToken is null ? null : now + TimeSpan.FromSeconds(dto.RefreshTokenExpiresIn ?? 604800),
            Scope = dto.Scope,
            OwnerId = dto.OwnerId,
        };
    }
}
