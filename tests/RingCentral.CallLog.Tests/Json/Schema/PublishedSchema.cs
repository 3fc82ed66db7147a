using System.Text.Json;
using RingCentral.CallLog.Tests.TestSupport;

namespace RingCentral.CallLog.Tests.Json.Schema;

/// <summary>
/// Reads RingCentral's published OpenAPI schema (the extract in tests/data/ringcentral/openapi) into
/// <see cref="SchemaShape"/>s, resolving <c>$ref</c> and merging <c>allOf</c> parts the way the spec
/// composes its types (<c>CallLogRecord</c> = <c>BaseCallLogRecord</c> + id/uri/sessionId/...). The
/// generators read property names, types, formats and enumerations from here, so a property the
/// schema gains is generated without a code change.
/// </summary>
internal sealed class PublishedSchema
{
    private static readonly Lazy<PublishedSchema> s_default = new(() => new PublishedSchema(File.ReadAllText(Fixtures.OpenApiFile)));

    private readonly JsonElement _components;
    private readonly Dictionary<string, SchemaShape> _resolved = new(StringComparer.Ordinal);

    public PublishedSchema(string openApiJson)
    {
        using var document = JsonDocument.Parse(openApiJson);
        _components = document.RootElement.GetProperty("components").GetProperty("schemas").Clone();
    }

    /// <summary>The schema the repository carries.</summary>
    public static PublishedSchema Default => s_default.Value;

    /// <summary>A component of <c>components/schemas</c>, fully resolved.</summary>
    public SchemaShape Component(string name)
    {
        lock (_resolved)
        {
            if (!_resolved.TryGetValue(name, out var shape))
            {
                var node = _components.TryGetProperty(name, out var found) ? found : throw new KeyNotFoundException($"The published schema has no component '{name}'.");
                shape = Resolve(node, name);
                _resolved[name] = shape;
            }

            return shape;
        }
    }

    private static string ComponentName(string reference) =>
        reference.StartsWith("#/components/schemas/", StringComparison.Ordinal) ? reference["#/components/schemas/".Length..] : throw new NotSupportedException("Only local schema references are used: " + reference);

    private SchemaShape Resolve(JsonElement node, string? component)
    {
        if (node.TryGetProperty("$ref", out var reference))
        {
            return Component(ComponentName(reference.GetString()!));
        }

        var description = node.TryGetProperty("description", out var d) ? d.GetString() ?? string.Empty : string.Empty;
        if (node.TryGetProperty("allOf", out var allOf))
        {
            // allOf of object parts: the properties of every part, required if any part requires them.
            var parts = allOf.EnumerateArray().Select(p => Resolve(p, null)).ToList();
            var properties = new List<SchemaProperty>();
            foreach (var property in parts.SelectMany(p => p.Properties))
            {
                properties.RemoveAll(p => p.Name == property.Name);
                properties.Add(property);
            }

            return new SchemaShape
            {
                Kind = SchemaKind.Object,
                Component = component,
                Description = description.Length > 0 ? description : parts.Select(p => p.Description).FirstOrDefault(t => t.Length > 0) ?? string.Empty,
                Properties = properties,
                AllowsExtraProperties = parts.All(p => p.AllowsExtraProperties),
            };
        }

        var kind = Kind(node);
        return new SchemaShape
        {
            Kind = kind,
            Component = component,
            Format = node.TryGetProperty("format", out var format) ? format.GetString() : null,
            Description = description,
            Enum = node.TryGetProperty("enum", out var values) ? values.EnumerateArray().Select(v => v.ToString()).ToList() : [],
            Properties = kind == SchemaKind.Object ? Properties(node) : [],
            AllowsExtraProperties = !(node.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.False),
            Items = kind == SchemaKind.Array && node.TryGetProperty("items", out var items) ? Resolve(items, null) : null,
            MinItems = node.TryGetProperty("minItems", out var min) ? min.GetInt32() : 0,
        };
    }

    private List<SchemaProperty> Properties(JsonElement node)
    {
        var required = node.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal) : [];
        var list = new List<SchemaProperty>();
        if (!node.TryGetProperty("properties", out var properties))
        {
            return list;
        }

        foreach (var property in properties.EnumerateObject())
        {
            var shape = Resolve(property.Value, null);
            var description = property.Value.TryGetProperty("description", out var d) ? d.GetString() ?? string.Empty : string.Empty;
            list.Add(new SchemaProperty
            {
                Name = property.Name,
                Shape = shape,
                Required = required.Contains(property.Name),
                DetailedOnly = IsDetailedOnly(description) || IsDetailedOnly(shape.Description),
            });
        }

        return list;
    }

    // The spec marks Detailed-only data in prose: "For 'Detailed' view only", "Returned for 'Detailed' view only".
    private static bool IsDetailedOnly(string description) => description.Contains("'Detailed' view only", StringComparison.Ordinal);

    private static SchemaKind Kind(JsonElement node) =>
        (node.TryGetProperty("type", out var type) ? type.GetString() : null) switch
        {
            "string" => SchemaKind.String,
            "integer" => SchemaKind.Integer,
            "number" => SchemaKind.Number,
            "boolean" => SchemaKind.Boolean,
            "array" => SchemaKind.Array,
            "object" or null => SchemaKind.Object,
            var other => throw new NotSupportedException("Schema type " + other),
        };
}
