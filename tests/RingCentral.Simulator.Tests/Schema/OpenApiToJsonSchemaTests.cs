using System.Text.Json.Nodes;
using Json.Schema;

namespace RingCentral.Simulator.Tests.Schema;

/// <summary>The OpenAPI 3.0 → JSON Schema converter does what its summary says, on a small document.</summary>
public sealed class OpenApiToJsonSchemaTests
{
    private static readonly JsonObject Doc = JsonNode.Parse("""
        {"openapi":"3.0.3","components":{"schemas":{
          "Party":{"type":"object","required":["id"],"x-note":"dropped","example":{"id":"x"},
                   "properties":{"id":{"type":"string"},"example":{"type":"integer"},"nick":{"type":"string","nullable":true}}},
          "Kind":{"type":"string","enum":["A","B"],"nullable":true},
          "Record":{"allOf":[{"$ref":"#/components/schemas/Party"},{"type":"object","properties":{"kind":{"$ref":"#/components/schemas/Kind"},
                    "size":{"type":"integer","minimum":0,"exclusiveMinimum":true}}}]}}}}
        """)!.AsObject();

    private static bool Valid(JsonObject defs, string name, string json)
    {
        var root = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["$ref"] = "#/$defs/" + name, ["$defs"] = defs.DeepClone() };
        return JsonSchema.FromText(root.ToJsonString()).Evaluate(JsonNode.Parse(json)).IsValid;
    }

    [Fact]
    public void Refs_nullable_exclusive_bounds_and_OpenAPI_keywords_are_converted()
    {
        var defs = OpenApiToJsonSchema.Convert(Doc);
        Assert.Equal("#/$defs/Party", (string)defs["Record"]!["allOf"]![0]!["$ref"]!);
        Assert.Null(defs["Party"]!["x-note"]);
        Assert.Null(defs["Party"]!["example"]);
        Assert.NotNull(defs["Party"]!["properties"]!["example"]); // a property named like a keyword stays
        Assert.True(Valid(defs, "Record", """{"id":"1","nick":null,"kind":null,"size":1}"""));
        Assert.True(Valid(defs, "Record", """{"id":"1","nick":"n","kind":"A"}"""));
        Assert.False(Valid(defs, "Record", """{"id":"1","kind":"C"}"""));
        Assert.False(Valid(defs, "Record", """{"id":"1","size":0}"""));        // 3.0 exclusiveMinimum: 0 itself is out
        Assert.False(Valid(defs, "Record", """{"nick":"n"}"""));                // required id, through allOf and $ref
        Assert.False(Valid(defs, "Record", """{"id":1}"""));
    }

    [Fact]
    public void Enum_extras_and_closed_shapes_are_applied()
    {
        var defs = OpenApiToJsonSchema.Convert(Doc, new Dictionary<string, string[]> { ["Kind"] = ["C"] }, ["Record"]);
        Assert.True(Valid(defs, "Record", """{"id":"1","kind":"C"}"""));
        Assert.True(Valid(defs, "Record", """{"id":"1","example":3}"""));       // defined through allOf: still allowed
        Assert.False(Valid(defs, "Record", """{"id":"1","extra":true}"""));     // closed: nothing undefined
        Assert.True(Valid(defs, "Party", """{"id":"1","extra":true}"""));       // not closed
    }
}
