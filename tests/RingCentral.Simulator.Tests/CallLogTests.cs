using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace RingCentral.Simulator.Tests;

/// <summary>Call-log lists: every filter against the ground truth filtered here by simple code, and paging.</summary>
public sealed class CallLogTests(SimFixture sim) : IClassFixture<SimFixture>, IDisposable
{
    private readonly SimClient _c = new(sim.Info);
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    // A window well in the past: every record in it is visible.
    private static readonly string From = Iso(Now.AddDays(-4));
    private static readonly string To = Iso(Now.AddHours(-1));

    public void Dispose() => _c.Dispose();

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
    private static DateTimeOffset T(JsonNode? n) => DateTimeOffset.Parse((string)n!, CultureInfo.InvariantCulture);
    private static bool Deleted(JsonObject r) => (bool)r["_sim"]!["deleted"]!;
    private static string Owner(JsonObject r) => (string)r["_sim"]!["ownerExtensionId"]!;

    /// <summary>Expected ids: in the window, visible, not deleted (unless asked), matching <paramref name="pred"/>, newest first then id.</summary>
    private async Task<List<string>> Expected(Func<JsonObject, bool> pred, bool showDeleted = false, string? from = null, string? to = null)
    {
        var f = T(from ?? From);
        var t = T(to ?? To);
        var truth = await _c.Records();
        return truth.Where(r => T(r["startTime"]) >= f && T(r["startTime"]) <= t && T(r["_sim"]!["visibleAt"]) <= DateTimeOffset.UtcNow)
            .Where(r => showDeleted || !Deleted(r))
            .Where(pred)
            .OrderByDescending(r => T(r["startTime"])).ThenBy(r => (string)r["id"]!, StringComparer.Ordinal)
            .Select(r => (string)r["id"]!).ToList();
    }

    private async Task<List<string>> Actual(string query, string? token = null, string level = "/restapi/v1.0/account/~/call-log")
    {
        token ??= await _c.AdminToken();
        var recs = await _c.AllPages($"{level}?dateFrom={From}&dateTo={To}&perPage=1000{query}", token);
        return recs.Select(r => (string)r["id"]!).ToList();
    }

    private async Task Check(string query, Func<JsonObject, bool> pred, bool showDeleted = false)
    {
        var expected = await Expected(pred, showDeleted);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await Actual(query));
    }

    [Fact]
    public Task Without_a_filter_every_visible_record_not_deleted_comes_newest_first() => Check("", _ => true);

    [Fact]
    public Task Direction_filters_by_direction() => Check("&direction=Inbound", r => (string)r["direction"]! == "Inbound");

    [Fact]
    public Task Both_directions_repeated_filter_nothing() => Check("&direction=Inbound&direction=Outbound", _ => true);

    [Fact]
    public Task Type_Fax_gives_only_faxes() => Check("&type=Fax", r => (string)r["type"]! == "Fax");

    [Fact]
    public Task Transport_VoIP_gives_only_VoIP_calls() => Check("&transport=VoIP", r => (string)r["transport"]! == "VoIP");

    [Fact]
    public Task ShowDeleted_adds_the_deleted_records() => Check("&showDeleted=true", _ => true, showDeleted: true);

    [Fact]
    public Task ShowBlocked_false_leaves_out_the_blocked_calls() => Check("&showBlocked=false", r => !(bool)r["_sim"]!["blocked"]!);

    [Fact]
    public Task RecordingType_All_gives_every_recorded_call() => Check("&recordingType=All", r => r["recording"] is not null);

    [Fact]
    public Task RecordingType_Automatic_gives_automatic_recordings_only() => Check("&recordingType=Automatic", r => (string?)r["recording"]?["type"] == "Automatic");

    [Fact]
    public Task RecordingType_OnDemand_gives_on_demand_recordings_only() => Check("&recordingType=OnDemand", r => (string?)r["recording"]?["type"] == "OnDemand");

    [Fact]
    public Task WithRecording_gives_every_recorded_call() => Check("&withRecording=true", r => r["recording"] is not null);

    [Fact]
    public Task WithRecording_is_ignored_when_recordingType_is_given() => Check("&withRecording=false&recordingType=OnDemand", r => (string?)r["recording"]?["type"] == "OnDemand");

    [Fact]
    public async Task PhoneNumber_matches_with_and_without_the_plus()
    {
        var truth = await Expected(_ => true);
        var all = await _c.Records();
        var phone = all.Where(r => truth.Contains((string)r["id"]!)).Select(r => (string?)r["from"]!["phoneNumber"]).First(p => p is not null && p.StartsWith("+1", StringComparison.Ordinal))!;
        bool Pred(JsonObject r) => (string?)r["from"]!["phoneNumber"] == phone || (string?)r["to"]!["phoneNumber"] == phone;
        await Check("&phoneNumber=" + phone[1..], Pred);
        await Check("&phoneNumber=%2B" + phone[1..], Pred);
    }

    [Fact]
    public Task ExtensionNumber_matches_either_party() => Check("&extensionNumber=103", r => (string?)r["from"]!["extensionNumber"] == "103" || (string?)r["to"]!["extensionNumber"] == "103");

    [Fact]
    public async Task TelephonySessionId_finds_its_call()
    {
        var some = (await _c.Records()).First(r => T(r["startTime"]) < Now.AddDays(-1) && !Deleted(r));
        var tsid = (string)some["telephonySessionId"]!;
        await Check("&telephonySessionId=" + tsid, r => (string)r["telephonySessionId"]! == tsid);
    }

    [Fact]
    public async Task SessionId_finds_every_record_of_the_call_and_refuses_other_filters()
    {
        var token = await _c.AdminToken();
        var truth = await _c.Records();
        var now = DateTimeOffset.UtcNow;
        // A queue call: one session, records at several extensions.
        var group = truth.Where(r => !Deleted(r) && T(r["_sim"]!["visibleAt"]) <= now).GroupBy(r => (string)r["sessionId"]!).First(g => g.Count() > 1);
        var (status, body, _) = await _c.GetJson("/restapi/v1.0/account/~/call-log?sessionId=" + group.Key, token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(group.Select(r => (string)r["id"]!).Order(), body["records"]!.AsArray().Select(r => (string)r!["id"]!).Order());
        (status, body, _) = await _c.GetJson("/restapi/v1.0/account/~/call-log?sessionId=" + group.Key + "&direction=Inbound", token);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("CLG-110", (string)body["errors"]![0]!["errorCode"]!);
        Assert.Equal("Parameter [sessionId] is not allowed for usage along with parameter [direction]", (string)body["errors"]![0]!["message"]!);
    }

    [Fact]
    public async Task The_extension_level_gives_own_records_only_and_an_admin_may_read_another_extension()
    {
        var user = await _c.UserToken();
        var expected = await Expected(r => Owner(r) == sim.Info.UserExtensionId);
        Assert.Equal(expected, await Actual("", user, "/restapi/v1.0/account/~/extension/~/call-log"));
        Assert.Equal(expected, await Actual("", null, $"/restapi/v1.0/account/{sim.Info.AccountId}/extension/{sim.Info.UserExtensionId}/call-log"));
        var (status, body, _) = await _c.GetJson($"/restapi/v1.0/account/~/extension/{sim.Info.AdminExtensionId}/call-log", user);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("CMN-404", (string)body["errors"]![0]!["errorCode"]!);
    }

    [Fact]
    public async Task A_non_admin_at_account_level_gets_403_CMN_408_exactly_as_from_RingCentral()
    {
        var (status, body, _) = await _c.GetJson("/restapi/v1.0/account/~/call-log", await _c.UserToken());
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.True(JsonNode.DeepEquals(Fixtures.Json("error-403-cmn-408-readcompanycalllog.json"), body), body.ToJsonString());
        (status, _, _) = await _c.GetJson("/restapi/v1.0/account/~/active-calls", await _c.UserToken());
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task The_default_window_is_the_last_24_hours()
    {
        var token = await _c.AdminToken();
        var recs = await _c.AllPages("/restapi/v1.0/account/~/call-log?perPage=1000", token);
        Assert.NotEmpty(recs);
        Assert.All(recs, r => Assert.True(T(r["startTime"]) >= DateTimeOffset.UtcNow.AddHours(-24.1)));
        // dateTo alone: dateFrom defaults to dateTo - 24 h.
        var from = Iso(DateTimeOffset.UtcNow.AddHours(-54));
        var older = await _c.AllPages($"/restapi/v1.0/account/~/call-log?perPage=1000&dateTo={Iso(DateTimeOffset.UtcNow.AddHours(-30))}", token);
        Assert.NotEmpty(older);
        Assert.All(older, r => Assert.True(T(r["startTime"]) >= T(from).AddMinutes(-1) && T(r["startTime"]) <= DateTimeOffset.UtcNow.AddHours(-30)));
    }

    [Fact]
    public async Task Following_nextPage_through_small_pages_gives_the_same_as_one_big_page()
    {
        var token = await _c.AdminToken();
        var small = await _c.AllPages($"/restapi/v1.0/account/~/call-log?dateFrom={From}&dateTo={To}&perPage=37", token);
        Assert.Equal(await Actual(""), small.Select(r => (string)r["id"]!).ToList());
        var (_, body, _) = await _c.GetJson($"/restapi/v1.0/account/~/call-log?dateFrom={From}&dateTo={To}&perPage=37&page=2", token);
        Assert.Equal(2, (int)body["paging"]!["page"]!);
        Assert.Equal(37, (int)body["paging"]!["pageStart"]!);
        Assert.Equal(73, (int)body["paging"]!["pageEnd"]!);
        Assert.EndsWith("page=3", (string)body["navigation"]!["nextPage"]!["uri"]!, StringComparison.Ordinal);
        Assert.StartsWith(sim.Info.Url + "/restapi/v1.0/account/~/call-log?", (string)body["navigation"]!["firstPage"]!["uri"]!, StringComparison.Ordinal);
        Assert.Null(body["navigation"]!["lastPage"]);
        Assert.Null(body["paging"]!["totalElements"]);
    }

    [Fact]
    public async Task An_empty_range_has_paging_but_no_pageStart_pageEnd_or_nextPage()
    {
        var token = await _c.AdminToken();
        var (status, body, _) = await _c.GetJson("/restapi/v1.0/account/~/call-log?dateFrom=2001-01-01T00:00:00Z&dateTo=2001-01-02T00:00:00Z", token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(body["records"]!.AsArray());
        Assert.Equal(1, (int)body["paging"]!["page"]!);
        Assert.Equal(100, (int)body["paging"]!["perPage"]!);
        Assert.Null(body["paging"]!["pageStart"]);
        Assert.Null(body["paging"]!["pageEnd"]);
        Assert.Null(body["navigation"]!["nextPage"]);
        Assert.NotNull(body["navigation"]!["firstPage"]);
    }

    [Theory]
    [InlineData(1000, 1, false)]
    [InlineData(1001, 2, true)]
    public async Task Paging_exactly_1000_and_1001_records(int count, int pages, bool hasNext)
    {
        var token = await _c.AdminToken();
        // Choose a window holding exactly `count` listed records: from the newest visible one back to the count-th (distinct start times).
        var truth = await Expected(_ => true, from: Iso(Now.AddDays(-9)), to: To);
        var all = (await _c.Records()).ToDictionary(r => (string)r["id"]!);
        var times = truth.Select(id => T(all[id]["startTime"])).ToList();
        var end = Enumerable.Range(count, truth.Count - count).First(i => times[i] != times[i - 1]);
        var start = end - count;
        Assert.True(start == 0 || times[start] != times[start - 1]);
        var q = $"/restapi/v1.0/account/~/call-log?dateFrom={Iso(times[end - 1])}&dateTo={Iso(times[start])}&perPage=1000";
        var (_, first, _) = await _c.GetJson(q, token);
        Assert.Equal(Math.Min(count, 1000), first["records"]!.AsArray().Count);
        Assert.Equal(999, (int)first["paging"]!["pageEnd"]!);
        Assert.Equal(hasNext, first["navigation"]!["nextPage"] is not null);
        var everything = await _c.AllPages(q, token);
        Assert.Equal(truth.Skip(start).Take(count), everything.Select(r => (string)r["id"]!));
        Assert.Equal(pages, (int)Math.Ceiling(count / 1000.0));
    }

    [Theory]
    [InlineData("perPage=max", 1000)]
    [InlineData("perPage=5000", 1000)]
    [InlineData("perPage=7", 7)]
    public async Task PerPage_max_and_values_over_1000_give_1000(string q, int expected)
    {
        var (status, body, _) = await _c.GetJson($"/restapi/v1.0/account/~/call-log?dateFrom={From}&dateTo={To}&{q}", await _c.AdminToken());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, (int)body["paging"]!["perPage"]!);
    }

    [Theory]
    [InlineData("perPage=0", "perPage")]
    [InlineData("perPage=abc", "perPage")]
    [InlineData("page=0", "page")]
    [InlineData("dateFrom=yesterday", "dateFrom")]
    [InlineData("dateTo=2020-13-45", "dateTo")]
    [InlineData("view=Fancy", "view")]
    [InlineData("direction=Sideways", "direction")]
    [InlineData("recordingType=Sometimes", "recordingType")]
    public async Task An_invalid_parameter_is_400_CMN_101_naming_it(string q, string name)
    {
        var (status, body, _) = await _c.GetJson("/restapi/v1.0/account/~/call-log?" + q, await _c.AdminToken());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("CMN-101", (string)body["errors"]![0]!["errorCode"]!);
        Assert.Equal(name, (string)body["errors"]![0]!["parameterName"]!);
    }

    [Fact]
    public async Task Simple_has_no_legs_and_Detailed_has_legs_and_lastModifiedTime()
    {
        var token = await _c.AdminToken();
        var (_, simple, _) = await _c.GetJson($"/restapi/v1.0/account/~/call-log?dateFrom={From}&dateTo={To}&perPage=50", token);
        var (_, detailed, _) = await _c.GetJson($"/restapi/v1.0/account/~/call-log?dateFrom={From}&dateTo={To}&perPage=50&view=Detailed", token);
        Assert.All(simple["records"]!.AsArray(), r => { Assert.Null(r!["legs"]); Assert.Null(r["lastModifiedTime"]); });
        Assert.All(detailed["records"]!.AsArray(), r =>
        {
            var legs = r!["legs"]!.AsArray();
            Assert.InRange(legs.Count, 1, 3);
            Assert.Single(legs, l => (bool?)l!["master"] == true);
            Assert.All(legs, l => Assert.Equal(System.Text.Json.JsonValueKind.Number, l!["extension"]!["id"]!.GetValueKind()));
            Assert.NotNull(r["lastModifiedTime"]);
        });
    }

    [Fact]
    public async Task Active_calls_show_calls_in_progress_and_just_ended()
    {
        var token = await _c.AdminToken();
        // Ended 11 s ago: past the 3–10 s after which RingCentral lists an ended call as active.
        var added = await _c.Hook("calls", new { count = 3, endedSecondsAgo = 11, visibleAfterSeconds = 600 });
        var ids = added["added"]!.AsArray().Select(x => (string)x!).ToList();
        var (status, body, _) = await _c.GetJson("/restapi/v1.0/account/~/active-calls?perPage=1000", token);
        Assert.Equal(HttpStatusCode.OK, status);
        var active = body["records"]!.AsArray().Select(r => (string)r!["id"]!).ToList();
        Assert.Subset(active.ToHashSet(), ids.ToHashSet());
        // Not in the call log yet (visible only later).
        var list = await _c.AllPages("/restapi/v1.0/account/~/call-log?perPage=1000", token);
        Assert.DoesNotContain(list, r => ids.Contains((string)r["id"]!));
        var (_, ext, _) = await _c.GetJson("/restapi/v1.0/account/~/extension/~/active-calls", token);
        Assert.All(ext["records"]!.AsArray(), r => Assert.Contains("/extension/" + sim.Info.AdminExtensionId + "/", (string)r!["uri"]!, StringComparison.Ordinal));
    }
}
