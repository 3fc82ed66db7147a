namespace RingCentral.CallLog.Client.Export.Recordings;

internal enum RecordingPlanKind
{
    /// <summary>The recording came before in this run: handled once.</summary>
    Duplicate,

    /// <summary>This recording's complete file is on disk.</summary>
    Skip,

    /// <summary>No safe file name could be made.</summary>
    Refuse,

    /// <summary>Download it (resuming this recording's .partial when there is one).</summary>
    Download,
}
