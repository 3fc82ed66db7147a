namespace RingCentral.CallLog;

/// <summary>One leg of a call (Detailed view), with the id of the record it belongs to.</summary>
public sealed class CallLogLeg : CallLogEntry
{
    internal CallLogLeg()
    {
    }

    /// <summary>Id of the call log record this leg belongs to.</summary>
    public string CallLogId { get; internal set; } = string.Empty;

    public string? LegType { get; internal set; }

    public bool Master { get; internal set; }

    public override string ToString() => LegType ?? string.Empty;
}
