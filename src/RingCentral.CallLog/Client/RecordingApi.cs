using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Json;

namespace RingCentral.CallLog.Client;

/// <summary>Recording metadata and content. Knows RingCentral's paths; nothing of PowerShell.</summary>
internal sealed class RecordingApi
{
    private readonly RcHttpCore _core;

    public RecordingApi(RcHttpCore core)
    {
        _core = core;
    }

    /// <summary>GET /account/~/recording/{id}: id, contentUri, contentType, duration. A 404 is RcErrorKind.NotFound.</summary>
    public Task<RecordingInfo> GetAsync(string recordingId, IRcEvents events, CancellationToken cancellationToken)
    {
        var uri = _core.Server.Resolve("/restapi/v1.0/account/~/recording/" + Uri.EscapeDataString(recordingId));
        var request = new RcRequest(HttpMethod.Get, uri, RouteKeys.Recording);
        return _core.SendAsync(request, ReadMetadataAsync, events, cancellationToken);
    }

    /// <summary>
    /// Downloads the content at <paramref name="contentUri"/> (used exactly as given: the media host)
    /// next to <paramref name="basePath"/>. The core refuses to send the token to a host it may not go to.
    /// </summary>
    public Task<DownloadedFile> DownloadAsync(Uri contentUri, string basePath, string? knownContentType, bool overwrite, Action<long>? bytesWritten, IRcEvents events, CancellationToken cancellationToken) =>
        new RecordingContentDownload(_core, contentUri, basePath, knownContentType, overwrite, bytesWritten).RunAsync(events, cancellationToken);

    /// <summary>A contentUri from the server as an absolute URI, or a ResponseInvalid error.</summary>
    public static Uri ContentUri(string recordingId, string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new RcApiException(RcErrorKind.ResponseInvalid, $"Recording '{recordingId}' has no usable contentUri ('{text}').");

    internal static async Task<RecordingInfo> ReadMetadataAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var dto = await WireJson.ReadAsync(response, WireJsonContext.Default.RecordingDto, "The recording metadata", cancellationToken).ConfigureAwait(false);

        if (dto?.Id is null)
        {
            throw new RcApiException(RcErrorKind.ResponseInvalid, "The recording metadata has no id.");
        }

        return ModelMapper.ToRecording(dto);
    }
}
