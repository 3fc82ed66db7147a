using System;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Export.Content;

namespace RingCentral.CallLog.Client.Export.Recordings;

/// <summary>
/// Where a recording's content lives: the contentUri the input gave, or the one its metadata
/// (GET /account/~/recording/{id}) names, which also tells the content type.
/// </summary>
internal sealed class RecordingContentSource : IContentSource
{
    private readonly RecordingApi _api;

    public RecordingContentSource(RecordingApi api)
    {
        _api = api;
    }

    public async Task<Uri> ContentUriAsync(ContentItem item, IRcEvents events, CancellationToken cancellationToken)
    {
        var recordingId = item.Identity.RecordingId!;
        var contentUri = item.ContentUri;
        if (contentUri is null)
        {
            var info = await _api.GetAsync(recordingId, events, cancellationToken).ConfigureAwait(false);
            contentUri = info.ContentUri;
            item.ContentType = info.ContentType;
        }

        return RecordingApi.ContentUri(recordingId, contentUri);
    }
}
