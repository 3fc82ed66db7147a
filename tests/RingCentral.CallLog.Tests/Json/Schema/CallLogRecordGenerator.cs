using CsCheck;

namespace RingCentral.CallLog.Tests.Json.Schema;

/// <summary>
/// Generates call log records (and pages of them) from RingCentral's published schema. The shape
/// comes from the schema file: every property of <c>CallLogRecord</c>, <c>CallLogRecordLegInfo</c>,
/// the parties (<c>device</c>, <c>dialerPhoneNumber</c>, <c>dialedPhoneNumber</c>), <c>BillingInfo</c>,
/// <c>delegate</c>, <c>message</c>, <c>recording</c>, <c>extension</c>, <c>transferTarget</c>/
/// <c>transferee</c>, <c>metadataCategories</c>, ... is generated because the schema lists it, with a
/// value of the schema's type, format and enumeration (see <see cref="ValueOf"/> for the mapping).
/// On top of what the schema says: optional properties are absent, present or <c>null</c>; ids go
/// out as JSON numbers now and then; enumerations get values the spec does not list; every object
/// the schema leaves open gets unknown members (objects, arrays, numbers, strings); members come
/// in any order; strings carry escapes and non-ASCII text.
/// </summary>
internal sealed class CallLogRecordGenerator
{
    private readonly PublishedSchema _schema;
    private readonly bool _complete;

    /// <param name="complete">
    /// Every optional property present with a value (never absent, never null) and unknown members in
    /// every open object: the heaviest records the schema allows, for the read-size tests.
    /// </param>
    public CallLogRecordGenerator(PublishedSchema schema, bool complete = false)
    {
        _schema = schema;
        _complete = complete;
    }

    /// <summary>One record of the call log in the given view ("Simple": no Detailed-only properties; "Detailed": with legs).</summary>
    public Gen<WireObject> Record(string view) => Object(_schema.Component("CallLogRecord"), view, null);

    /// <summary>
    /// Records for one page: 1 to 30 most of the time, 31 to 200 often, 201 to 1000 one time in 20.
    /// (The count is drawn by the array itself, so an array's size, and shrinking, starts with its length.)
    /// </summary>
    public Gen<WireObject[]> Records(string view) => Record(view).Array[Gen.Frequency(
        (12, Gen.Int[1, 30]),
        (7, Gen.Int[31, 200]),
        (1, Gen.Int[201, 1000]))];

    /// <summary>A page (<c>CallLogResponse</c>) holding <paramref name="records"/>, written in the given layout or either.</summary>
    public Gen<GeneratedPage> Page(string view, Gen<WireObject[]> records, WireLayout? layout = null)
    {
        // The page's own members (uri, navigation, paging, unknown ones) come from the schema too;
        // "records" is written from the records' own texts (see WireJsonWriter.WritePage).
        var placeholder = Gen.Const<WireValue>(new WireArray([]));
        var page = Object(_schema.Component("CallLogResponse"), view, new Dictionary<string, Gen<WireValue>> { ["records"] = placeholder });
        var layouts = layout is { } fixedLayout ? Gen.Const(fixedLayout) : Gen.OneOf(WireLayout.Compact, WireLayout.Spaced);

        // SelectMany puts the records' size first, so shrinking goes to fewer, then smaller, records
        // before it looks at the page's own members.
        return records.SelectMany(r => Gen.Select(page, layouts, (p, l) => new GeneratedPage(view, p, r, l)));
    }

    private Gen<WireObject> Object(SchemaShape shape, string view, Dictionary<string, Gen<WireValue>>? overrides)
    {
        var members = shape.Properties
            .Where(p => view == "Detailed" || !p.DetailedOnly)
            .Select(p => Member(p, overrides is not null && overrides.TryGetValue(p.Name, out var custom) ? custom : ValueOf(p, view)))
            .ToList();
        var unknown = !shape.AllowsExtraProperties ? Gen.Const(Array.Empty<WireMember>())
            : _complete ? WireGens.SomeUnknownMembers
            : WireGens.UnknownMembers;

        // 0: the schema's order with unknown members last; otherwise a shuffle seeded by the value.
        var order = Gen.Frequency((3, Gen.Const(0)), (1, Gen.Int[1, 1_000_000]));
        return Gen.Select(WireGens.All(members), unknown, order, (known, extra, seed) =>
        {
            var list = known.Where(m => m is not null).Cast<WireMember>().Concat(extra).ToList();
            if (seed != 0)
            {
                var random = new Random(seed);
                for (var i = list.Count - 1; i > 0; i--)
                {
                    var j = random.Next(i + 1);
                    (list[i], list[j]) = (list[j], list[i]);
                }
            }

            return new WireObject(list);
        });
    }

    private Gen<WireMember?> Member(SchemaProperty property, Gen<WireValue> value)
    {
        var present = WireGens.Deeper(Gen.Select(value, WireGens.NameEscaping, (v, e) => (WireMember?)new WireMember(property.Name, v, false, e)));
        if (property.Required || _complete)
        {
            return present;
        }

        // An optional property is left out, sent, or sent as null (which servers do for "no value").
        return Gen.Frequency(
            (3, Gen.Const(default(WireMember))),
            (6, present),
            (1, Gen.Const<WireMember?>(new WireMember(property.Name, WireNull.Instance))));
    }

    /// <summary>
    /// The value of one property, from its schema: objects and arrays recurse into the schema;
    /// strings by enumeration, then format (<c>date-time</c>, <c>uri</c>), then by name (ids, phone
    /// and extension numbers), else free text; integers by name (<c>id</c> is an id) else whole
    /// numbers; numbers as decimals; booleans as true/false.
    /// </summary>
    private Gen<WireValue> ValueOf(SchemaProperty property, string view)
    {
        var shape = property.Shape;
        var name = property.Name;
        switch (shape.Kind)
        {
            case SchemaKind.Object:
                return Object(shape, view, null).Select(o => (WireValue)o);
            case SchemaKind.Array:
                var itemShape = shape.Items ?? throw new NotSupportedException($"Array '{name}' has no items schema.");
                var item = itemShape.Kind == SchemaKind.Object
                    ? Object(itemShape, view, null).Select(o => (WireValue)o)
                    : ValueOf(new SchemaProperty { Name = name, Shape = itemShape, Required = true }, view);
                return item.Array[Math.Max(1, shape.MinItems), 4].Select(items => (WireValue)new WireArray(items));
            case SchemaKind.Boolean:
                return Gen.Bool.Select(b => (WireValue)new WireBool(b));
            case SchemaKind.Number:
                return WireGens.Decimal;
            case SchemaKind.Integer:
                return name == "id" ? WireGens.IntegerId
                    : name == "durationMs" ? WireGens.LargeWhole
                    : WireGens.Whole(shape.Format == "int32" ? 100_000 : 10_000_000);
            default:
                return StringValue(property);
        }
    }

    private Gen<WireValue> StringValue(SchemaProperty property)
    {
        var shape = property.Shape;
        var name = property.Name;
        if (IsId(name))
        {
            return WireGens.Id;
        }

        if (name == "extensionNumber")
        {
            return WireGens.ExtensionNumber;
        }

        var text = shape.Enum.Count > 0 ? WireGens.EnumValue(shape.Enum)
            : shape.Format == "date-time" ? WireGens.Time
            : shape.Format == "uri" ? WireGens.Uri
            : name.EndsWith("honeNumber", StringComparison.Ordinal) ? WireGens.PhoneNumber
            : _complete ? WireGens.ShortText
            : WireGens.Text;
        return Gen.Select(text, WireGens.Escaping, (t, e) => (WireValue)new WireString(t, e));
    }

    // "id", "sessionId", "telephonySessionId", "partyId", "extensionId": strings in the contract.
    private static bool IsId(string name) => name == "id" || name.EndsWith("Id", StringComparison.Ordinal);
}
