using RingCentral.Simulator.Data;

namespace RingCentral.Simulator.Events;

/// <summary>
/// One status change of one party of a call session, as the telephony session notifications carry it.
/// <see cref="Sequence"/> orders the changes of one session (RingCentral may deliver them out of order).
/// </summary>
internal sealed record TelephonyPartyEvent(
    string TelephonySessionId,
    string SessionId,
    long Sequence,
    DateTimeOffset EventTime,
    string PartyId,
    string StatusCode,
    string? Reason,
    bool Inbound,
    bool MissedCall,
    Extension Owner,
    Party From,
    Party To,
    IReadOnlyList<string> RecordingIds);
