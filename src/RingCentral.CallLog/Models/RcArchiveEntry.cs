namespace RingCentral.CallLog;

/// <summary>What Test-RcArchive found for one file of an archive: a recording or a message attachment.</summary>
public sealed class RcArchiveEntry
{
    internal RcArchiveEntry()
    {
    }

    /// <summary>Recording or MessageAttachment; null for a file nothing names (no sidecar) whose extension either kind may have.</summary>
    public string? Kind { get; internal set; }

    public string? RecordingId { get; internal set; }

    public string? MessageId { get; internal set; }

    public string? AttachmentId { get; internal set; }

    public string? CallLogId { get; internal set; }

    public string? Path { get; internal set; }

    /// <summary>The file's size on disk; null when it is missing.</summary>
    public long? Bytes { get; internal set; }

    /// <summary>The SHA-256 recorded at download (its sidecar's, or the manifest row's), lower-case hex; null when nothing recorded one.</summary>
    public string? Sha256 { get; internal set; }

    /// <summary>The file's SHA-256 as computed now (lower-case hex); null when it is missing or was not read.</summary>
    public string? ActualSha256 { get; internal set; }

    /// <summary>Ok, Missing, Corrupt, NoSidecar or Incomplete.</summary>
    public string Status { get; internal set; } = string.Empty;

    /// <summary>Why the status is not Ok (or what was checked).</summary>
    public string? Detail { get; internal set; }

    public override string ToString() => (RecordingId ?? (MessageId is null ? null : MessageId + "/" + AttachmentId) ?? Path) + " " + Status;
}
