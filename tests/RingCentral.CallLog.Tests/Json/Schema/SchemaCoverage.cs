namespace RingCentral.CallLog.Tests.Json.Schema;

/// <summary>
/// What generated records hold, property path by property path of the published schema
/// (<c>from.device.id</c>, <c>legs[].billing.costIncluded</c>, ...): whether each was absent, null or
/// a value, sent as a JSON number where the schema says string, given a value its enumeration does
/// not list, escaped, non-ASCII or long; and whether each open object carried unknown members.
/// The tests use it to show the generated data really covers what they claim.
/// </summary>
internal static class SchemaCoverage
{
    public const string Absent = "absent";
    public const string Null = "null";
    public const string Value = "value";
    public const string Number = "number";
    public const string Unlisted = "unlisted";
    public const string Escaped = "escaped";
    public const string NonAscii = "non-ASCII";
    public const string Long = "long";
    public const string UnknownMembers = "unknown members";

    /// <summary>Every property path of a record in the view, and every open object's path ("" is the record itself).</summary>
    public static (List<(string Path, SchemaProperty Property)> Properties, List<string> OpenObjects) Paths(string view)
    {
        var properties = new List<(string, SchemaProperty)>();
        var objects = new List<string>();
        Collect(PublishedSchema.Default.Component("CallLogRecord"), string.Empty, view, properties, objects);
        return (properties, objects);
    }

    /// <summary>Adds what <paramref name="record"/> holds at each path to <paramref name="seen"/>.</summary>
    public static void Observe(WireObject record, string view, Dictionary<string, HashSet<string>> seen) =>
        Walk(PublishedSchema.Default.Component("CallLogRecord"), record, string.Empty, view, seen);

    /// <summary>The paths a record generated in complete mode should have and lacks (absent, null, or no unknown members).</summary>
    public static IEnumerable<string> MissingFromCompleteRecord(WireObject record, string view)
    {
        var seen = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        Observe(record, view, seen);
        var (properties, objects) = Paths(view);
        foreach (var (path, _) in properties)
        {
            if (!seen.TryGetValue(path, out var tags) || tags.Contains(Absent) || tags.Contains(Null))
            {
                yield return path;
            }
        }

        foreach (var path in objects)
        {
            if (!seen.TryGetValue(Object(path), out var tags) || !tags.Contains(UnknownMembers))
            {
                yield return Object(path) + " (unknown members)";
            }
        }
    }

    /// <summary>How an open object's own observations are keyed.</summary>
    public static string Object(string path) => path.Length == 0 ? "(record)" : path;

    private static void Collect(SchemaShape shape, string prefix, string view, List<(string, SchemaProperty)> properties, List<string> objects)
    {
        if (shape.AllowsExtraProperties)
        {
            objects.Add(prefix.TrimEnd('.'));
        }

        foreach (var property in shape.Properties.Where(p => view == "Detailed" || !p.DetailedOnly))
        {
            var path = prefix + property.Name;
            properties.Add((path, property));
            if (property.Shape.Kind == SchemaKind.Object)
            {
                Collect(property.Shape, path + ".", view, properties, objects);
            }
            else if (property.Shape is { Kind: SchemaKind.Array, Items.Kind: SchemaKind.Object })
            {
                Collect(property.Shape.Items, path + "[].", view, properties, objects);
            }
        }
    }

    private static void Walk(SchemaShape shape, WireObject value, string prefix, string view, Dictionary<string, HashSet<string>> seen)
    {
        if (shape.AllowsExtraProperties && value.Members.Any(m => m.Unknown))
        {
            Tag(seen, Object(prefix.TrimEnd('.')), UnknownMembers);
        }

        foreach (var property in shape.Properties.Where(p => view == "Detailed" || !p.DetailedOnly))
        {
            var path = prefix + property.Name;
            var sent = value[property.Name];
            Tag(seen, path, sent is null ? Absent : sent is WireNull ? Null : Value);
            Strings(seen, path, property.Shape, sent);
            switch (sent)
            {
                case WireObject child when property.Shape.Kind == SchemaKind.Object:
                    Walk(property.Shape, child, path + ".", view, seen);
                    break;
                case WireArray items when property.Shape.Items is { } itemShape:
                    foreach (var item in items.Items)
                    {
                        if (item is WireObject element && itemShape.Kind == SchemaKind.Object)
                        {
                            Walk(itemShape, element, path + "[].", view, seen);
                        }
                        else
                        {
                            Strings(seen, path, itemShape, item);
                        }
                    }

                    break;
            }
        }
    }

    private static void Strings(Dictionary<string, HashSet<string>> seen, string path, SchemaShape shape, WireValue? sent)
    {
        if (sent is WireNumber && shape.Kind == SchemaKind.String)
        {
            Tag(seen, path, Number);
        }

        if (sent is not WireString text)
        {
            return;
        }

        if (shape.Enum.Count > 0 && !shape.Enum.Contains(text.Value))
        {
            Tag(seen, path, Unlisted);
        }

        if (text.Escaping != StringEscaping.Minimal || text.Value.Any(c => c is '"' or '\\' or < ' '))
        {
            Tag(seen, path, Escaped);
        }

        if (text.Value.Any(c => c > '~'))
        {
            Tag(seen, path, NonAscii);
        }

        if (text.Value.Length >= 300)
        {
            Tag(seen, path, Long);
        }
    }

    private static void Tag(Dictionary<string, HashSet<string>> seen, string path, string tag)
    {
        if (!seen.TryGetValue(path, out var tags))
        {
            seen[path] = tags = new HashSet<string>(StringComparer.Ordinal);
        }

        tags.Add(tag);
    }
}
