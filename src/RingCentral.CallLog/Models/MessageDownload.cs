namespace RingCentral.CallLog;

/// <summary>What Save-RcMessage did with one attachment of one message: one manifest row.</summary>
public sealed class MessageDownload
{
    internal MessageDownload()
    {
    }

    public string MessageId { get; internal set; } = string.Empty;

    public string AttachmentId { get; internal set; } = string.Empty;

    /// <summary>AudioRecording, AudioTranscription, RenderedDocument, ... as RingCentral names the attachment.</summary>
    public string? AttachmentType { get; internal set; }

    /// <summary>The call log record the message belongs to, when known.</summary>
    public string? CallLogId { get; internal set; }

    public string? Path { get; internal set; }

    public long Bytes { get; internal set; }

    public string? ContentType { get; internal set; }

    /// <summary>SHA-256 of the file (lower-case hex), computed while it downloaded; for a skipped file, what its sidecar records.</summary>
    public string? Sha256 { get; internal set; }

    /// <summary>The sidecar "&lt;attachment file&gt;.json" naming the message, the attachment and the call, with the hash.</summary>
    public string? SidecarPath { get; internal set; }

    /// <summary>Downloaded, Skipped or Failed.</summary>
    public string Status { get; internal set; } = string.Empty;

    public string? Error { get; internal set; }

    public override string ToString() => MessageId + "/" + AttachmentId + " " + Status;
}
