using System.Globalization;

namespace RingCentral.CallLog.Tests.Json.Schema;

/// <summary>
/// The model of expected values: what each contract property of <see cref="CallLogRecord"/> and
/// <see cref="CallLogLeg"/> (the design's "Output types" list) must be, read from the record exactly
/// as it was sent. The mapping, property by property:
/// <list type="bullet">
/// <item>Ids and enumerated values (<c>Id</c>, <c>SessionId</c>, <c>Type</c>, <c>Result</c>, <c>LegType</c>,
///   party fields, <c>ExtensionId</c> = extension.id, <c>DelegateId</c>/<c>DelegateName</c> = delegate.id/name,
///   <c>RecordingId</c>/<c>RecordingType</c> = recording.id/type, <c>MessageId</c>/<c>MessageType</c> =
///   message.id/type): the string as sent; a JSON number as its digits, exactly as written; true/false
///   as "true"/"false"; absent, null, an object or an array: null (<c>Id</c>: "").</item>
/// <item><c>Uri</c>, <c>RecordingContentUri</c> = recording.contentUri: the string, or null.</item>
/// <item><c>StartTime</c>, <c>LastModifiedTime</c>: the ISO 8601 time as an instant, in UTC (offset 0);
///   <c>StartTime</c> absent: default.</item>
/// <item><c>Duration</c> (seconds, int), <c>DurationMs</c> (long): the number, or null.</item>
/// <item><c>Deleted</c>, <c>ShortRecording</c>, <c>Master</c>: true only when sent as true.</item>
/// <item><c>From*</c>/<c>To*</c> = from/to.phoneNumber, extensionNumber, extensionId, name, location
///   (device, dialerPhoneNumber, dialedPhoneNumber and unknown members are not contract properties).</item>
/// <item><c>LegCount</c>, <c>Legs</c>: one leg per element of <c>legs</c>, in order, each with
///   <c>CallLogId</c> = the record's <c>Id</c>.</item>
/// </list>
/// The test checks this list against the public properties of the output types, so a property added
/// to them without a rule here fails.
/// </summary>
internal static class ContractExpectations
{
    /// <summary>Public properties computed from others (and Legs, compared leg by leg).</summary>
    public static readonly IReadOnlySet<string> Derived = new HashSet<string>(StringComparer.Ordinal) { "HasRecording", "From", "To", "Legs" };

    public static Dictionary<string, object?> ForRecord(WireObject record)
    {
        var expected = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Id"] = Text(record["id"]) ?? string.Empty,
            ["SessionId"] = Text(record["sessionId"]),
            ["TelephonySessionId"] = Text(record["telephonySessionId"]),
            ["PartyId"] = Text(record["partyId"]),
            ["LastModifiedTime"] = Time(record["lastModifiedTime"]),
            ["Deleted"] = Flag(record["deleted"]) ?? false,
            ["Uri"] = Plain(record["uri"]),
            ["LegCount"] = Legs(record).Count,
        };
        AddEntry(expected, record);
        return expected;
    }

    public static Dictionary<string, object?> ForLeg(WireObject leg, string callLogId)
    {
        var expected = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["CallLogId"] = callLogId,
            ["LegType"] = Text(leg["legType"]),
            ["Master"] = Flag(leg["master"]) ?? false,
        };
        AddEntry(expected, leg);
        return expected;
    }

    /// <summary>The legs as sent (an absent or null <c>legs</c> is none).</summary>
    public static IReadOnlyList<WireObject> Legs(WireObject record) =>
        record["legs"] is WireArray legs ? legs.Items.OfType<WireObject>().ToList() : [];

    private static void AddEntry(Dictionary<string, object?> expected, WireObject entry)
    {
        expected["StartTime"] = Time(entry["startTime"]) ?? default(DateTimeOffset);
        expected["Duration"] = Whole(entry["duration"]) is long seconds ? (int)seconds : null;
        expected["DurationMs"] = Whole(entry["durationMs"]);
        foreach (var (property, member) in new[]
        {
            ("Type", "type"), ("Direction", "direction"), ("Action", "action"), ("Result", "result"), ("Reason", "reason"),
            ("ReasonDescription", "reasonDescription"), ("Transport", "transport"), ("InternalType", "internalType"),
        })
        {
            expected[property] = Text(entry[member]);
        }

        foreach (var (prefix, member) in new[] { ("From", "from"), ("To", "to") })
        {
            var party = entry[member] as WireObject;
            expected[prefix + "PhoneNumber"] = Text(party?["phoneNumber"]);
            expected[prefix + "ExtensionNumber"] = Text(party?["extensionNumber"]);
            expected[prefix + "ExtensionId"] = Text(party?["extensionId"]);
            expected[prefix + "Name"] = Text(party?["name"]);
            expected[prefix + "Location"] = Text(party?["location"]);
        }

        var extension = entry["extension"] as WireObject;
        var @delegate = entry["delegate"] as WireObject;
        var recording = entry["recording"] as WireObject;
        var message = entry["message"] as WireObject;
        expected["ExtensionId"] = Text(extension?["id"]);
        expected["DelegateId"] = Text(@delegate?["id"]);
        expected["DelegateName"] = Text(@delegate?["name"]);
        expected["RecordingId"] = Text(recording?["id"]);
        expected["RecordingType"] = Text(recording?["type"]);
        expected["RecordingContentUri"] = Plain(recording?["contentUri"]);
        expected["ShortRecording"] = Flag(entry["shortRecording"]) ?? false;
        expected["MessageId"] = Text(message?["id"]);
        expected["MessageType"] = Text(message?["type"]);
    }

    /// <summary>A string property that also takes numbers and booleans (ids, enumerations, names).</summary>
    private static string? Text(WireValue? value) => value switch
    {
        WireString s => s.Value,
        WireNumber n => n.Text,
        WireBool b => b.Value ? "true" : "false",
        _ => null,
    };

    private static string? Plain(WireValue? value) => (value as WireString)?.Value;

    private static long? Whole(WireValue? value) => value is WireNumber n ? long.Parse(n.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;

    private static bool? Flag(WireValue? value) => (value as WireBool)?.Value;

    private static DateTimeOffset? Time(WireValue? value) => value is WireString s
        ? DateTimeOffset.ParseExact(s.Value, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None).ToUniversalTime()
        : null;
}
