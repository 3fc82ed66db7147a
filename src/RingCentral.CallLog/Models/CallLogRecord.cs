using System;

namespace RingCentral.CallLog;

/// <summary>One call log record (or active call), flattened for the pipeline and Export-Csv.</summary>
public sealed class CallLogRecord : CallLogEntry
{
    internal CallLogRecord()
    {
    }

    // Reading order, which is Export-Csv's column order: when, which way, who to whom, how long,
    // what happened, the recording; then the technical fields and ids.
    public override DateTimeOffset StartTime { get; internal set; }

    public override string? Direction { get; internal set; }

    public override string? Type { get; internal set; }

    public override string From => base.From;

    public override string? FromName { get; internal set; }

    public override string? FromPhoneNumber { get; internal set; }

    public override string? FromExtensionNumber { get; internal set; }

    public override string? FromExtensionId { get; internal set; }

    public override string? FromLocation { get; internal set; }

    public override string To => base.To;

    public override string? ToName { get; internal set; }

    public override string? ToPhoneNumber { get; internal set; }

    public override string? ToExtensionNumber { get; internal set; }

    public override string? ToExtensionId { get; internal set; }

    public override string? ToLocation { get; internal set; }

    public override int? Duration { get; internal set; }

    public override long? DurationMs { get; internal set; }

    public override string? Result { get; internal set; }

    public override string? Reason { get; internal set; }

    public override string? ReasonDescription { get; internal set; }

    public override string? Action { get; internal set; }

    public override string? RecordingId { get; internal set; }

    public override string? RecordingType { get; internal set; }

    public override string? RecordingContentUri { get; internal set; }

    public override bool ShortRecording { get; internal set; }

    public override bool HasRecording => base.HasRecording;

    public override string? Transport { get; internal set; }

    public override string? InternalType { get; internal set; }

    public override string? ExtensionId { get; internal set; }

    public override string? DelegateId { get; internal set; }

    public override string? DelegateName { get; internal set; }

    public override string? MessageId { get; internal set; }

    public override string? MessageType { get; internal set; }

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
