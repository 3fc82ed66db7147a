using System.Diagnostics;
using System.Management.Automation;
using System.Text.Json.Nodes;
using RingCentral.CallLog.Commands;
using RingCentral.CallLog.Tests.TestSupport;
using RingCentral.Simulator;
using Xunit;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>
/// Watch-RcCallEvent against the simulator's WebSocket gateway: events of added calls, filters,
/// the ends (-First, -Timeout) with the subscription cancelled, drops with and without recovery.
/// Each test has a simulator of its own: the gateway's switches are global.
/// </summary>
public sealed class WatchRcCallEventTests
{
    private const string Connect = "Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $AdminJwt\n";

    static WatchRcCallEventTests()
    {
        // A reconnect after a drop need not wait the production backoff of 1 s, and heartbeats
        // come every second so a gateway idle timeout of a few seconds can be tested.
        WatchRcCallEventCommand.FirstBackoff = TimeSpan.FromMilliseconds(100);
        WatchRcCallEventCommand.HeartbeatInterval = TimeSpan.FromSeconds(1);
    }

    private static Task<HostedModule> StartAsync() => HostedModule.StartAsync(new SimulatorOptions
    {
        Seed = 3, Extensions = 4, CallsPerDay = 5, Days = 1, Heavy = "0/0", Light = "0/0", Auth = "0/0", TestHooks = true,
    });

    /// <summary>The one error a script ends with, thrown or written.</summary>
    private static ErrorRecord ErrorOf(System.Management.Automation.Runspaces.Runspace runspace, string script)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(script);
        try
        {
            ps.Invoke();
        }
        catch (RuntimeException ex)
        {
            return ex.ErrorRecord;
        }

        return Assert.Single(ps.Streams.Error);
    }

    private static async Task<long> NotificationsSent(HostedModule sim) => (long)(await sim.Hook("ws", new { }))["notificationsSent"]!;

    private static async Task<int> WsTokens(HostedModule sim) =>
        (await sim.Requests()).Count(r => (string?)r["method"] == "POST" && (string?)r["path"] == "/restapi/oauth/wstoken");

    [Fact]
    public async Task Events_of_new_calls_arrive_with_the_calls_fields_and_the_end_cancels_the_subscription()
    {
        await using var sim = await StartAsync();
        using var watch = new RunningWatch(sim, "Watch-RcCallEvent -Account -Status Disconnected -First 3");
        await watch.SubscribedAsync();
        var added = (await sim.Hook("calls", new { count = 3 }))["added"]!.AsArray().Select(n => n!.ToString()).ToList();
        Assert.Null(await watch.EndAsync());

        var records = (await sim.Hook("records"))["records"]!.AsArray().Select(r => r!.AsObject()).Where(r => added.Contains(r["id"]!.ToString())).ToList();
        Assert.Equal(3, records.Count);
        var events = watch.Events;
        Assert.Equal(3, events.Count);
        foreach (var e in events)
        {
            var record = Assert.Single(records, r => (string?)r["telephonySessionId"] == e.TelephonySessionId);
            Assert.Equal("Disconnected", e.Status);
            Assert.Equal((string?)record["direction"], e.Direction);
            Assert.Equal(record["_sim"]!["ownerExtensionId"]!.ToString(), e.ExtensionId);
            Assert.Equal(sim.Info.AccountId, e.AccountId);
            Assert.Equal((string?)record["sessionId"], e.SessionId);
            Assert.NotNull(e.EventTime);
            Assert.True(e.Sequence > 0);
            Assert.False(string.IsNullOrEmpty(e.SubscriptionId));
            Assert.Equal("Call", e.OriginType);
        }

        // Ended with -First: the subscription was cancelled, so new calls notify no one.
        Assert.Contains(watch.Verbose, v => v.StartsWith("Cancelled subscription", StringComparison.Ordinal) && v.EndsWith("(204).", StringComparison.Ordinal));
        var sent = await NotificationsSent(sim);
        await sim.Hook("calls", new { count = 2 });
        Assert.Equal(sent, await NotificationsSent(sim));
    }

    [Fact]
    public async Task ExtensionId_takes_several_extensions_with_one_filter_per_extension_and_status_and_only_their_calls_arrive()
    {
        // Every extension alike, and calls of each made before the watch: with the office profile a
        // quiet hour's history (5 calls a day) could name fewer than three extensions, and the
        // receptionist takes most calls, so the two watched could get none of the twelve.
        await using var sim = await HostedModule.StartAsync(new SimulatorOptions
        {
            Seed = 3, Extensions = 4, CallsPerDay = 5, Days = 1, Heavy = "0/0", Light = "0/0", Auth = "0/0", TestHooks = true,
            Profile = RingCentral.Simulator.Data.CallProfile.AroundTheClock,
        });
        await sim.Hook("calls", new { count = 20 });
        var owners = (await sim.Hook("records"))["records"]!.AsArray().Select(r => r!["_sim"]!["ownerExtensionId"]!.ToString()).Distinct().OrderBy(o => o).ToList();
        Assert.True(owners.Count >= 3, "the simulator has calls of three extensions");
        var watched = owners.Take(2).ToList();
        using var watch = new RunningWatch(sim, $"Watch-RcCallEvent -ExtensionId {watched[0]},{watched[1]} -Status Setup,Disconnected -Timeout 00:01:00");
        await watch.SubscribedAsync();
        Assert.Contains(watch.Verbose, v => v.StartsWith("Subscribed to 4 event filter(s)", StringComparison.Ordinal));
        await sim.Hook("calls", new { count = 12 });
        var sent = await NotificationsSent(sim);
        await watch.WaitForAsync(() => watch.Events.Count >= sent, "the events of the watched extensions");
        await watch.StopAsync();
        Assert.NotEmpty(watch.Events);
        Assert.All(watch.Events, e => Assert.Contains(e.ExtensionId, watched));
        Assert.All(watch.Events, e => Assert.Contains(e.Status, new[] { "Setup", "Disconnected" }));
    }

    [Fact]
    public async Task Timeout_ends_a_quiet_watch_without_error_and_cancels_the_subscription()
    {
        await using var sim = await StartAsync();
        using var watch = new RunningWatch(sim, "Watch-RcCallEvent -Account -Status Answered -Timeout 00:00:02");
        Assert.Null(await watch.EndAsync());
        Assert.Empty(watch.Events);
        var sent = await NotificationsSent(sim);
        await sim.Hook("calls", new { count = 3 });
        Assert.Equal(sent, await NotificationsSent(sim));
    }

    [Fact]
    public async Task A_Status_filter_lets_only_those_statuses_through()
    {
        await using var sim = await StartAsync();
        using var watch = new RunningWatch(sim, "Watch-RcCallEvent -Account -Status Setup,Disconnected -First 6");
        await watch.SubscribedAsync();
        await sim.Hook("calls", new { count = 3 });
        Assert.Null(await watch.EndAsync());
        Assert.Equal(6, watch.Events.Count);
        Assert.Equal(3, watch.Events.Count(e => e.Status == "Setup"));
        Assert.Equal(3, watch.Events.Count(e => e.Status == "Disconnected"));
    }

    [Fact]
    public async Task A_dropped_socket_recovers_and_every_event_is_written_exactly_once_with_a_new_wstoken()
    {
        await using var sim = await StartAsync();
        using var watch = new RunningWatch(sim, "Watch-RcCallEvent -Account -First 1000 -Timeout 00:01:00");
        await watch.SubscribedAsync();
        await sim.Hook("calls", new { count = 2 });
        var sentBefore = await NotificationsSent(sim);
        await watch.WaitForAsync(() => watch.Events.Count == sentBefore, "the events before the drop");
        Assert.Equal(1, (int)(await sim.Hook("ws", new { drop = true }))["dropped"]!);
        await sim.Hook("calls", new { count = 3 });
        var sent = await NotificationsSent(sim);
        await watch.WaitForAsync(() => watch.Verbose.Any(v => v.Contains("recovered the session", StringComparison.Ordinal)), "the recovery");
        await watch.WaitForAsync(() => watch.Events.Count >= sent, "the replayed events");
        await Task.Delay(500);

        var events = watch.Events;
        Assert.Equal(sent, events.Count);
        Assert.Equal(events.Count, events.Select(e => (e.TelephonySessionId, e.PartyId, e.Sequence)).Distinct().Count());
        Assert.Equal(5, events.Select(e => e.TelephonySessionId).Distinct().Count());
        Assert.Empty(watch.Warnings);
        Assert.Equal(2, await WsTokens(sim));

        await watch.StopAsync();

        // Neither WebSocket token nor the recovery token (wsc) the connects carried appears in any text.
        var connects = (await sim.Requests()).Where(r => (string?)r["path"] == "/ws").Select(r => (string?)r["query"] ?? "").ToList();
        Assert.Equal(2, connects.Count);
        var secrets = connects.SelectMany(q => q.TrimStart('?').Split('&')).Select(p => Uri.UnescapeDataString(p[(p.IndexOf('=') + 1)..])).Where(v => v.Length >= 8).ToList();
        Assert.Equal(3, secrets.Count);
        Assert.Contains(connects, q => q.Contains("wsc=", StringComparison.Ordinal));
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, watch.AllText, StringComparison.Ordinal));
        Assert.DoesNotContain("access_token", watch.AllText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Events_a_recovery_replays_again_are_written_once()
    {
        await using var sim = await StartAsync();
        using var watch = new RunningWatch(sim, "Watch-RcCallEvent -Account -Timeout 00:01:00 -Debug");
        await watch.SubscribedAsync();
        await sim.Hook("calls", new { count = 3 });
        var sentBefore = await NotificationsSent(sim);
        await watch.WaitForAsync(() => watch.Events.Count >= sentBefore, "the events before the drop");

        // The gateway replays its whole buffer on recovery: every event so far comes a second time.
        await sim.Hook("ws", new { drop = true, replayDeliveredOnNextRecovery = true });
        await watch.WaitForAsync(() => watch.Verbose.Any(v => v.Contains("recovered the session", StringComparison.Ordinal)), "the recovery");
        await sim.Hook("calls", new { count = 2 });
        var sent = await NotificationsSent(sim);
        // The replay comes first on the recovered socket, so once the new calls' events are in, so is it.
        await watch.WaitForAsync(() => watch.Events.Count >= sent, "the events after the recovery");
        await Task.Delay(500);
        await watch.StopAsync();

        var events = watch.Events;
        Assert.Equal(sent, events.Count);
        Assert.Equal(events.Count, events.Select(e => (e.TelephonySessionId, e.PartyId, e.Sequence)).Distinct().Count());
        Assert.Equal(sentBefore, watch.Debug.Count(d => d.StartsWith("Skipped event", StringComparison.Ordinal)));
        Assert.Empty(watch.Warnings);
    }

    [Fact]
    public async Task After_the_access_token_expired_a_drop_reconnects_with_a_renewed_token_and_recovers()
    {
        await using var sim = await HostedModule.StartAsync(new SimulatorOptions
        {
            Seed = 3, Extensions = 4, CallsPerDay = 5, Days = 1, Heavy = "0/0", Light = "0/0", Auth = "0/0", TestHooks = true, AccessTokenTtlSeconds = 3,
        });
        using var watch = new RunningWatch(sim, "Watch-RcCallEvent -Account -Status Disconnected -First 2 -Timeout 00:01:00");
        await watch.SubscribedAsync();
        await sim.Hook("calls", new { count = 1 });
        await watch.WaitForAsync(() => watch.Events.Count == 1, "the first event");

        // Hours compressed to seconds: the access token the watch started with has expired.
        await Task.Delay(TimeSpan.FromSeconds(5));
        await sim.Hook("ws", new { drop = true });
        await sim.Hook("calls", new { count = 1 });
        Assert.Null(await watch.EndAsync());

        Assert.Equal(2, watch.Events.Count);
        Assert.Contains(watch.Verbose, v => v.Contains("recovered the session", StringComparison.Ordinal));
        Assert.Empty(watch.Warnings);
        var requests = await sim.Requests();
        var wstokens = requests.Where(r => (string?)r["path"] == "/restapi/oauth/wstoken").ToList();
        Assert.Equal(2, wstokens.Count(r => (int?)r["status"] == 200));
        Assert.Contains(requests, r => (string?)r["path"] == "/restapi/oauth/token" && (int?)r["status"] == 200 && requests.IndexOf(r) > requests.IndexOf(wstokens[0]));
    }

    [Fact]
    public async Task A_refused_recovery_warns_naming_the_gap_and_subscribes_again()
    {
        await using var sim = await StartAsync();
        using var watch = new RunningWatch(sim, "Watch-RcCallEvent -Account -Status Disconnected -First 1 -Timeout 00:01:00");
        await watch.SubscribedAsync();
        var before = DateTime.UtcNow;
        await sim.Hook("ws", new { drop = true, refuseNextRecovery = true });
        await watch.WaitForAsync(() => watch.Warnings.Count > 0, "the gap warning");
        var after = DateTime.UtcNow;
        var warning = Assert.Single(watch.Warnings);
        Assert.Contains("may be missing", warning, StringComparison.Ordinal);
        Assert.Contains("WSG-", warning, StringComparison.Ordinal);
        var times = System.Text.RegularExpressions.Regex.Matches(warning, @"\d{4}-\d\d-\d\dT[\d:.]+Z").Select(m => DateTime.Parse(m.Value, null, System.Globalization.DateTimeStyles.AdjustToUniversal)).ToList();
        Assert.Equal(2, times.Count);
        Assert.InRange(times[0], before.AddSeconds(-1), after);
        Assert.InRange(times[1], times[0], after.AddSeconds(1));

        // Subscribed again: a new call still arrives.
        await watch.WaitForAsync(() => watch.Verbose.Count(v => v.StartsWith("Subscribed to", StringComparison.Ordinal)) == 2, "the new subscription");
        await sim.Hook("calls", new { count = 1 });
        Assert.Null(await watch.EndAsync());
        Assert.Single(watch.Events);
    }

    [Fact]
    public async Task With_GapAction_Stop_a_refused_recovery_is_a_terminating_CallEventGap_error()
    {
        await using var sim = await StartAsync();
        using var watch = new RunningWatch(sim, "Watch-RcCallEvent -Account -GapAction Stop -Timeout 00:01:00");
        await watch.SubscribedAsync();
        await sim.Hook("ws", new { drop = true, refuseNextRecovery = true });
        var error = await watch.EndAsync();
        Assert.NotNull(error);
        Assert.Equal(ErrorIds.CallEventGap, error!.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("may be missing", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_parameter_before_any_request()
    {
        await using var sim = await StartAsync();
        var runspace = sim.NewRunspace();
        HostedModule.Invoke(runspace, Connect);
        await sim.Hook("stats/reset", new { });
        foreach (var (script, id) in new[]
        {
            ("Watch-RcCallEvent -Account -ExtensionId 101", "InvalidArgumentExtensionId"),
            ("Watch-RcCallEvent -Account -Timeout 00:00:00", "InvalidArgumentTimeout"),
            ("Watch-RcCallEvent -Account -Status 'Dis connected'", "ParameterArgumentValidationError"),
        })
        {
            Assert.StartsWith(id, ErrorOf(runspace, script).FullyQualifiedErrorId, StringComparison.Ordinal);
        }

        Assert.Equal(0, await WsTokens(sim));
    }

    [Fact]
    public async Task Without_the_WebSocket_permission_the_error_says_so_and_disabled_filters_are_named()
    {
        await using var sim = await StartAsync();
        var runspace = sim.NewRunspace();
        HostedModule.Invoke(runspace, Connect);
        await sim.Hook("ws", new { webSocketPermission = false });
        {
            var error = ErrorOf(runspace, "Watch-RcCallEvent -Account -Timeout 00:00:05");
            Assert.StartsWith(ErrorIds.PermissionDenied, error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("WebSocket permission", error.ToString(), StringComparison.Ordinal);
        }

        await sim.Hook("ws", new { webSocketPermission = true, callControlPermission = false });
        {
            var error = ErrorOf(runspace, "Watch-RcCallEvent -Account -Status Answered -Timeout 00:00:05");
            Assert.StartsWith(ErrorIds.PermissionDenied, error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("/telephony/sessions?statusCode=Answered", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("CallControl", error.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ctrl_C_stops_the_watch_and_cancels_the_subscription()
    {
        await using var sim = await StartAsync();
        using var watch = new RunningWatch(sim, "Watch-RcCallEvent -Account");
        await watch.SubscribedAsync();
        var clock = Stopwatch.StartNew();
        await watch.StopAsync();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"hang guard: Stop took {clock.Elapsed}");
        Assert.Equal(PSInvocationState.Stopped, watch.State);
        var sent = await NotificationsSent(sim);
        await sim.Hook("calls", new { count = 2 });
        Assert.Equal(sent, await NotificationsSent(sim));
    }

    [Fact]
    public async Task Heartbeats_keep_a_quiet_connection_past_the_gateways_idle_timeout()
    {
        await using var sim = await StartAsync();
        await sim.Hook("ws", new { idleTimeout = 3 });
        using var watch = new RunningWatch(sim, "Watch-RcCallEvent -Account -Timeout 00:00:08");
        Assert.Null(await watch.EndAsync());
        Assert.DoesNotContain(watch.Verbose, v => v.Contains("reconnecting", StringComparison.Ordinal));
        Assert.Equal(1, await WsTokens(sim));
    }

    [Fact]
    public async Task Events_delivered_out_of_order_are_written_in_sequence_order_per_call()
    {
        await using var sim = await StartAsync();
        using var watch = new RunningWatch(sim, "Watch-RcCallEvent -Account -Timeout 00:01:00");
        await watch.SubscribedAsync();

        // The simulator delivers two changes of every third call in swapped order, starting with the first.
        await sim.Hook("calls", new { count = 3 });
        var sent = await NotificationsSent(sim);
        await watch.WaitForAsync(() => watch.Events.Count >= sent, "every event");
        await watch.StopAsync();

        var events = watch.Events;
        Assert.Equal(sent, events.Count);
        foreach (var call in events.GroupBy(e => e.TelephonySessionId))
        {
            var sequences = call.Select(e => e.Sequence!.Value).ToList();
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(n => (long)n), sequences);
        }
    }

    [Fact]
    public async Task A_frame_that_is_not_JSON_is_skipped_with_a_warning_and_the_watch_goes_on()
    {
        await using var sim = await StartAsync();
        using var watch = new RunningWatch(sim, "Watch-RcCallEvent -Account -Status Disconnected -First 1 -Timeout 00:01:00");
        await watch.SubscribedAsync();
        await sim.Hook("ws", new { malformed = true });
        await watch.WaitForAsync(() => watch.Warnings.Count > 0, "the warning");
        await sim.Hook("calls", new { count = 1 });
        Assert.Null(await watch.EndAsync());
        Assert.Single(watch.Events);
        Assert.Contains("not a JSON array", Assert.Single(watch.Warnings), StringComparison.Ordinal);
    }
}
