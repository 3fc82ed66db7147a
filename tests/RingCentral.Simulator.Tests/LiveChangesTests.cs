using System.Globalization;
using System.Text.Json.Nodes;

namespace RingCentral.Simulator.Tests;

/// <summary>
/// Records change after they are listed (a recording attached, a result corrected, a deletion,
/// each moving lastModifiedTime), at the pace and in the proportions live mode's options set; and
/// paging without dateTo shifts as RingCentral's does when calls are listed between two pages.
/// </summary>
public class LiveChangesTests
{
    private static Task<SimulatorHost> Start(Action<SimulatorOptions>? tweak = null)
    {
        var o = new SimulatorOptions { Seed = 12, Extensions = 4, CallsPerDay = 300, Days = 2, Heavy = "0/0", Light = "0/0", Auth = "0/0", TestHooks = true };
        tweak?.Invoke(o);
        return SimulatorHost.StartAsync(o);
    }

    [Fact]
    public async Task Each_kind_of_change_shows_in_the_list_with_lastModifiedTime_moved()
    {
        await using var sim = await Start();
        using var c = new SimClient(sim.Info);
        var token = await c.AdminToken();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        async Task<JsonObject> Listed(string id, bool showDeleted = false)
        {
            var (status, body, _) = await c.GetJson($"/restapi/v1.0/account/~/call-log/{id}?view=Detailed", token);
            Assert.Equal(200, (int)status);
            var all = await c.Records();
            Assert.Contains(all, r => (string)r["id"]! == id);
            return body.AsObject();
        }

        var recorded = Ids(await c.Hook("modify", new { count = 3, kind = "recording" }));
        Assert.Equal(3, recorded.Count);
        foreach (var id in recorded)
        {
            var r = await Listed(id);
            Assert.NotNull(r["recording"]);
            Assert.Equal("OnDemand", (string)r["recording"]!["type"]!);
            Assert.True(Time(r["lastModifiedTime"]) >= before);
        }

        var truthBefore = (await c.Records()).ToDictionary(r => (string)r["id"]!, r => (string)r["result"]!);
        var corrected = Ids(await c.Hook("modify", new { count = 3, kind = "result" }));
        Assert.Equal(3, corrected.Count);
        foreach (var id in corrected)
        {
            var r = await Listed(id);
            Assert.NotEqual(truthBefore[id], (string)r["result"]!);
            Assert.True(Time(r["lastModifiedTime"]) >= before);
        }

        var deleted = Ids(await c.Hook("modify", new { count = 3, kind = "delete" }));
        Assert.Equal(3, deleted.Count);
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-3).ToString("o", CultureInfo.InvariantCulture));
        var plain = (await c.AllPages($"/restapi/v1.0/account/~/call-log?dateFrom={from}&perPage=1000", token)).Select(r => (string)r["id"]!).ToHashSet();
        var withDeleted = (await c.AllPages($"/restapi/v1.0/account/~/call-log?dateFrom={from}&perPage=1000&showDeleted=true&view=Detailed", token)).ToDictionary(r => (string)r["id"]!);
        foreach (var id in deleted)
        {
            Assert.DoesNotContain(id, plain);
            Assert.True((bool)withDeleted[id]["deleted"]!);
            Assert.True(Time(withDeleted[id]["lastModifiedTime"]) >= before);
        }

        var truth = (await c.Records()).Where(r => deleted.Contains((string)r["id"]!)).ToList();
        Assert.All(truth, r => Assert.True((bool)r["_sim"]!["deleted"]!));
    }

    [Fact]
    public async Task Live_mode_changes_records_at_its_pace_and_in_its_proportions()
    {
        Assert.Throws<FormatException>(() => SimulatorOptions.Parse(["--live-change-mix", "1/2"]));
        var parsed = SimulatorOptions.Parse(["--live", "--live-change-every", "0.1", "--live-change-mix", "0/0/1"]);
        Assert.Equal(0.1, parsed.LiveChangeEverySeconds);

        await using var sim = await Start(o =>
        {
            o.Live = parsed.Live;
            o.LiveChangeEverySeconds = parsed.LiveChangeEverySeconds;
            o.LiveChangeMix = parsed.LiveChangeMix;
            o.StartTime = DateTimeOffset.UtcNow.AddHours(-1);
        });
        using var c = new SimClient(sim.Info);
        var started = DateTimeOffset.UtcNow.AddMinutes(-30);
        var deletedBefore = (await c.Records()).Count(r => (bool)r["_sim"]!["deleted"]!);
        var deleted = 0;
        for (var i = 0; i < 100 && deleted < 5; i++)
        {
            await Task.Delay(100);
            deleted = (await c.Records()).Count(r => (bool)r["_sim"]!["deleted"]!) - deletedBefore;
        }

        // Only deletions (the mix is 0/0/1), several within seconds (one per 0.1 s).
        Assert.True(deleted >= 5, $"{deleted} records deleted by live mode");
        var changed = (await c.Records()).Where(r => Time(r["lastModifiedTime"]) >= started).ToList();
        Assert.All(changed.Where(r => !(bool)r["_sim"]!["deleted"]!), r => Assert.True(Time(r["startTime"]) > started, "a change other than a deletion to a listed record"));

    }

    [Fact]
    public async Task Without_dateTo_a_call_listed_between_two_pages_pushes_the_second_page_down()
    {
        await using var sim = await Start();
        using var c = new SimClient(sim.Info);
        var token = await c.AdminToken();

        // Page 1 now; then a call ends that is listed a moment later (not yet when page 1 was read).
        var (_, page1, _) = await c.GetJson("/restapi/v1.0/account/~/call-log?perPage=10", token);
        await c.Hook("calls", new { count = 1, endedSecondsAgo = 0, visibleAfterSeconds = 1 });
        var (_, again, _) = await c.GetJson("/restapi/v1.0/account/~/call-log?perPage=10", token);
        Assert.Equal(Ids(page1["records"]!), Ids(again["records"]!));
        await Task.Delay(1500);

        // Page 2, by the nextPage link (the first query kept): it counts from its own "now", so
        // it begins with records page 1 already had.
        var (_, page2, _) = await c.GetJson((string)page1["navigation"]!["nextPage"]!["uri"]!, token);
        Assert.Contains(Ids(page2["records"]!).First(), Ids(page1["records"]!));
    }

    private static List<string> Ids(JsonNode node) =>
        (node is JsonObject o ? o["modified"]! : node).AsArray().Select(x => x is JsonObject r ? (string)r["id"]! : (string)x!).ToList();

    private static DateTimeOffset Time(JsonNode? node) => DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture);
}
