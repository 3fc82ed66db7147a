namespace RingCentral.CallLog.Tests.Json.Schema;

// A JSON value exactly as the test sends it: the generators build these, WireJsonWriter turns them
// into text, and ContractExpectations reads the expected output from them. Keeping the text form
// (a number's digits, how a string is escaped, member order) in the model is what lets a test say
// "an id sent as the number 2447722008 must come out as the string "2447722008"".

/// <summary>A JSON value as sent.</summary>
internal abstract record WireValue;

/// <summary>An object; members in the order they are written.</summary>
internal sealed record WireObject(IReadOnlyList<WireMember> Members) : WireValue
{
    /// <summary>The value of a member, or null when the object has no such member.</summary>
    public WireValue? this[string name] => Members.FirstOrDefault(m => m.Name == name)?.Value;
}

/// <summary>
/// A member of an object. <paramref name="Unknown"/>: a property the schema does not define (a field
/// RingCentral may add tomorrow), which every reader must skip.
/// </summary>
internal sealed record WireMember(string Name, WireValue Value, bool Unknown = false, StringEscaping NameEscaping = StringEscaping.Minimal);

internal sealed record WireArray(IReadOnlyList<WireValue> Items) : WireValue;

internal sealed record WireString(string Value, StringEscaping Escaping = StringEscaping.Minimal) : WireValue;

/// <summary>A number, written exactly as <paramref name="Text"/> (e.g. <c>2447722008</c>, <c>-1.5E+300</c>).</summary>
internal sealed record WireNumber(string Text) : WireValue;

internal sealed record WireBool(bool Value) : WireValue;

internal sealed record WireNull : WireValue
{
    public static readonly WireNull Instance = new();
}

/// <summary>How a string's characters are written.</summary>
internal enum StringEscaping
{
    /// <summary>Only what JSON requires: quote, backslash, control characters. Non-ASCII as raw UTF-8.</summary>
    Minimal,

    /// <summary>Also every non-ASCII character as <c>\uXXXX</c> (surrogate pairs as two) and <c>/</c> as <c>\/</c>.</summary>
    AsciiOnly,

    /// <summary>Every character as <c>\uXXXX</c>.</summary>
    Everything,
}
