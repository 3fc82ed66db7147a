namespace RingCentral.CallLog;

/// <summary>What Remove-RcRecording did with one recording.</summary>
public sealed class RecordingRemoval
{
    internal RecordingRemoval()
    {
    }

    public string RecordingId { get; internal set; } = string.Empty;

    /// <summary>The local copy that was verified (null with -SkipVerification and no -Path).</summary>
    public string? Path { get; internal set; }

    /// <summary>Deleted (on RingCentral), Refused (the local copy did not verify; nothing sent) or Failed (RingCentral did not delete it).</summary>
    public string Status { get; internal set; } = string.Empty;

    public string? Error { get; internal set; }

    public override string ToString() => RecordingId + " " + Status;
}
