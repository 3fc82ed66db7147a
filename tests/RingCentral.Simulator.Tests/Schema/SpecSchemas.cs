using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Json.Schema;

namespace RingCentral.Simulator.Tests.Schema;

/// <summary>
/// RingCentral's published OpenAPI document (tests/data/ringcentral/openapi), turned into JSON Schemas
/// the tests validate simulator answers with: by component name, or by operation and status as the
/// spec declares them.
/// </summary>
public static class SpecSchemas
{
    /// <summary>
    /// Values the simulator sends beyond the spec's enumerations. RingCentral adds values to these
    /// lists over time (the spec's README says clients must accept unknown ones); the simulator sends
    /// one of each so the module is tested on them. SchemaCoverageTests proves each is really sent.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> UnlistedValues = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["CallInternalTypeEnum"] = ["TollFreeInternational"],
        ["CallActionEnum"] = ["Ring Group"],
        ["CallResultEnum"] = ["Declined by Carrier"],
        ["CallResultReasonEnum"] = ["Carrier Rejected"],
        ["CallLegTypeEnum"] = ["Intercom"],
        ["DelegationTypeEnum"] = ["SharedLine"],
    };

    /// <summary>Call log shapes the simulator must not add undefined properties to.</summary>
    public static readonly string[] Closed =
    [
        "CallLogResponse", "CallLogRecord", "CallLogRecordLegInfo", "CallLogFromParty", "CallLogToParty",
        "CallLogRecordDeviceInfo", "BillingInfo", "CallLogDelegateInfo", "ExtensionInfoCallLog",
        "CallLogRecordingInfo", "CallLogRecordMessage",
        // Message store and export. GetMessageInfoResponse itself is the base of GetSingleMessageInfoResponse
        // (allOf), so it cannot be closed here; tests close it at the top with ClosedComponent.
        "GetMessageList", "GetSingleMessageInfoResponse", "MessageAttachmentInfo", "MessageStoreCallerInfoResponseFrom",
        "MessageStoreCallerInfoResponseTo", "ConversationInfo", "MessagingPagingInfo", "MessagingNavigationInfo",
        "MessagingNavigationInfoURI", "MessageStoreReport", "MessageStoreReportArchive", "ArchiveInfo",
    ];

    private static readonly Lazy<JsonObject> Document = new(() => JsonNode.Parse(File.ReadAllText(Path))!.AsObject());
    private static readonly Lazy<JsonObject> Defs = new(() => OpenApiToJsonSchema.Convert(Document.Value, UnlistedValues, Closed));
    private static readonly ConcurrentDictionary<string, JsonSchema> Cache = new(StringComparer.Ordinal);

    public static string Path => System.IO.Path.Combine(Fixtures.Dir, "..", "openapi", "ringcentral-calllog-openapi.json");

    public static JsonObject OpenApi => Document.Value;

    /// <summary>The schema <c>components/schemas/<paramref name="name"/></c>.</summary>
    public static JsonSchema Component(string name)
        => Cache.GetOrAdd("c:" + name, _ => Build(new JsonObject { ["$ref"] = "#/$defs/" + name }));

    /// <summary>The schema <paramref name="name"/> with no property beyond those it defines (through allOf and $ref) at its top level.</summary>
    public static JsonSchema ClosedComponent(string name)
        => Cache.GetOrAdd("closed:" + name, _ => Build(new JsonObject { ["$ref"] = "#/$defs/" + name, ["unevaluatedProperties"] = false }));

    /// <summary>The JSON schema the spec gives for the answer <paramref name="status"/> of <paramref name="method"/> <paramref name="path"/>.</summary>
    public static JsonSchema ForResponse(string path, string method, string status)
        => Cache.GetOrAdd($"r:{method} {path} {status}", _ =>
        {
            var response = OpenApi["paths"]![path]![method]!["responses"]![status]
                ?? throw new InvalidOperationException($"the spec declares no {status} for {method} {path}");
            if (response["$ref"] is { } r) response = OpenApi["components"]!["responses"]![((string)r!).Split('/')[^1]]!;
            var content = response["content"]!.AsObject();
            var media = content["application/json"] ?? content.First().Value!;
            return Build(OpenApiToJsonSchema.ConvertNode(media["schema"]!).AsObject());
        });

    /// <summary>Every property name a component defines, through <c>allOf</c> and <c>$ref</c>.</summary>
    public static SortedSet<string> PropertiesOf(string name)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        Collect(OpenApi["components"]!["schemas"]![name]!, names);
        return names;
    }

    /// <summary>Validates <paramref name="instance"/>; fails naming each place and error (first 20).</summary>
    public static void AssertValid(JsonSchema schema, JsonNode? instance, string what)
    {
        // Flag output stops at the first error and is several times faster; the list is built only to report a failure.
        if (schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true }).IsValid) return;
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = result.Details
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .Take(20);
        Assert.Fail($"{what} does not match RingCentral's schema:\n" + string.Join("\n", errors));
    }

    private static void Collect(JsonNode schema, SortedSet<string> into)
    {
        if (schema["$ref"] is { } r) Collect(OpenApi["components"]!["schemas"]![((string)r!).Split('/')[^1]]!, into);
        foreach (var part in schema["allOf"]?.AsArray() ?? []) Collect(part!, into);
        foreach (var (key, _) in schema["properties"]?.AsObject() ?? []) into.Add(key);
    }

    private static JsonSchema Build(JsonObject root)
    {
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = Defs.Value.DeepClone();
        return JsonSchema.FromText(root.ToJsonString());
    }
}
