using System.Net.WebSockets;
using System.Text.Json.Nodes;
using RingCentral.Simulator.Tests.Schema;

namespace RingCentral.Simulator.Tests.Events;

/// <summary>
/// The simulator's WebSocket gateway as RingCentral documents it: wstoken, ConnectionDetails,
/// subscriptions over ClientRequest, telephony session notifications valid against the published
/// schema, heartbeats, timeouts and session recovery. Each test has a simulator of its own: the
/// gateway's switches are global.
/// </summary>
public sealed class GatewayTests
{
    private const string AccountFilter = "/restapi/v1.0/account/~/telephony/sessions";

    private static Task<SimulatorHost> StartAsync() => SimulatorHost.StartAsync(new SimulatorOptions
    {
        Seed = 3, Extensions = 4, CallsPerDay = 5, Days = 1,
        Heavy = "0/0", Light = "0/0", Auth = "0/0", TestHooks = true,
    });

    private static bool IsNotification(JsonArray f) => (string?)f[0]!["type"] == "ServerNotification";

    private static JsonNode Body(JsonArray notification) => notification[1]!["body"]!;

    /// <summary>Reads notifications until <paramref name="sessions"/> sessions have had their Disconnected.</summary>
    private static async Task<List<JsonArray>> ReadCallsAsync(GatewayClient ws, int sessions)
    {
        var frames = new List<JsonArray>();
        while (frames.Select(Body).Where(b => (string?)b["parties"]![0]!["status"]!["code"] == "Disconnected").Select(b => (string?)b["telephonySessionId"]).Distinct().Count() < sessions)
        {
            var f = await ws.ReadAsync();
            if (IsNotification(f)) frames.Add(f);
        }
        return frames;
    }

    [Fact]
    public async Task New_calls_arrive_as_one_notification_per_status_change_valid_against_the_schema()
    {
        await using var host = await StartAsync();
        using var sim = new SimClient(host.Info);
        await using var ws = await GatewayClient.ConnectAsync(sim, await sim.AdminToken());
        var subscribed = await ws.SubscribeAsync(AccountFilter);
        Assert.Equal(200, (int)subscribed[0]!["status"]!);
        SpecSchemas.AssertValid(SpecSchemas.Component("SubscriptionInfo"), subscribed[1], "subscription answer");
        var subscriptionId = (string)subscribed[1]!["id"]!;

        await sim.Hook("calls", new { count = 6 });
        var frames = await ReadCallsAsync(ws, 6);

        var outOfOrder = 0;
        foreach (var session in frames.GroupBy(f => (string)Body(f)["telephonySessionId"]!))
        {
            var sequences = session.Select(f => (long)Body(f)["sequence"]!).ToList();
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences.Order());
            if (!sequences.SequenceEqual(sequences.Order())) outOfOrder++;
            var byOrder = session.OrderBy(f => (long)Body(f)["sequence"]!).Select(f => (string)Body(f)["parties"]![0]!["status"]!["code"]!).ToList();
            Assert.Equal("Setup", byOrder[0]);
            Assert.Equal("Disconnected", byOrder[^1]);
        }
        Assert.True(outOfOrder >= 1, "RingCentral may deliver a later sequence first; the simulator does so for every third call");
        foreach (var f in frames)
        {
            SpecSchemas.AssertValid(SpecSchemas.Component("AccountTelephonySessionsEvent"), f[1], "notification");
            Assert.Equal(subscriptionId, (string?)f[1]!["subscriptionId"]);
            Assert.Equal($"/restapi/v1.0/account/{host.Info.AccountId}/telephony/sessions", (string?)f[1]!["event"]);
            Assert.NotNull(f[0]!["wsc"]!["token"]);
        }
    }

    [Fact]
    public async Task A_queue_call_with_a_record_per_extension_it_rang_is_still_one_run_of_sequences_and_ends_with_Disconnected()
    {
        // The even mix sends 8 % of answered inbound calls through a queue, which leaves one call log record
        // per extension it rang, all of one session. Two hundred calls hold several such sessions.
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Seed = 3, Extensions = 4, CallsPerDay = 5, Days = 1, Profile = Simulator.Data.CallProfile.AroundTheClock,
            Heavy = "0/0", Light = "0/0", Auth = "0/0", TestHooks = true,
        });
        using var sim = new SimClient(host.Info);
        await using var ws = await GatewayClient.ConnectAsync(sim, await sim.AdminToken());
        await ws.SubscribeAsync(AccountFilter);

        var added = (await sim.Hook("calls", new { count = 200 }))["added"]!.AsArray().Count;
        Assert.True(added > 200, $"{added} records for 200 calls: no queue call among them, so this test would prove nothing");
        var sent = (long)(await sim.Hook("ws", new { }))["notificationsSent"]!;
        var frames = await ws.ReadNotificationsAsync((int)sent);

        var sessions = frames.GroupBy(f => (string)Body(f)["telephonySessionId"]!).ToList();
        Assert.Equal(200, sessions.Count);
        foreach (var session in sessions)
        {
            // RingCentral numbers a session's notifications once: a repeated sequence reads as a replay to a client.
            var sequences = session.Select(f => (long)Body(f)["sequence"]!).ToList();
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences.Order());
            // Whatever order they come in, the session's last notification is its Disconnected, and it comes last.
            var last = session.MaxBy(f => (long)Body(f)["sequence"]!)!;
            Assert.Equal("Disconnected", (string?)Body(last)["parties"]![0]!["status"]!["code"]);
            Assert.Same(last, session.Last());
        }
    }

    [Fact]
    public async Task A_statusCode_filter_lets_only_that_status_through()
    {
        await using var host = await StartAsync();
        using var sim = new SimClient(host.Info);
        await using var ws = await GatewayClient.ConnectAsync(sim, await sim.AdminToken());
        await ws.SubscribeAsync(AccountFilter + "?statusCode=Disconnected");
        await sim.Hook("calls", new { count = 4 });
        var frames = await ReadCallsAsync(ws, 4);
        Assert.Equal(4, frames.Count);
        Assert.All(frames, f => Assert.Equal("Disconnected", (string?)Body(f)["parties"]![0]!["status"]!["code"]));
    }

    [Fact]
    public async Task The_wstoken_answers_the_schema_and_works_until_it_expires()
    {
        await using var host = await StartAsync();
        using var sim = new SimClient(host.Info);
        var access = await sim.AdminToken();
        using (var req = new HttpRequestMessage(HttpMethod.Post, host.Info.Url + "/restapi/oauth/wstoken"))
        {
            req.Headers.Authorization = new("Bearer", access);
            using var resp = await sim.Http.SendAsync(req);
            SpecSchemas.AssertValid(SpecSchemas.ForResponse("/restapi/oauth/wstoken", "post", "200"), JsonNode.Parse(await resp.Content.ReadAsStringAsync()), "wstoken answer");
        }

        // RingCentral's JS client reuses a token for reconnects until 80 % of its lifetime: accepted.
        var uri = await GatewayClient.WsUriAsync(sim, access);
        for (var i = 0; i < 2; i++)
        {
            await using var again = await GatewayClient.OpenAsync(uri);
            Assert.Equal("ConnectionDetails", (string?)(await again.ReadAsync())[0]!["type"]);
        }

        await sim.Hook("ws", new { tokenTtl = 0 });
        await using var expired = await GatewayClient.OpenAsync(await GatewayClient.WsUriAsync(sim, access));
        var error = await expired.ReadAsync();
        Assert.Equal("Error", (string?)error[0]!["type"]);
        Assert.Null(await expired.ReadTextAsync());
        Assert.Equal(4400, (int?)expired.CloseStatus);

        await using var none = await GatewayClient.OpenAsync(uri.Split('?')[0]);
        Assert.Equal("Error", (string?)(await none.ReadAsync())[0]!["type"]);
    }

    [Fact]
    public async Task ConnectionDetails_gives_the_timeouts_and_a_recovery_token()
    {
        await using var host = await StartAsync();
        using var sim = new SimClient(host.Info);
        await using var ws = await GatewayClient.ConnectAsync(sim, await sim.AdminToken());
        Assert.Equal(180, (int)ws.ConnectionDetails["recoveryTimeout"]!);
        Assert.Equal(1800, (int)ws.ConnectionDetails["idleTimeout"]!);
        Assert.Equal(86400, (int)ws.ConnectionDetails["absoluteTimeout"]!);
        Assert.Equal(100, (int)ws.ConnectionDetails["recoveryBufferSize"]!);
        Assert.EndsWith("+0000", (string)ws.ConnectionDetails["creationTime"]!, StringComparison.Ordinal);
        Assert.False(ws.ConnectionDetails.ContainsKey("recoveryState"));
        Assert.NotNull(ws.Wsc);
    }

    [Fact]
    public async Task A_Heartbeat_is_echoed_with_its_messageId()
    {
        await using var host = await StartAsync();
        using var sim = new SimClient(host.Info);
        await using var ws = await GatewayClient.ConnectAsync(sim, await sim.AdminToken());
        await ws.SendAsync(new JsonArray(new JsonObject { ["type"] = "Heartbeat", ["messageId"] = "hb-1" }));
        var echo = await ws.ReadAsync();
        Assert.Equal("Heartbeat", (string?)echo[0]!["type"]);
        Assert.Equal("hb-1", (string?)echo[0]!["messageId"]);
    }

    [Fact]
    public async Task A_recovery_within_the_timeout_replays_exactly_what_was_missed()
    {
        await using var host = await StartAsync();
        using var sim = new SimClient(host.Info);
        var access = await sim.AdminToken();
        var ws = await GatewayClient.ConnectAsync(sim, access);
        await ws.SubscribeAsync(AccountFilter);
        await sim.Hook("calls", new { count = 2 });
        var before = await ReadCallsAsync(ws, 2);
        var sentBefore = (long)(await sim.Hook("ws", new { }))["notificationsSent"]!;
        Assert.Equal(before.Count, sentBefore);

        Assert.Equal(1, (int)(await sim.Hook("ws", new { drop = true }))["dropped"]!);
        await ws.DisposeAsync();
        await sim.Hook("calls", new { count = 3 });
        var missed = (long)(await sim.Hook("ws", new { }))["notificationsSent"]! - sentBefore;

        await using var again = await GatewayClient.ConnectAsync(sim, access, ws.Wsc);
        Assert.Equal("Successful", (string?)again.ConnectionDetails["recoveryState"]);
        var replayed = await again.ReadNotificationsAsync((int)missed);
        var seen = before.Select(f => ((string)Body(f)["telephonySessionId"]!, (long)Body(f)["sequence"]!)).ToHashSet();
        Assert.DoesNotContain(replayed, f => seen.Contains(((string)Body(f)["telephonySessionId"]!, (long)Body(f)["sequence"]!)));
        Assert.Equal(3, replayed.Select(f => (string?)Body(f)["telephonySessionId"]).Distinct().Count());

        // Still subscribed after the recovery: new calls keep coming on the new socket.
        await sim.Hook("calls", new { count = 1 });
        Assert.Single((await ReadCallsAsync(again, 1)).Select(f => (string?)Body(f)["telephonySessionId"]).Distinct());
    }

    [Fact]
    public async Task A_refused_recovery_is_Failed_and_the_new_session_has_no_subscription()
    {
        await using var host = await StartAsync();
        using var sim = new SimClient(host.Info);
        var access = await sim.AdminToken();
        var ws = await GatewayClient.ConnectAsync(sim, access);
        await ws.SubscribeAsync(AccountFilter);
        await sim.Hook("ws", new { drop = true, refuseNextRecovery = true });
        await ws.DisposeAsync();

        await using var again = await GatewayClient.ConnectAsync(sim, access, ws.Wsc);
        Assert.Equal("Failed", (string?)again.ConnectionDetails["recoveryState"]);
        Assert.StartsWith("WSG-", (string?)again.ConnectionDetails["recoveryErrorCode"], StringComparison.Ordinal);

        // Calls are published before the hook answers: a notification would be queued before the echo.
        await sim.Hook("calls", new { count = 2 });
        await again.SendAsync(new JsonArray(new JsonObject { ["type"] = "Heartbeat", ["messageId"] = "after" }));
        Assert.Equal("Heartbeat", (string?)(await again.ReadAsync())[0]!["type"]);
    }

    [Fact]
    public async Task A_recovery_from_another_OAuth_session_fails_with_WSG_1003()
    {
        await using var host = await StartAsync();
        using var sim = new SimClient(host.Info);
        var ws = await GatewayClient.ConnectAsync(sim, await sim.AdminToken());
        await ws.SubscribeAsync(AccountFilter);
        ws.Abort();
        await ws.DisposeAsync();
        await using var again = await GatewayClient.ConnectAsync(sim, await sim.AdminToken(), ws.Wsc);
        Assert.Equal("Failed", (string?)again.ConnectionDetails["recoveryState"]);
        Assert.Equal("WSG-1003", (string?)again.ConnectionDetails["recoveryErrorCode"]);
    }

    [Fact]
    public async Task A_recovery_whose_missed_events_left_the_buffer_fails()
    {
        await using var host = await StartAsync();
        using var sim = new SimClient(host.Info);
        var access = await sim.AdminToken();
        await sim.Hook("ws", new { recoveryBufferSize = 3 });
        var ws = await GatewayClient.ConnectAsync(sim, access);
        await ws.SubscribeAsync(AccountFilter);
        await sim.Hook("ws", new { drop = true });
        await ws.DisposeAsync();
        await sim.Hook("calls", new { count = 3 });
        await using var again = await GatewayClient.ConnectAsync(sim, access, ws.Wsc);
        Assert.Equal("Failed", (string?)again.ConnectionDetails["recoveryState"]);
    }

    [Fact]
    public async Task A_wsc_that_is_not_the_gateways_is_WSG_400_and_the_socket_closes()
    {
        await using var host = await StartAsync();
        using var sim = new SimClient(host.Info);
        await using var ws = await GatewayClient.OpenAsync(await GatewayClient.WsUriAsync(sim, await sim.AdminToken()), "not-a-wsc");
        var error = await ws.ReadAsync();
        Assert.Equal("WSG-400", (string?)error[1]!["errorCode"]);
        Assert.Null(await ws.ReadTextAsync());
    }

    [Theory]
    [InlineData("idleTimeout", "WSG-902")]
    [InlineData("absoluteTimeout", "WSG-903")]
    public async Task A_timeout_sends_its_error_frame_and_closes(string setting, string code)
    {
        await using var host = await StartAsync();
        using var sim = new SimClient(host.Info);
        await sim.Hook("ws", new Dictionary<string, int> { [setting] = 1 });
        await using var ws = await GatewayClient.ConnectAsync(sim, await sim.AdminToken());
        Assert.Equal(1, (int)ws.ConnectionDetails[setting]!);
        var error = await ws.ReadAsync();
        Assert.Equal("Error", (string?)error[0]!["type"]);
        Assert.Equal(code, (string?)error[1]!["errorCode"]);
        Assert.Null(await ws.ReadTextAsync());
    }

    [Fact]
    public async Task A_user_gets_their_own_extension_and_account_level_comes_back_in_disabledFilters()
    {
        await using var host = await StartAsync();
        using var sim = new SimClient(host.Info);
        await using var ws = await GatewayClient.ConnectAsync(sim, await sim.UserToken());
        var answer = await ws.SubscribeAsync(AccountFilter, "/restapi/v1.0/account/~/extension/~/telephony/sessions");
        Assert.Equal(200, (int)answer[0]!["status"]!);
        SpecSchemas.AssertValid(SpecSchemas.Component("SubscriptionInfo"), answer[1], "subscription answer");
        var disabled = Assert.Single(answer[1]!["disabledFilters"]!.AsArray());
        Assert.Equal(AccountFilter, (string?)disabled!["filter"]);
        Assert.Equal($"/restapi/v1.0/account/{host.Info.AccountId}/extension/{host.Info.UserExtensionId}/telephony/sessions", (string?)Assert.Single(answer[1]!["eventFilters"]!.AsArray()));
    }

    [Fact]
    public async Task Without_CallControl_every_telephony_filter_is_disabled_and_without_WebSocket_there_is_no_token()
    {
        await using var host = await StartAsync();
        using var sim = new SimClient(host.Info);
        var access = await sim.AdminToken();
        await sim.Hook("ws", new { callControlPermission = false });
        await using (var ws = await GatewayClient.ConnectAsync(sim, access))
        {
            var answer = await ws.SubscribeAsync(AccountFilter);
            Assert.Empty(answer[1]!["eventFilters"]!.AsArray());
            Assert.Contains("CallControl", (string?)answer[1]!["disabledFilters"]![0]!["message"], StringComparison.Ordinal);
        }

        await sim.Hook("ws", new { webSocketPermission = false });
        using var req = new HttpRequestMessage(HttpMethod.Post, host.Info.Url + "/restapi/oauth/wstoken");
        req.Headers.Authorization = new("Bearer", access);
        using var resp = await sim.Http.SendAsync(req);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, resp.StatusCode);
        Assert.Contains("[WebSocket]", await resp.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_subscription_is_read_updated_and_cancelled_over_the_socket()
    {
        await using var host = await StartAsync();
        using var sim = new SimClient(host.Info);
        await using var ws = await GatewayClient.ConnectAsync(sim, await sim.AdminToken());
        var id = (string)(await ws.SubscribeAsync(AccountFilter))[1]!["id"]!;
        var updated = await ws.RequestAsync("PUT", "/restapi/v1.0/subscription/" + id, new JsonObject
        {
            ["eventFilters"] = new JsonArray((JsonNode)(AccountFilter + "?statusCode=Answered")),
        });
        Assert.Equal(200, (int)updated[0]!["status"]!);
        Assert.EndsWith("?statusCode=Answered", (string?)updated[1]!["eventFilters"]![0], StringComparison.Ordinal);
        Assert.Equal(id, (string?)(await ws.RequestAsync("GET", "/restapi/v1.0/subscription/" + id, null))[1]!["id"]);
        Assert.Equal(204, (int)(await ws.RequestAsync("DELETE", "/restapi/v1.0/subscription/" + id, null))[0]!["status"]!);
        Assert.Equal(404, (int)(await ws.RequestAsync("GET", "/restapi/v1.0/subscription/" + id, null))[0]!["status"]!);

        await sim.Hook("calls", new { count = 2 });
        await ws.SendAsync(new JsonArray(new JsonObject { ["type"] = "Heartbeat", ["messageId"] = "after" }));
        Assert.Equal("Heartbeat", (string?)(await ws.ReadAsync())[0]!["type"]);
    }

    [Fact]
    public async Task A_filter_the_gateway_does_not_know_is_refused_400()
    {
        await using var host = await StartAsync();
        using var sim = new SimClient(host.Info);
        await using var ws = await GatewayClient.ConnectAsync(sim, await sim.AdminToken());
        var answer = await ws.SubscribeAsync("/restapi/v1.0/account/~/no-such-events");
        Assert.Equal(400, (int)answer[0]!["status"]!);
    }

    [Fact]
    public async Task The_malformed_hook_sends_a_frame_that_is_not_JSON()
    {
        await using var host = await StartAsync();
        using var sim = new SimClient(host.Info);
        await using var ws = await GatewayClient.ConnectAsync(sim, await sim.AdminToken());
        await sim.Hook("ws", new { malformed = true });
        var text = await ws.ReadTextAsync();
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => JsonNode.Parse(text!));
    }

    [Fact]
    public async Task A_call_that_just_ended_is_announced_first_and_listed_as_active_3_to_10_seconds_later()
    {
        await using var host = await StartAsync();
        using var sim = new SimClient(host.Info);
        var access = await sim.AdminToken();
        await using var ws = await GatewayClient.ConnectAsync(sim, access);
        await ws.SubscribeAsync(AccountFilter + "?statusCode=Disconnected");

        // Ended now, listed in the call log in 20 s: the event comes at once, the active-call list not yet.
        await sim.Hook("calls", new { count = 1, endedSecondsAgo = 0, visibleAfterSeconds = 20 });
        var justEnded = (string)Body((await ReadCallsAsync(ws, 1))[0])["telephonySessionId"]!;
        Assert.DoesNotContain(justEnded, await ActiveSessionsAsync(sim, access));

        // Ended 11 s ago (past the 10 s at most), listed in 20 s: active; ended 121 s ago: gone from the list.
        await sim.Hook("calls", new { count = 1, endedSecondsAgo = 11, visibleAfterSeconds = 20 });
        var settled = (string)Body((await ReadCallsAsync(ws, 1))[0])["telephonySessionId"]!;
        await sim.Hook("calls", new { count = 1, endedSecondsAgo = 121, visibleAfterSeconds = 20 });
        var old = (string)Body((await ReadCallsAsync(ws, 1))[0])["telephonySessionId"]!;
        var active = await ActiveSessionsAsync(sim, access);
        Assert.Contains(settled, active);
        Assert.DoesNotContain(old, active);
        Assert.DoesNotContain(justEnded, active);
    }

    private static async Task<List<string>> ActiveSessionsAsync(SimClient sim, string access)
    {
        var (_, body, _) = await sim.GetJson("/restapi/v1.0/account/~/active-calls?perPage=1000", access);
        return body["records"]!.AsArray().Select(r => (string)r!["telephonySessionId"]!).ToList();
    }
}
