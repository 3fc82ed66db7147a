namespace RingCentral.CallLog;

/// <summary>Metadata of one call recording.</summary>
public sealed class RecordingInfo
{
    internal RecordingInfo()
    {
    }

    public string Id { get; internal set; } = string.Empty;

    public string? ContentUri { get; internal set; }

    public string? ContentType { get; internal set; }

    /// <summary>Length in seconds.</summary>
    public int? Duration { get; internal set; }

    public override string ToString() => Id;
}
