namespace RingCentral.CallLog.Client.Export.Checkpoints;

/// <summary>
/// What a checkpoint remembers of one record it has written: its id, its start time (the listing's
/// order) and the fingerprint of the state last written.
/// </summary>
internal readonly struct CheckpointEntry
{
    public CheckpointEntry(string id, long startMs, ulong fingerprint)
    {
        Id = id;
        StartMs = startMs;
        Fingerprint = fingerprint;
    }

    public string Id { get; }

    /// <summary>Start time, Unix milliseconds.</summary>
    public long StartMs { get; }

    /// <summary><see cref="RecordFingerprint.Unknown"/> for an entry taken over from a version 1 checkpoint.</summary>
    public ulong Fingerprint { get; }
}
