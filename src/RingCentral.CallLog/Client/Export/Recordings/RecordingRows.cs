using RingCentral.CallLog.Client.Export.Content;

namespace RingCentral.CallLog.Client.Export.Recordings;

/// <summary>Save-RcRecording's rows: an engine outcome as a <see cref="RecordingDownload"/>.</summary>
internal static class RecordingRows
{
    public static RecordingDownload ToDownload(ContentOutcome outcome) => new()
    {
        RecordingId = outcome.Item.Identity.RecordingId ?? string.Empty,
        CallLogId = outcome.CallLogId,
        Path = outcome.Path,
        Bytes = outcome.Bytes,
        ContentType = outcome.ContentType,
        Sha256 = outcome.Sha256,
        SidecarPath = outcome.SidecarPath,
        Status = outcome.Status,
        Error = outcome.Error,
    };
}
