namespace RingCentral.CallLog;

/// <summary>
/// What Get-RcCallLog -Checkpoint -Raw writes per record: the record's JSON text exactly as
/// received, with the reason it is written.
/// </summary>
public sealed class CallLogRawChange
{
    internal CallLogRawChange(string id, CallLogChangeType changeType, string json)
    {
        Id = id;
        ChangeType = changeType;
        Json = json;
    }

    public string Id { get; }

    public CallLogChangeType ChangeType { get; }

    /// <summary>The record as RingCentral sent it.</summary>
    public string Json { get; }

    public override string ToString() => Json;
}
