using System.Globalization;
using RingCentral.Simulator.Data;

namespace RingCentral.Simulator.Events;

/// <summary>
/// The status changes a call's own party goes through, told from its call log record: set up, ring,
/// answered (sometimes held and resumed) or sent to voicemail, disconnected. Sequences count from 1 per
/// session; times lie between the call's start and end.
/// </summary>
internal static class CallLifecycle
{
    private static readonly HashSet<string> s_connected = new(StringComparer.Ordinal) { "Accepted", "Call connected" };

    public static List<TelephonyPartyEvent> EventsOf(CallRecord r)
    {
        var events = new List<TelephonyPartyEvent>();
        var start = DateTimeOffset.FromUnixTimeMilliseconds(r.StartMs);
        var end = DateTimeOffset.FromUnixTimeMilliseconds(r.EndMs);
        var ring = TimeSpan.FromMilliseconds(Math.Min(r.DurationMs / 2, 8_000));
        var connected = s_connected.Contains(r.Result);
        var missed = r.Inbound && !connected;
        var recordings = r.HasRecording ? new[] { r.RecordingId.ToString(CultureInfo.InvariantCulture) } : Array.Empty<string>();
        void Add(DateTimeOffset at, string code, string? reason, bool withRecordings = false) => events.Add(new TelephonyPartyEvent(
            r.TelephonySessionId,
            r.SessionId.ToString(CultureInfo.InvariantCulture),
            events.Count + 1,
            at,
            string.Create(CultureInfo.InvariantCulture, $"p-{r.SessionId:x}-1"),
            code,
            reason,
            r.Inbound,
            missed,
            r.Owner,
            r.From,
            r.To,
            withRecordings ? recordings : Array.Empty<string>()));

        Add(start, "Setup", null);
        Add(start.AddMilliseconds(200), "Proceeding", null);
        if (connected)
        {
            var answered = start + ring;
            Add(answered, "Answered", null, withRecordings: true);
            if (r.SessionId % 3 == 0 && end - answered > TimeSpan.FromSeconds(4))
            {
                // Some calls are held for a moment: the party that holds reports Hold, then Answered again.
                var held = answered + ((end - answered) / 3);
                Add(held, "Hold", null, withRecordings: true);
                Add(held.AddSeconds(2), "Answered", null, withRecordings: true);
            }
            Add(end, "Disconnected", "CallFinished", withRecordings: true);
        }
        else if (r.Result == "Voicemail")
        {
            Add(start + ring, "VoiceMail", "Voicemail");
            Add(end, "Disconnected", "Voicemail");
        }
        else
        {
            Add(end, "Disconnected", r.Inbound ? "NoAnswer" : "Cancelled");
        }

        return events;
    }
}
