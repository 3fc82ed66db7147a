using System.Globalization;

namespace RingCentral.Simulator.Data;

/// <summary>
/// A call-log record as stored. Mutable fields are changed only by the modify hook / live mode.
/// Legs and telephony ids are derived when written, so 1 M records stay small in memory.
/// </summary>
internal sealed class CallRecord
{
    public required string Id { get; init; }
    public required Extension Owner { get; init; }
    public required long SessionId { get; init; }
    public required long StartMs { get; init; }
    public required int DurationMs { get; init; }
    public required bool IsFax { get; init; }
    public required bool Inbound { get; init; }
    public required bool Pstn { get; init; }
    public required string Action { get; init; }
    public required string Result { get; set; }
    public string? Reason { get; init; }
    public required string InternalType { get; init; }
    public required Party From { get; init; }
    public required Party To { get; init; }
    public long MessageId { get; init; }
    public bool Blocked { get; init; }
    public bool Deleted { get; set; }
    /// <summary>The call was recorded, but too briefly for RingCentral to keep it: <c>shortRecording</c>, no <c>recording</c>.</summary>
    public bool ShortRecording { get; init; }
    /// <summary>Leg count (1–3) and the leg type of the master leg; legs are generated on write.</summary>
    public required byte LegCount { get; init; }
    public required long VisibleAtMs { get; init; }

    // Changed by "modify" and live mode (LiveMutator): a recording attached later, a result
    // corrected, a record deleted; lastModifiedTime moves with each.
    public long RecordingId { get; set; }
    public bool RecordingOnDemand { get; set; }
    public long LastModifiedMs { get; set; }

    public long EndMs => StartMs + DurationMs;

    /// <summary>An inbound call that went to the owner's voicemail: it left a voicemail message.</summary>
    public bool IsVoicemail => !IsFax && Inbound && Result == "Voicemail";

    /// <summary>
    /// The message the call left in the owner's message store (0 = none): the fax (<see cref="MessageId"/>) or the
    /// voicemail. A voicemail's id is derived from the session and owner, not drawn, so the random stream and every
    /// stored field stay as they were; a result corrected to or from Voicemail moves the link with it.
    /// </summary>
    public long LinkedMessageId => MessageId != 0 ? MessageId : IsVoicemail ? VoicemailIdOf(SessionId, Owner.Index) : 0;

    /// <summary>Voicemail ids: above every fax id (4016…) and below 2^53, unique per session and owner.</summary>
    public static long VoicemailIdOf(long sessionId, int ownerIndex) => (sessionId * 1000) + 500 + (ownerIndex % 500);
    public bool HasRecording => RecordingId != 0;
    public int DurationSeconds => DurationMs / 1000;

    /// <summary>RingCentral-looking telephony session id, derived from the session id.</summary>
    public string TelephonySessionId => TelephonySessionIdOf(SessionId);

    public static string TelephonySessionIdOf(long sessionId)
    {
        var h = (ulong)sessionId * 0x9E3779B97F4A7C15UL;
        return string.Create(CultureInfo.InvariantCulture, $"s-a0d{h:x13}z{sessionId:x}0000");
    }

    /// <summary>Recordings alternate between the two formats RingCentral serves.</summary>
    public static bool RecordingIsWav(long recordingId) => recordingId / 1000 % 2 == 0; // ids step by 1000
}
