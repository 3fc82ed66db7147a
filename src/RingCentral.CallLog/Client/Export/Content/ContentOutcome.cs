namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>
/// What became of one item of a run: Downloaded, Skipped or Failed, with the file, its size, type
/// and SHA-256 as recorded at download. Each adapter turns it into its public row (a recording's
/// <c>RecordingDownload</c>; a message attachment's row later).
/// </summary>
internal sealed class ContentOutcome
{
    public ContentOutcome(ContentItem item, string status)
    {
        Item = item;
        Status = status;
    }

    public ContentItem Item { get; }

    /// <summary>Downloaded, Skipped or Failed.</summary>
    public string Status { get; }

    /// <summary>The item's call, from the input or, for a skipped file, its sidecar.</summary>
    public string? CallLogId { get; init; }

    public string? Path { get; init; }

    public long Bytes { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Lower-case hex, as recorded at download.</summary>
    public string? Sha256 { get; init; }

    public string? SidecarPath { get; init; }

    public string? Error { get; init; }
}
