namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>
/// One file of an archive checked against what was recorded at download (see
/// <see cref="ContentArchiveVerifier"/>). Each adapter turns it into its public row (a recording's
/// <c>RecordingArchiveEntry</c>).
/// </summary>
internal sealed class ContentCheck
{
    /// <summary>Whose file it is, when a sidecar or the caller says; null for a file nothing names.</summary>
    public ContentIdentity? Identity { get; init; }

    public string? CallLogId { get; init; }

    public string? Path { get; init; }

    /// <summary>The file's size now; null when it is missing.</summary>
    public long? Bytes { get; init; }

    /// <summary>The SHA-256 recorded at download (sidecar or given), lower-case hex.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The file's SHA-256 now.</summary>
    public string? ActualSha256 { get; init; }

    /// <summary>Ok, Missing, Corrupt, NoSidecar or Incomplete.</summary>
    public string Status { get; init; } = string.Empty;

    public string? Detail { get; init; }
}
