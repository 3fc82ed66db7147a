using System.Globalization;
using System.Text.Json;
using RingCentral.Simulator.Data;

namespace RingCentral.Simulator.Json;

/// <summary>
/// Writes call-log records in RingCentral's field order and types (see the real fixtures):
/// ids as strings, leg <c>extension.id</c> as a number, times as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.
/// Written straight with Utf8JsonWriter so a 1000-record page takes a few milliseconds.
/// </summary>
internal static class RecordJsonWriter
{
    private static readonly string[] LegTypesInbound = ["Accept", "PstnToSip", "FindMe", "Hunting"];
    private static readonly string[] LegTypesOutbound = ["SipToPstnMetered", "RingOutWebToCaller", "RingOutWebToSubscriber", "ExtensionToExtension"];

    /// <summary>Writes one record. <paramref name="extensionLevel"/> picks the uri form; <paramref name="activeAtMs"/> marks in-progress calls (active calls list).</summary>
    public static void Write(Utf8JsonWriter w, CallRecord r, bool detailed, UriContext ctx, bool extensionLevel, bool showDeletedFlag, long? activeAtMs = null, bool withViewInUri = true, Action<Utf8JsonWriter>? extra = null)
    {
        w.WriteStartObject();
        var uri = extensionLevel
            ? ctx.AccountPath + "/extension/" + r.Owner.Id + "/call-log/" + r.Id
            : ctx.AccountPath + "/call-log/" + r.Id;
        if (withViewInUri) uri += detailed ? "?view=Detailed" : "?view=Simple";
        w.WriteString("uri", uri);
        w.WriteString("id", r.Id);
        w.WriteString("sessionId", r.SessionId.ToString(CultureInfo.InvariantCulture));
        var tsid = r.TelephonySessionId;
        w.WriteString("telephonySessionId", tsid);
        var inProgress = activeAtMs is long now && r.EndMs > now;
        var durationMs = inProgress ? (int)Math.Max(0, activeAtMs!.Value - r.StartMs) : r.DurationMs;
        var result = inProgress ? "In Progress" : r.Result;
        var traits = new RecordTraits(r);
        var voip = !r.Pstn;
        WriteBody(w, r, ctx, traits, durationMs, result, inProgress ? null : r.Reason, r.Inbound, r.From, r.To, r.Action, voip, mastered: true);
        w.WriteString("transport", voip ? "VoIP" : "PSTN");
        WriteExtension(w, r, ctx);
        RecordExtrasWriter.WriteSession(w, r, traits, tsid, party: 1, mastered: true, transfer: true);
        if (detailed) WriteTime(w, "lastModifiedTime", r.LastModifiedMs);
        if (detailed) RecordExtrasWriter.WriteBilling(w, r, mastered: true);
        // finished: in Detailed answers, and in every active-calls answer, where calls still run.
        if (detailed || activeAtMs is not null) w.WriteBoolean("finished", !inProgress);
        if (showDeletedFlag && r.Deleted) w.WriteBoolean("deleted", true);
        if (detailed) WriteLegs(w, r, ctx, traits, tsid, durationMs, result, inProgress);
        extra?.Invoke(w);
        w.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter w, CallRecord r, UriContext ctx, RecordTraits traits, int durationMs, string result, string? reason, bool inbound, Party from, Party to, string action, bool voip, bool mastered)
    {
        WriteTime(w, "startTime", r.StartMs);
        w.WriteNumber("duration", durationMs / 1000);
        w.WriteNumber("durationMs", durationMs);
        w.WriteString("type", r.IsFax ? "Fax" : "Voice");
        w.WriteString("internalType", r.InternalType);
        w.WriteString("direction", inbound ? "Inbound" : "Outbound");
        w.WriteString("action", action);
        w.WriteString("result", result);
        if (reason is not null) w.WriteString("reason", reason);
        if (RecordTraits.DescriptionOf(reason) is { } description) w.WriteString("reasonDescription", description);
        var dial = mastered && traits.SendsDialStrings;
        RecordExtrasWriter.WriteParty(w, "to", to, ctx, voip, dial && !inbound ? RecordExtrasWriter.DialedKey : null);
        RecordExtrasWriter.WriteParty(w, "from", from, ctx, voip, dial && inbound ? RecordExtrasWriter.DialerKey : null);
        if (r.HasRecording)
        {
            w.WriteStartObject("recording");
            w.WriteString("uri", ctx.RecordingUri(r.RecordingId));
            w.WriteString("id", r.RecordingId.ToString(CultureInfo.InvariantCulture));
            w.WriteString("type", r.RecordingOnDemand ? "OnDemand" : "Automatic");
            w.WriteString("contentUri", ctx.ContentUri(r.RecordingId));
            w.WriteEndObject();
        }
        else if (r.ShortRecording)
        {
            w.WriteBoolean("shortRecording", true);
        }
        if (r.LinkedMessageId is var messageId and not 0)
        {
            // A string id and the extension-level message-store uri, as in RingCentral's fax sample.
            var id = messageId.ToString(CultureInfo.InvariantCulture);
            w.WriteStartObject("message");
            w.WriteString("uri", ctx.AccountPath + "/extension/" + r.Owner.Id + "/message-store/" + id);
            w.WriteString("id", id);
            w.WriteString("type", r.IsFax ? "Fax" : "VoiceMail");
            w.WriteEndObject();
        }
        if (mastered) RecordExtrasWriter.WriteDelegate(w, r, traits);
    }

    /// <summary>Legs are derived from the record: the master leg mirrors it; extra legs show the PSTN/SIP hops.</summary>
    private static void WriteLegs(Utf8JsonWriter w, CallRecord r, UriContext ctx, RecordTraits traits, string tsid, int durationMs, string result, bool inProgress)
    {
        w.WriteStartArray("legs");
        var pick = (int)((ulong)r.SessionId / 1000 % 4);
        for (var i = 0; i < r.LegCount; i++)
        {
            w.WriteStartObject();
            var master = i == 0;
            // The second leg of an inbound call is the hop from the PSTN to the extension's device, and so on.
            var inbound = master ? r.Inbound : !r.Inbound;
            var from = master ? r.From : r.Inbound ? r.To : r.From;
            var to = master ? r.To : r.Inbound ? r.From : r.To;
            var action = master ? r.Action : r.Pstn ? "VoIP Call" : "Phone Call";
            var voip = master ? !r.Pstn : r.Pstn;
            WriteBody(w, r, ctx, traits, durationMs, result, inProgress ? null : r.Reason, inbound, from, to, action, voip, master);
            w.WriteString("transport", voip ? "VoIP" : "PSTN");
            var types = r.Inbound ? LegTypesInbound : LegTypesOutbound;
            // A warm transfer's second leg is the transfer itself.
            var transferLeg = i == 1 && r.Action == "Transfer";
            var legType = r.IsFax ? (r.Inbound ? "Accept" : "FaxSent")
                : transferLeg ? "TransferCall"
                : !master && traits.UnlistedLegTypeAt(i) ? RecordTraits.UnlistedLegType
                : types[(pick + i) % types.Length];
            w.WriteString("legType", legType);
            if (master) w.WriteBoolean("master", true);
            WriteExtension(w, r, ctx);
            w.WriteString("telephonySessionId", tsid);
            RecordExtrasWriter.WriteSession(w, r, traits, tsid, party: i + 1, mastered: master, transfer: master || transferLeg);
            RecordExtrasWriter.WriteBilling(w, r, master);
            w.WriteBoolean("finished", !inProgress);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The extension on whose behalf the call was made: <c>id</c> is a JSON number, as on RingCentral.</summary>
    private static void WriteExtension(Utf8JsonWriter w, CallRecord r, UriContext ctx)
    {
        w.WriteStartObject("extension");
        w.WriteString("uri", ctx.AccountPath + "/extension/" + r.Owner.Id);
        w.WriteNumber("id", r.Owner.NumericId);
        w.WriteEndObject();
    }

    /// <summary>Writes a time as RingCentral does: UTC with milliseconds and a Z.</summary>
    public static void WriteTime(Utf8JsonWriter w, string name, long unixMs)
    {
        Span<byte> buf = stackalloc byte[24];
        FormatTime(unixMs, buf);
        w.WriteString(name, buf);
    }

    private static void FormatTime(long unixMs, Span<byte> buf)
    {
        var t = DateTime.UnixEpoch.AddMilliseconds(unixMs);
        Two(buf, 0, t.Year / 100); Two(buf, 2, t.Year % 100); buf[4] = (byte)'-';
        Two(buf, 5, t.Month); buf[7] = (byte)'-'; Two(buf, 8, t.Day); buf[10] = (byte)'T';
        Two(buf, 11, t.Hour); buf[13] = (byte)':'; Two(buf, 14, t.Minute); buf[16] = (byte)':';
        Two(buf, 17, t.Second); buf[19] = (byte)'.';
        var ms = t.Millisecond;
        buf[20] = (byte)('0' + (ms / 100)); buf[21] = (byte)('0' + (ms / 10 % 10)); buf[22] = (byte)('0' + (ms % 10));
        buf[23] = (byte)'Z';
    }

    private static void Two(Span<byte> b, int at, int v)
    {
        b[at] = (byte)('0' + (v / 10));
        b[at + 1] = (byte)('0' + (v % 10));
    }
}
