namespace RingCentral.CallLog.Client.Export.Recordings;

/// <summary>One recording to fetch, with whatever the input already told about it.</summary>
internal sealed class RecordingTarget
{
    public RecordingTarget(RecordingNameValues values)
    {
        Values = values;
    }

    public string RecordingId => Values.RecordingId;

    public string? CallLogId => Values.CallLogId;

    /// <summary>The values a file-name template draws on, and the call's provenance for the sidecar.</summary>
    public RecordingNameValues Values { get; }

    /// <summary>From the input; when set, no metadata request is needed to download.</summary>
    public string? ContentUri { get; set; }

    public string? ContentType { get; set; }
}
