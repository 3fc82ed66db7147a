using System;

namespace RingCentral.CallLog;

/// <summary>One call log record (or active call), flattened for the pipeline and Export-Csv.</summary>
public sealed class CallLogRecord : CallLogEntry
{
    internal CallLogRecord()
    {
    }

    public string Id { get; internal set; } = string.Empty;

    public string? SessionId { get; internal set; }

    public string? TelephonySessionId { get; internal set; }

    public string? PartyId { get; internal set; }

    public DateTimeOffset? LastModifiedTime { get; internal set; }

    public bool Deleted { get; internal set; }

    /// <summary>Number of legs (Detailed view); 0 in the Simple view.</summary>
    public int LegCount => Legs.Count;

    public string? Uri { get; internal set; }

    /// <summary>The legs of the call (Detailed view). Reads as a short summary in a CSV cell.</summary>
    public CallLogLegCollection Legs { get; internal set; } = CallLogLegCollection.Empty;

    /// <summary>Why a checkpointed run writes this record (New, Updated, Deleted); empty without -Checkpoint.</summary>
    public CallLogChangeType? ChangeType { get; internal set; }

    public override string ToString() => Id;
}
