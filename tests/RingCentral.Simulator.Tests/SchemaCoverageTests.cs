using System.Globalization;
using System.Text.Json.Nodes;
using RingCentral.Simulator.Tests.Schema;
using Xunit.Abstractions;

namespace RingCentral.Simulator.Tests;

/// <summary>
/// The simulator sends the whole call log schema: every property RingCentral's spec defines for a
/// record, a leg and a party shows up somewhere in a sample of a few thousand records of both views
/// (unless listed in <see cref="NotSent"/> with the reason), every unlisted enumeration value it
/// claims to send is sent, and the optional parts follow RingCentral's rules.
/// </summary>
public sealed class SchemaCoverageTests(DefaultProfileSimFixture sim, ITestOutputHelper output) : IClassFixture<DefaultProfileSimFixture>, IDisposable
{
    /// <summary>Properties of the three shapes the simulator never sends, with the reason. None today.</summary>
    private static readonly Dictionary<string, string> NotSent = new(StringComparer.Ordinal);

    private readonly SimClient _c = new(sim.Info);

    public void Dispose() => _c.Dispose();

    // The sample is read once per simulator (the class's tests share it; nothing here changes the data).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<(List<JsonObject>, List<JsonObject>)>> Samples = new(StringComparer.Ordinal);

    private Task<(List<JsonObject> Simple, List<JsonObject> Detailed)> Sample() => Samples.GetOrAdd(sim.Info.Url, _ => ReadSample());

    /// <summary>Every record the simulator holds at account level, Simple and Detailed, deleted ones included.</summary>
    private async Task<(List<JsonObject> Simple, List<JsonObject> Detailed)> ReadSample()
    {
        var token = await _c.AdminToken();
        // From long before its data: the default profile's data is pinned to a day, and a window counted
        // back from today held fewer records each day after it (under 3000 four days on).
        var from = Uri.EscapeDataString(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture));
        var simple = await _c.AllPages($"/restapi/v1.0/account/~/call-log?perPage=1000&showDeleted=true&dateFrom={from}", token);
        var detailed = await _c.AllPages($"/restapi/v1.0/account/~/call-log?perPage=1000&showDeleted=true&view=Detailed&dateFrom={from}", token);
        Assert.True(simple.Count > 3000, $"sample of {simple.Count} records");
        Assert.Equal(simple.Count, detailed.Count);
        return (simple, detailed);
    }

    private static IEnumerable<JsonObject> Legs(IEnumerable<JsonObject> records)
        => records.SelectMany(r => r["legs"]?.AsArray() ?? []).Select(l => l!.AsObject());

    private static IEnumerable<JsonObject> Parties(IEnumerable<JsonObject> entries)
        => entries.SelectMany(e => new[] { e["from"], e["to"] }).Where(p => p is not null).Select(p => p!.AsObject());

    [Fact]
    public async Task Every_property_of_record_leg_and_party_is_sent_somewhere()
    {
        var (simple, detailed) = await Sample();
        var records = simple.Concat(detailed).ToList();
        var legs = Legs(detailed).ToList();
        var shapes = new (string Shape, SortedSet<string> Defined, IEnumerable<JsonObject> Sent, int SchemaCount)[]
        {
            ("CallLogRecord", SpecSchemas.PropertiesOf("CallLogRecord"), records, 33),
            ("CallLogRecordLegInfo", SpecSchemas.PropertiesOf("CallLogRecordLegInfo"), legs, 29),
            ("CallLogFromParty+CallLogToParty", new SortedSet<string>(SpecSchemas.PropertiesOf("CallLogFromParty").Union(SpecSchemas.PropertiesOf("CallLogToParty")), StringComparer.Ordinal), Parties(records.Concat(legs)), 8),
        };
        var failures = new List<string>();
        foreach (var (shape, defined, sent, schemaCount) in shapes)
        {
            // The resolver follows allOf/$ref: the published spec defines exactly this many.
            Assert.Equal(schemaCount, defined.Count);
            var seen = sent.SelectMany(o => o.Select(p => p.Key)).ToHashSet(StringComparer.Ordinal);
            var covered = defined.Count(seen.Contains);
            var missing = defined.Where(p => !seen.Contains(p) && !NotSent.ContainsKey(shape + "." + p)).ToList();
            output.WriteLine($"{shape}: {covered}/{defined.Count} properties sent" + (missing.Count > 0 ? "; missing: " + string.Join(", ", missing) : ""));
            failures.AddRange(missing.Select(p => $"{shape}.{p} is never sent"));
        }
        foreach (var (property, reason) in NotSent) output.WriteLine($"not sent: {property}: {reason}");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Each_unlisted_enumeration_value_is_sent()
    {
        var (_, detailed) = await Sample();
        var legs = Legs(detailed).ToList();
        var entries = detailed.Concat(legs).ToList();
        var byEnum = new Dictionary<string, Func<JsonObject, string?>>(StringComparer.Ordinal)
        {
            ["CallInternalTypeEnum"] = e => (string?)e["internalType"],
            ["CallActionEnum"] = e => (string?)e["action"],
            ["CallResultEnum"] = e => (string?)e["result"],
            ["CallResultReasonEnum"] = e => (string?)e["reason"],
            ["CallLegTypeEnum"] = e => (string?)e["legType"],
            ["DelegationTypeEnum"] = e => (string?)e["delegationType"],
        };
        foreach (var (enumName, values) in SpecSchemas.UnlistedValues)
        {
            var listed = SpecSchemas.OpenApi["components"]!["schemas"]![enumName]!["enum"]!.AsArray().Select(v => (string)v!).ToHashSet();
            var sent = entries.Select(byEnum[enumName]).Where(v => v is not null).ToList();
            foreach (var value in values)
            {
                Assert.DoesNotContain(value, listed);
                var count = sent.Count(v => v == value);
                output.WriteLine($"{enumName}: '{value}' in {count} of {sent.Count}");
                Assert.True(count > 0, $"{enumName} value '{value}' is never sent");
            }
        }
    }

    [Fact]
    public async Task Optional_parts_follow_RingCentrals_rules_in_realistic_shares()
    {
        var (simple, detailed) = await Sample();
        var legs = Legs(detailed).ToList();
        double Share(IEnumerable<JsonObject> set, Func<JsonObject, bool> test) { var l = set.ToList(); return (double)l.Count(test) / l.Count; }
        void InRange(string what, double share, double low, double high)
        {
            output.WriteLine($"{what}: {share:P1}");
            Assert.InRange(share, low, high);
        }

        // Billing, finished and legs: Detailed only; there on every record and leg.
        Assert.All(simple, r => { Assert.Null(r["billing"]); Assert.Null(r["legs"]); Assert.Null(r["finished"]); });
        Assert.All(detailed.Concat(legs), e => { Assert.NotNull(e["billing"]); Assert.True((bool)e["finished"]!); });
        Assert.All(legs, l => { Assert.NotNull(l["telephonySessionId"]); Assert.NotNull(l["partyId"]); });
        // device only on the VoIP side of an extension; dial strings on the caller of inbound, the callee of outbound calls.
        foreach (var e in detailed.Concat(legs))
        {
            foreach (var side in new[] { "from", "to" })
            {
                var party = e[side]!;
                if (party["device"] is not null)
                {
                    Assert.Equal("VoIP", (string)e["transport"]!);
                    Assert.NotNull(party["extensionId"]);
                }
            }
            if (e["from"]!["dialerPhoneNumber"] is not null) Assert.Equal("Inbound", (string)e["direction"]!);
            if (e["to"]!["dialedPhoneNumber"] is not null) Assert.Equal("Outbound", (string)e["direction"]!);
            // delegationType only with a delegate, shortRecording only without a recording.
            Assert.Equal(e["delegate"] is not null, e["delegationType"] is not null);
            if (e["shortRecording"] is not null) { Assert.True((bool)e["shortRecording"]!); Assert.Null(e["recording"]); }
            if (e["reasonDescription"] is not null) Assert.NotNull(e["reason"]);
        }
        // Transfer links only on transfers: the record, its master leg and its TransferCall leg.
        foreach (var r in detailed)
        {
            var linked = new[] { r }.Concat(r["legs"]!.AsArray().Select(l => l!.AsObject())).Any(e => e["transferTarget"] is not null || e["transferee"] is not null);
            if (linked) Assert.Equal("Transfer", (string)r["action"]!);
        }
        InRange("records with a device on a party", Share(detailed, r => r["from"]!["device"] is not null || r["to"]!["device"] is not null), 0.10, 0.60);
        InRange("inbound records with dialerPhoneNumber", Share(detailed.Where(r => (string)r["direction"]! == "Inbound"), r => r["from"]!["dialerPhoneNumber"] is not null), 0.5, 0.95);
        InRange("transfers with a transfer link", Share(detailed.Where(r => (string)r["action"]! == "Transfer"), r => r["transferTarget"] is not null || r["transferee"] is not null), 0.99, 1.0);
        InRange("records with a delegate", Share(detailed, r => r["delegate"] is not null), 0.005, 0.10);
        InRange("records with metadataCategories", Share(detailed, r => r["metadataCategories"] is not null), 0.02, 0.20);
        InRange("recorded-or-short calls flagged shortRecording", Share(detailed.Where(r => r["recording"] is not null || r["shortRecording"] is not null), r => r["shortRecording"] is not null), 0.03, 0.30);
        InRange("voice records with sipUuidInfo", Share(detailed.Where(r => (string)r["type"]! == "Voice"), r => r["sipUuidInfo"] is not null), 1.0, 1.0);
        InRange("records with a cost", Share(detailed, r => (double)r["billing"]!["costIncluded"]! + (double)r["billing"]!["costPurchased"]! > 0), 0.2, 0.8);
    }

    [Fact]
    public async Task Every_kind_of_record_in_both_views_is_valid_against_the_schema()
    {
        var (simple, detailed) = await Sample();
        var all = simple.Concat(detailed).ToList();
        var schema = SpecSchemas.Component("CallLogRecord");
        // Validating 8000 records one by one takes about a minute on a small machine. Records with the same
        // property paths validate alike except for enumeration values, so this checks one record of each
        // path shape and one record for each enumeration value seen at each path.
        var chosen = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var r in all)
        {
            var (paths, values) = Shape(r);
            chosen.TryAdd(paths, r);
            foreach (var v in values) chosen.TryAdd(v, r);
        }
        var records = chosen.Values.Distinct().ToList();
        output.WriteLine($"{records.Count} records validated, covering every shape and enumeration value among {all.Count}");
        Assert.True(records.Count > 50, $"{records.Count} records");
        foreach (var r in records) SpecSchemas.AssertValid(schema, r, (string)r["uri"]!);
    }

    private static readonly HashSet<string> EnumKeys = new(StringComparer.Ordinal) { "type", "direction", "action", "result", "reason", "internalType", "transport", "legType", "delegationType" };

    /// <summary>The shape of a record: its property paths (array items collapsed) with their JSON kinds; and each enumeration value with its path.</summary>
    private static (string Paths, List<string> Values) Shape(JsonObject record)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var values = new List<string>();
        void Walk(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (k, v) in o) Walk(v, path + "." + k);
                    break;
                case JsonArray a:
                    foreach (var item in a) Walk(item, path + "[]");
                    break;
                default:
                    paths.Add(path + ":" + (node?.GetValueKind().ToString() ?? "null"));
                    if (EnumKeys.Contains(path[(path.LastIndexOf('.') + 1)..])) values.Add(path + "=" + (string?)node);
                    break;
            }
        }
        Walk(record, "$");
        return (string.Join("|", paths), values);
    }
}
