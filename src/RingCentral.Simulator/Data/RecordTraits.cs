using System.Collections.Frozen;
using System.Globalization;

namespace RingCentral.Simulator.Data;

/// <summary>
/// The optional parts of a record that RingCentral sends but the store need not hold: delegate,
/// metadata categories, transfer links, billing, dial strings, SIP and party ids. Each is derived
/// from a hash of the record's session and owner when the record is written, so 1.2 M records cost
/// no extra memory, the same seed gives the same answers, and every part shows up in its own share
/// of records (the proportions are in the members below).
/// </summary>
internal readonly struct RecordTraits
{
    // Values outside the spec's enumerations: RingCentral adds values, clients must take them.
    public const string UnlistedInternalType = "TollFreeInternational";
    public const string UnlistedAction = "Ring Group";
    public const string UnlistedResult = "Declined by Carrier";
    public const string UnlistedReason = "Carrier Rejected";
    public const string UnlistedLegType = "Intercom";
    public const string UnlistedDelegationType = "SharedLine";

    private static readonly string[][] Categories = [["Recording"], ["QualityManagement"], ["Recording", "Compliance"], ["Sentiment"]];
    private static readonly string[] DelegationTypes = ["Coworker", "Coworker", "Coworker", "QueueForwarding", "QueueForwarding", "Unknown", UnlistedDelegationType];

    // The spec's own sentences (CallResultReasonEnum) for the reasons the generator uses.
    private static readonly FrozenDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Accepted"] = "The call was connected to and accepted by this number",
        ["Connected"] = "The call was answered, but there was no response on how to handle the call (for example, a voice mail system answered the call and did not push \"1\" to accept)",
        ["Line Busy"] = "The phone number you dialed was busy",
        ["Not Answered"] = "The phone number you dialed was not answered",
        ["No Answer"] = "You did not answer the call",
        ["Hang Up"] = "The caller hung up before the call was answered",
        ["Bad Number"] = "An error occurred when making the call. Please check the number before trying again",
        ["Calls Not Accepted"] = "Your account was not accepting calls at this time",
        ["Number Blocked"] = "This number is in your Blocked Numbers list",
        ["Fax Not Received"] = "An incoming fax could not be received because a proper connection with the sender's fax machine could not be established",
        ["Fax Send Error"] = "An error occurred when sending the fax. Please try again",
        [UnlistedReason] = "The carrier of the called number rejected the call",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly ulong _h;

    public RecordTraits(CallRecord r) => _h = Mix((ulong)r.SessionId ^ ((ulong)r.Owner.Index << 52));

    /// <summary>0 for most sessions; 1, 2 or 3 for about 0.4 % of sessions each (picks an unlisted enumeration value).</summary>
    public static int Rare(long sessionId)
    {
        var x = Mix((ulong)sessionId ^ 0x5BD1E995UL) % 1000;
        return x < 12 ? (int)(x / 4) + 1 : 0;
    }

    /// <summary>About 8 % of calls carry metadata categories (arrays shared by all records).</summary>
    public string[]? MetadataCategories => Bits(0, 100) < 8 ? Categories[Bits(8, Categories.Length)] : null;

    /// <summary>About one call in eight of an extension with a secretary was handled by the secretary.</summary>
    public Extension? DelegateOf(CallRecord r) => r.Owner.Delegate is { } d && !r.IsFax && Bits(16, 8) == 0 ? d : null;

    public string DelegationType => DelegationTypes[Bits(24, DelegationTypes.Length)];

    /// <summary>85 % of records carry the raw dialer / dialed strings.</summary>
    public bool SendsDialStrings => Bits(32, 100) < 85;

    /// <summary>Warm transfers link the other telephony session: the target, the transferee or both.</summary>
    public bool HasTransferTarget(CallRecord r) => r.Action == "Transfer" && Bits(40, 3) != 1;

    public bool HasTransferee(CallRecord r) => r.Action == "Transfer" && Bits(40, 3) != 0;

    public string LinkedTelephonySessionId(CallRecord r) => CallRecord.TelephonySessionIdOf(r.SessionId + 1 + Bits(44, 500));

    /// <summary>About 2 % of the extra legs have a leg type the spec does not list.</summary>
    public bool UnlistedLegTypeAt(int leg) => Bits(48 + leg, 50) == 0;

    /// <summary>The per-minute costs of the call: international minutes are purchased, long distance and toll-free are included.</summary>
    public static (double Included, double Purchased) Billing(CallRecord r)
    {
        var minutes = (r.DurationMs + 59_999) / 60_000;
        return r.InternalType switch
        {
            "International" or UnlistedInternalType => (0, Math.Round(minutes * 0.089, 3)),
            "LongDistance" => (Math.Round(minutes * 0.021, 3), 0),
            "TollFreeNumber" => (Math.Round(minutes * 0.013, 3), 0),
            _ => (0, 0),
        };
    }

    public static string? DescriptionOf(string? reason) => reason is not null && Descriptions.TryGetValue(reason, out var d) ? d : null;

    /// <summary>A UUID-looking SIP call id, one per leg (<paramref name="leg"/> 0 is the record itself).</summary>
    public static int FormatSipUuid(long sessionId, int leg, Span<char> into)
    {
        var a = Mix((ulong)sessionId * 31 + (ulong)leg);
        var b = Mix(a ^ 0x2545F4914F6CDD1DUL);
        Span<char> hex = stackalloc char[32];
        a.TryFormat(hex, out _, "x16", CultureInfo.InvariantCulture);
        b.TryFormat(hex[16..], out _, "x16", CultureInfo.InvariantCulture);
        var n = 0;
        for (var i = 0; i < 32; i++)
        {
            if (i is 8 or 12 or 16 or 20) into[n++] = '-';
            into[n++] = hex[i];
        }
        return n;
    }

    /// <summary>RingCentral's party id form: <c>p-</c>, the telephony session without its <c>s-</c>, <c>-</c> and the party's number.</summary>
    public static int FormatPartyId(string telephonySessionId, int party, Span<char> into)
    {
        "p-".CopyTo(into);
        telephonySessionId.AsSpan(2).CopyTo(into[2..]);
        var n = telephonySessionId.Length;
        into[n++] = '-';
        party.TryFormat(into[n..], out var digits, default, CultureInfo.InvariantCulture);
        return n + digits;
    }

    private int Bits(int shift, int mod) => (int)((_h >> shift) % (ulong)mod);

    private static ulong Mix(ulong x)
    {
        // splitmix64 finaliser: spreads neighbouring session ids over all bits.
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
