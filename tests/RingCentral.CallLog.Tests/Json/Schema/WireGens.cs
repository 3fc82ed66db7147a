using System.Globalization;
using CsCheck;

namespace RingCentral.CallLog.Tests.Json.Schema;

/// <summary>
/// Generators of the JSON values a server may put in a property, by what the property holds. The
/// choices lean towards what RingCentral really sends (ids of digits, ISO times with milliseconds)
/// and mix in what it may send (ids as numbers, escapes, non-ASCII, long text, unknown values).
/// Listed cheapest first where shrinking should go (absent before present, short before long).
/// </summary>
internal static class WireGens
{
    /// <summary>How a string is escaped: mostly plainly, sometimes every non-ASCII character, sometimes everything.</summary>
    public static readonly Gen<StringEscaping> Escaping = Gen.Frequency(
        (7, Gen.Const(StringEscaping.Minimal)),
        (2, Gen.Const(StringEscaping.AsciiOnly)),
        (1, Gen.Const(StringEscaping.Everything)));

    /// <summary>Property names: almost always plain, now and then every character escaped.</summary>
    public static readonly Gen<StringEscaping> NameEscaping = Gen.Frequency(
        (19, Gen.Const(StringEscaping.Minimal)),
        (1, Gen.Const(StringEscaping.Everything)));

    private static readonly Gen<string> s_piece = Gen.Frequency(
        (10, Gen.Char.AlphaNumeric.Select(c => c.ToString())),
        (2, Gen.Const(" ")),
        (3, Gen.Char["äöüßéèñçøåÆŒЖжЯяΩπ中文日本語한국어ไทยעבריתالعربية"].Select(c => c.ToString())),
        (1, Gen.Int[0x1F300, 0x1FAFF].Select(char.ConvertFromUtf32)), // outside the BMP: a surrogate pair
        (1, Gen.Char["\"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f\u2028\u2029\uFEFF"].Select(c => c.ToString())));

    /// <summary>Free text (names, locations, descriptions): short mostly, now and then thousands of characters.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (40, s_piece.Array[0, 24]),
        (1, s_piece.Array[300, 3000])).Select(string.Concat);

    /// <summary>Text for the "every property present" pages: the same characters, kept short.</summary>
    public static readonly Gen<string> ShortText = s_piece.Array[1, 16].Select(string.Concat);

    /// <summary>Letters and digits, 1 to 16 of them.</summary>
    public static readonly Gen<string> Word = Gen.String[Gen.Char.AlphaNumeric, 1, 16];

    /// <summary>Digits without a leading zero, so they can also be sent as a JSON number.</summary>
    public static Gen<string> Digits(int min, int max) =>
        Gen.Select(Gen.Char['1', '9'], Gen.Char['0', '9'].Array[min - 1, max - 1], (first, rest) => first + new string(rest));

    private static readonly Gen<bool> s_asNumber = Gen.Frequency((3, Gen.Const(false)), (2, Gen.Const(true)));

    /// <summary>
    /// An id the contract says is a string. RingCentral's ids are digits, sent as strings or (in older
    /// and some current resources) as JSON numbers; telephony ids are letters, digits and dashes.
    /// </summary>
    public static readonly Gen<WireValue> Id = Gen.Frequency(
        (6, Gen.Select(Digits(1, 19), s_asNumber, Escaping, (digits, number, escaping) => number ? new WireNumber(digits) : (WireValue)new WireString(digits, escaping))),
        (3, Gen.Select(Gen.Char["sp"], Gen.String[Gen.Char["0123456789abcdef-"], 4, 40], Escaping, (p, rest, e) => (WireValue)new WireString(p + "-" + rest, e))),
        (1, Gen.Select(Text, Escaping, (t, e) => (WireValue)new WireString(t, e))));

    /// <summary>An id the schema says is an integer (<c>extension.id</c>): a number, sometimes a string of digits.</summary>
    public static readonly Gen<WireValue> IntegerId = Gen.Select(Digits(1, 18), s_asNumber, (digits, number) => number ? (WireValue)new WireString(digits) : new WireNumber(digits));

    /// <summary>A short extension number: digits, as a string or now and then as a number.</summary>
    public static readonly Gen<WireValue> ExtensionNumber = Gen.Select(Digits(1, 6), s_asNumber, Escaping, (digits, number, e) => number ? new WireNumber(digits) : (WireValue)new WireString(digits, e));

    /// <summary>Phone numbers as RingCentral formats them (E.164, or with a database's punctuation).</summary>
    public static readonly Gen<string> PhoneNumber = Gen.Frequency(
        (6, Digits(10, 10).Select(d => "+1" + d)),
        (2, Gen.Select(Digits(3, 3), Digits(3, 3), Digits(4, 4), (a, b, c) => "(" + a + ")" + b + "-" + c)),
        (1, Gen.Select(Digits(6, 15), d => "+" + d)),
        (1, Text));

    /// <summary>An absolute URI under the platform's host, as every link in a call log is.</summary>
    public static readonly Gen<string> Uri = Gen.Select(
        Digits(3, 12),
        Word,
        Gen.Frequency((4, Gen.Const(string.Empty)), (1, Word.Select(q => "?view=Detailed&page=2&perPage=1000&x=" + q))),
        (account, id, query) => "https://platform.ringcentral.com/restapi/v1.0/account/" + account + "/call-log/" + id + query);

    /// <summary>
    /// ISO 8601 times with a zone, as the schema's <c>date-time</c> says: UTC with milliseconds most
    /// often, also without a fraction, with 1 to 7 fraction digits, or with an offset.
    /// </summary>
    public static readonly Gen<string> Time = Gen.Select(
        Gen.Int[0, 11_322], // days from 2000-01-01 (to 2030-12-31)
        Gen.Int[0, 86_399_999], // milliseconds into the day
        Gen.Int[0, 9_999], // ticks below the millisecond
        Gen.Frequency((6, Gen.Const(3)), (2, Gen.Const(0)), (2, Gen.Int[1, 7])),
        Gen.Frequency((7, Gen.Const(0)), (3, Gen.Int[-14 * 60, 14 * 60])),
        (days, ms, ticks, digits, offset) => FormatTime(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks + (days * 86_400_000L + ms) * TimeSpan.TicksPerMillisecond + ticks, digits, offset));

    // Values come from int generators rather than long ones: CsCheck sizes a long by its magnitude
    // (up to 2^64), which would drown every other part of a record's size and so its shrinking.

    /// <summary>Non-negative whole numbers up to <paramref name="max"/>.</summary>
    public static Gen<WireValue> Whole(int max) => Gen.Int[0, max].Select(n => (WireValue)new WireNumber(n.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Whole numbers up to about 2 * 10^10 (past int's range: durationMs is a long).</summary>
    public static readonly Gen<WireValue> LargeWhole = Gen.Select(Gen.Int[0, 999_999_999], Gen.Int[0, 20], (low, high) => (WireValue)new WireNumber((high * 1_000_000_000L + low).ToString(CultureInfo.InvariantCulture)));

    /// <summary>Decimal numbers (costs), written in the forms a JSON printer may choose.</summary>
    public static readonly Gen<WireValue> Decimal = Gen.Frequency(
        (5, Gen.Int[0, 1_000_000].Select(i => (i / 10_000.0).ToString("R", CultureInfo.InvariantCulture))),
        (1, Gen.Int[1, 9999].Select(i => "1." + i.ToString(CultureInfo.InvariantCulture) + "E-05")),
        (1, Gen.Const("0"))).Select(t => (WireValue)new WireNumber(t));

    /// <summary>A value of a listed enumeration, or (one time in five) one the spec does not list.</summary>
    public static Gen<string> EnumValue(IReadOnlyList<string> listed) => Gen.Frequency(
        (8, Gen.OneOf(listed.ToArray())),
        (1, Word.Select(s => "Future" + s)),
        (1, Text));

    /// <summary>A number in one of the shapes JSON allows, for properties nobody reads.</summary>
    private static readonly Gen<string> s_anyNumber = Gen.Frequency(
        (4, Gen.Int.Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Double.Unit.Select(d => (d * 1000 - 500).ToString("R", CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("-0", "0.0", "1.5E+300", "-2e-7", "1E400", "123456789012345678901234567890", "0.000000000000000000001")));

    private static readonly Gen<WireValue> s_scalar = Gen.Frequency(
        (4, Gen.Select(Text, Escaping, (t, e) => (WireValue)new WireString(t, e))),
        (3, s_anyNumber.Select(n => (WireValue)new WireNumber(n))),
        (1, Gen.Bool.Select(b => (WireValue)new WireBool(b))),
        (1, Gen.Const<WireValue>(WireNull.Instance)));

    /// <summary>
    /// Names of properties the schema does not define. Every schema name starts with a lowercase
    /// letter and has no underscore, so "x_..." can never collide with one.
    /// </summary>
    public static readonly Gen<string> UnknownName = Gen.Frequency(
        (6, Word.Select(s => "x_" + s)),
        (1, ShortText.Select(t => "x_" + t)));

    /// <summary>Any JSON value up to three levels deep: what a new RingCentral field might hold.</summary>
    public static readonly Gen<WireValue> AnyJson = Gen.Recursive<WireValue>((depth, self) => depth >= 2
        ? s_scalar
        : Gen.Frequency(
            (5, s_scalar),
            (2, self.Array[0, 3].Select(items => (WireValue)new WireArray(items))),
            (2, Gen.Select(UnknownName, self, NameEscaping, (n, v, e) => new WireMember(n, v, true, e)).Array[0, 3].Select(m => (WireValue)new WireObject(m)))));

    /// <summary>Unknown members: none most of the time, else one or two.</summary>
    public static readonly Gen<WireMember[]> UnknownMembers = Gen.Frequency(
        (6, Gen.Const(Array.Empty<WireMember>())),
        (4, UnknownMember().Array[1, 2]));

    /// <summary>One or two unknown members, for the "every property present" pages.</summary>
    public static readonly Gen<WireMember[]> SomeUnknownMembers = UnknownMember().Array[1, 2];

    private static Gen<WireMember> UnknownMember() => Gen.Select(UnknownName, AnyJson, NameEscaping, (n, v, e) => new WireMember(n, v, true, e));

    /// <summary>
    /// The same values, sized one level down. CsCheck compares sizes level by level (a Select adds
    /// its parts' sizes; SelectMany appends the second part's below the first). With each member's
    /// value one level below its presence, a record's size is first how many optional properties it
    /// sends, and only then how big their values are: shrinking drops properties before it shortens them.
    /// </summary>
    public static Gen<T> Deeper<T>(Gen<T> gen) => Gen.Const(0).SelectMany(_ => gen);

    /// <summary>Generates every element of <paramref name="gens"/> (a balanced tree of Selects, so it shrinks element by element).</summary>
    public static Gen<T[]> All<T>(IReadOnlyList<Gen<T>> gens)
    {
        if (gens.Count == 0)
        {
            return Gen.Const(() => Array.Empty<T>());
        }

        if (gens.Count == 1)
        {
            return gens[0].Select(x => new[] { x });
        }

        var half = gens.Count / 2;
        return Gen.Select(All(gens.Take(half).ToList()), All(gens.Skip(half).ToList()), (a, b) => (T[])[.. a, .. b]);
    }

    private static string FormatTime(long utcTicks, int fractionDigits, int offsetMinutes)
    {
        var scale = (long)Math.Pow(10, 7 - fractionDigits);
        var utc = new DateTimeOffset(utcTicks / scale * scale, TimeSpan.Zero);
        var local = utc.ToOffset(TimeSpan.FromMinutes(offsetMinutes));
        var text = local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (fractionDigits > 0)
        {
            text += "." + (local.Ticks % TimeSpan.TicksPerSecond).ToString("D7", CultureInfo.InvariantCulture)[..fractionDigits];
        }

        return text + (offsetMinutes == 0 ? "Z" : local.ToString("zzz", CultureInfo.InvariantCulture));
    }
}
