using System;

namespace RingCentral.CallLog;

/// <summary>
/// One status change of one party of a call, as a telephony session notification announced it.
/// Flat and CSV-clean: ids are strings, status codes and reasons pass through as RingCentral sent them.
/// </summary>
public sealed class RcCallEvent
{
    internal RcCallEvent()
    {
    }

    /// <summary>When the change happened at RingCentral (UTC).</summary>
    public DateTime? EventTime { get; internal set; }

    /// <summary>When this client read the notification (UTC).</summary>
    public DateTime ReceivedTime { get; internal set; }

    public string? TelephonySessionId { get; internal set; }

    public string? SessionId { get; internal set; }

    /// <summary>Orders the changes of one telephony session.</summary>
    public long? Sequence { get; internal set; }

    public string? PartyId { get; internal set; }

    /// <summary>Setup, Proceeding, Answered, Hold, VoiceMail, Disconnected, … (any code RingCentral adds passes through).</summary>
    public string? Status { get; internal set; }

    public string? Reason { get; internal set; }

    public string? Direction { get; internal set; }

    public bool? MissedCall { get; internal set; }

    /// <summary>The extension this party belongs to.</summary>
    public string? ExtensionId { get; internal set; }

    public string? AccountId { get; internal set; }

    public string? FromPhoneNumber { get; internal set; }

    public string? FromName { get; internal set; }

    public string? FromExtensionId { get; internal set; }

    public string? ToPhoneNumber { get; internal set; }

    public string? ToName { get; internal set; }

    public string? ToExtensionId { get; internal set; }

    /// <summary>What started the session: Call, RingOut, Conference, …</summary>
    public string? OriginType { get; internal set; }

    /// <summary>The party's recording ids, separated by a space (one CSV cell); empty when none.</summary>
    public string RecordingIds { get; internal set; } = string.Empty;

    public string? ServerId { get; internal set; }

    public string? SubscriptionId { get; internal set; }

    public override string ToString() => $"{TelephonySessionId} #{Sequence} {PartyId} {Status}";
}
