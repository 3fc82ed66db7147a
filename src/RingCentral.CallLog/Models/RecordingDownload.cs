namespace RingCentral.CallLog;

/// <summary>What Save-RcRecording did with one recording: one manifest row.</summary>
public sealed class RecordingDownload
{
    internal RecordingDownload()
    {
    }

    public string RecordingId { get; internal set; } = string.Empty;

    public string? CallLogId { get; internal set; }

    public string? Path { get; internal set; }

    public long Bytes { get; internal set; }

    public string? ContentType { get; internal set; }

    /// <summary>SHA-256 of the file (lower-case hex), computed while it downloaded; for a skipped file, what its sidecar records.</summary>
    public string? Sha256 { get; internal set; }

    /// <summary>The sidecar "&lt;recording file&gt;.json" with the call's metadata and the hash; null with -NoSidecar.</summary>
    public string? SidecarPath { get; internal set; }

    /// <summary>Downloaded, Skipped or Failed.</summary>
    public string Status { get; internal set; } = string.Empty;

    public string? Error { get; internal set; }

    public override string ToString() => RecordingId + " " + Status;
}
