using System.Text.Json;
using RingCentral.Simulator.Data;

namespace RingCentral.Simulator.Json;

/// <summary>
/// Writes the parts of a record beyond the basic call facts, as RingCentral's schema defines them:
/// parties with <c>device</c> and the raw dial strings, <c>delegate</c>, SIP / party ids, transfer
/// links, metadata categories and billing. What each record gets comes from <see cref="RecordTraits"/>.
/// </summary>
internal static class RecordExtrasWriter
{
    public const string DialerKey = "dialerPhoneNumber";
    public const string DialedKey = "dialedPhoneNumber";

    /// <summary>
    /// A party. <paramref name="voip"/>: the leg runs over VoIP, so an extension's party is its
    /// RingCentral phone and carries <c>device</c>. <paramref name="dialKey"/> names the raw dial string to add
    /// (<c>dialerPhoneNumber</c> on the caller of inbound calls, <c>dialedPhoneNumber</c> on the callee of outbound ones).
    /// </summary>
    public static void WriteParty(Utf8JsonWriter w, string name, Party p, UriContext ctx, bool voip, string? dialKey)
    {
        w.WriteStartObject(name);
        if (p.PhoneNumber is not null) w.WriteString("phoneNumber", p.PhoneNumber);
        if (p.ExtensionNumber is not null) w.WriteString("extensionNumber", p.ExtensionNumber);
        if (p.ExtensionId is not null) w.WriteString("extensionId", p.ExtensionId);
        if (p.Name is not null) w.WriteString("name", p.Name);
        if (p.Location is not null) w.WriteString("location", p.Location);
        if (voip && p.DeviceId is not null)
        {
            w.WriteStartObject("device");
            w.WriteString("id", p.DeviceId);
            w.WriteString("uri", ctx.AccountPath + "/device/" + p.DeviceId);
            w.WriteEndObject();
        }
        if (dialKey is not null && p.PhoneNumber is { Length: > 2 } number && !number.Contains('X', StringComparison.Ordinal))
        {
            // What was dialled, before RingCentral normalised it: no '+', and no country code for US numbers when dialled.
            var raw = number.AsSpan(1);
            if (dialKey == DialedKey && raw.StartsWith("1") && raw.Length == 11) raw = raw[1..];
            w.WriteString(dialKey, raw);
        }
        w.WriteEndObject();
    }

    /// <summary>The secretary who acted for the owner, and how the call came to them.</summary>
    public static void WriteDelegate(Utf8JsonWriter w, CallRecord r, RecordTraits traits)
    {
        if (traits.DelegateOf(r) is not { } d) return;
        w.WriteStartObject("delegate");
        w.WriteString("id", d.Id);
        w.WriteString("name", d.Name);
        w.WriteEndObject();
        w.WriteString("delegationType", traits.DelegationType);
    }

    /// <summary>SIP call id, party id, transfer links and metadata categories of the record (party 1) or of one of its legs.</summary>
    public static void WriteSession(Utf8JsonWriter w, CallRecord r, RecordTraits traits, string telephonySessionId, int party, bool mastered, bool transfer)
    {
        Span<char> buf = stackalloc char[64];
        if (!r.IsFax) w.WriteString("sipUuidInfo", buf[..RecordTraits.FormatSipUuid(r.SessionId, party, buf)]);
        w.WriteString("partyId", buf[..RecordTraits.FormatPartyId(telephonySessionId, party, buf)]);
        if (transfer && traits.HasTransferTarget(r))
        {
            w.WriteStartObject("transferTarget");
            w.WriteString("telephonySessionId", traits.LinkedTelephonySessionId(r));
            w.WriteEndObject();
        }
        if (transfer && traits.HasTransferee(r))
        {
            w.WriteStartObject("transferee");
            w.WriteString("telephonySessionId", CallRecord.TelephonySessionIdOf(r.SessionId + 7));
            w.WriteEndObject();
        }
        if (mastered && traits.MetadataCategories is { } categories)
        {
            w.WriteStartArray("metadataCategories");
            foreach (var c in categories) w.WriteStringValue(c);
            w.WriteEndArray();
        }
    }

    /// <summary>Billing, Detailed view only: the record and its master leg carry the call's costs, the other legs zero.</summary>
    public static void WriteBilling(Utf8JsonWriter w, CallRecord r, bool mastered)
    {
        var (included, purchased) = mastered ? RecordTraits.Billing(r) : (0, 0);
        w.WriteStartObject("billing");
        w.WriteNumber("costIncluded", included);
        w.WriteNumber("costPurchased", purchased);
        w.WriteEndObject();
    }
}
