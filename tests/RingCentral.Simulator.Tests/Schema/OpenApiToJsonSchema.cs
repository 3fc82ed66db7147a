using System.Text.Json.Nodes;

namespace RingCentral.Simulator.Tests.Schema;

/// <summary>
/// Turns the schemas of an OpenAPI 3.0 document into one JSON Schema (draft 2020-12) document that a
/// plain validator can use. OpenAPI 3.0 schemas are a dialect, not JSON Schema, so:
/// <list type="bullet">
/// <item><c>components/schemas/X</c> become <c>$defs/X</c>, and every <c>$ref</c> to <c>#/components/schemas/X</c> points there;</item>
/// <item><c>nullable: true</c> becomes a type union with <c>"null"</c> (and <c>null</c> joins an <c>enum</c>);</item>
/// <item>3.0's boolean <c>exclusiveMinimum</c> / <c>exclusiveMaximum</c> become 2020-12's numbers;</item>
/// <item>OpenAPI-only keywords (<c>example</c>, <c>discriminator</c>, <c>xml</c>, <c>externalDocs</c>, <c>x-…</c>) are dropped;</item>
/// <item>optional, for the tests: named enumerations get the values RingCentral sends beyond the spec's lists
/// (<paramref name="enumExtras"/> in <see cref="Convert"/>), and named object schemas are closed with
/// <c>unevaluatedProperties: false</c>, so an answer may carry no property the spec does not define there.</item>
/// </list>
/// Everything else (type, properties, required, items, allOf/anyOf, enum, format, minimum…) means the
/// same in both and is copied as it is.
/// </summary>
public static class OpenApiToJsonSchema
{
    private const string ComponentsPrefix = "#/components/schemas/";
    private static readonly HashSet<string> OpenApiOnly = new(StringComparer.Ordinal) { "example", "discriminator", "xml", "externalDocs", "nullable" };

    /// <summary>The <c>$defs</c> for every schema in <c>components/schemas</c> of <paramref name="openApi"/>.</summary>
    public static JsonObject Convert(JsonObject openApi, IReadOnlyDictionary<string, string[]>? enumExtras = null, IEnumerable<string>? closed = null)
    {
        var schemas = openApi["components"]!["schemas"]!.AsObject();
        var defs = new JsonObject();
        foreach (var (name, schema) in schemas) defs[name] = ConvertNode(schema!);
        foreach (var (name, extras) in enumExtras ?? new Dictionary<string, string[]>())
        {
            var values = defs[name]!["enum"]!.AsArray();
            foreach (var v in extras) values.Add(v);
        }
        foreach (var name in closed ?? []) defs[name]!["unevaluatedProperties"] = false;
        return defs;
    }

    /// <summary>Converts one schema (a response's inline schema, say) the same way.</summary>
    public static JsonNode ConvertNode(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                var result = new JsonObject();
                foreach (var (key, value) in o)
                {
                    if (OpenApiOnly.Contains(key) || key.StartsWith("x-", StringComparison.Ordinal)) continue;
                    if (key == "$ref" && value!.GetValue<string>() is { } target && target.StartsWith(ComponentsPrefix, StringComparison.Ordinal))
                    {
                        result[key] = "#/$defs/" + target[ComponentsPrefix.Length..];
                        continue;
                    }
                    if (key is "exclusiveMinimum" or "exclusiveMaximum" && value is JsonValue flag && flag.TryGetValue<bool>(out var exclusive))
                    {
                        // 3.0: a flag on minimum/maximum; 2020-12: the bound itself.
                        var bound = key == "exclusiveMinimum" ? "minimum" : "maximum";
                        if (exclusive && o[bound] is { } limit) result[key] = limit.DeepClone();
                        continue;
                    }
                    // Inside "properties" the keys are property names, not keywords: convert only their values.
                    result[key] = key == "properties" && value is JsonObject props
                        ? new JsonObject(props.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)ConvertNode(p.Value!))))
                        : value is null ? null : ConvertNode(value);
                }
                if (o["nullable"] is JsonValue n && n.TryGetValue<bool>(out var nullable) && nullable) AllowNull(result);
                if (result["exclusiveMinimum"] is not null && o["exclusiveMinimum"] is JsonValue) result.Remove("minimum");
                if (result["exclusiveMaximum"] is not null && o["exclusiveMaximum"] is JsonValue) result.Remove("maximum");
                return result;
            case JsonArray a:
                return new JsonArray(a.Select(i => i is null ? null : ConvertNode(i)).ToArray());
            default:
                return node.DeepClone();
        }
    }

    private static void AllowNull(JsonObject schema)
    {
        switch (schema["type"])
        {
            case JsonValue t:
                schema["type"] = new JsonArray(t.GetValue<string>(), "null");
                break;
            case JsonArray types when !types.Any(x => (string?)x == "null"):
                types.Add("null");
                break;
            case null when schema["$ref"] is not null || schema["allOf"] is not null:
                // A nullable reference: either the referenced shape or null.
                var copy = schema.DeepClone();
                schema.Clear();
                schema["anyOf"] = new JsonArray(copy, new JsonObject { ["type"] = "null" });
                return;
        }
        if (schema["enum"] is JsonArray values && !values.Any(v => v is null)) values.Add(null);
    }
}
