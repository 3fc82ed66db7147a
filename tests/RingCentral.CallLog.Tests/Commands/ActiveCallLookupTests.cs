using System.Diagnostics;
using System.Management.Automation;
using RingCentral.CallLog.Commands;
using RingCentral.CallLog.Tests.TestSupport;
using RingCentral.Simulator;
using Xunit;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>
/// Get-RcActiveCall with sessions from the pipeline (issue 25 §3): each ended call's active-call
/// record as soon as RingCentral lists it (the simulator lists an ended call 3–10 s after its
/// Disconnected event), lookups coalesced on the Heavy group's pace, and a session never listed
/// an ActiveCallNotListed error after -Wait. Each test has a simulator of its own.
/// </summary>
public sealed class ActiveCallLookupTests
{
    // Heavy 10 per 20 s: the lookups are spread at one every 2 s.
    private static Task<HostedModule> StartAsync() => HostedModule.StartAsync(new SimulatorOptions
    {
        Seed = 5, Extensions = 4, CallsPerDay = 5, Days = 1, Heavy = "10/20", Light = "0/0", Auth = "0/0", TestHooks = true,
    });

    private static async Task<int> ActiveCallRequests(HostedModule sim) =>
        (await sim.Requests()).Count(r => ((string?)r["path"] ?? "").EndsWith("/active-calls", StringComparison.Ordinal));

    private static List<CallLogRecord> Records(RunningWatch run) => run.Written.OfType<CallLogRecord>().ToList();

    [Fact]
    public async Task Thirty_ended_calls_are_looked_up_with_a_few_paced_requests_and_each_record_is_written()
    {
        await using var sim = await StartAsync();
        using var run = new RunningWatch(sim, "Watch-RcCallEvent -Verbose -Account -Status Disconnected -First 30 -Timeout 00:01:30 | Get-RcActiveCall -Account");
        await run.SubscribedAsync();
        await sim.Hook("stats/reset", new { });
        var added = (await sim.Hook("calls", new { count = 30 }))["added"]!.AsArray().Select(n => n!.ToString()).ToList();
        var sessions = (await sim.Hook("records"))["records"]!.AsArray().Select(r => r!.AsObject())
            .Where(r => added.Contains(r["id"]!.ToString())).Select(r => (string)r["telephonySessionId"]!).ToHashSet();
        Assert.Null(await run.EndAsync());

        var records = Records(run);
        Assert.Equal(sessions.OrderBy(s => s), records.Select(r => r.TelephonySessionId!).Distinct().OrderBy(s => s));
        Assert.Empty(run.Errors);

        // Every call is listed at most 10 s after it ended; at one request per 2 s that is at most 6
        // requests after the first (one per event would be 30).
        var requests = await ActiveCallRequests(sim);
        Assert.InRange(requests, 2, 9);
    }

    [Fact]
    public async Task A_call_listed_seconds_after_its_Disconnected_event_is_asked_again_until_it_is_listed()
    {
        await using var sim = await StartAsync();
        using var run = new RunningWatch(sim, "Watch-RcCallEvent -Verbose -Account -Status Disconnected -Timeout 00:01:30 | Get-RcActiveCall -Account -Wait 25");
        await run.SubscribedAsync();
        await sim.Hook("stats/reset", new { });
        var id = (await sim.Hook("calls", new { count = 1 }))["added"]!.AsArray().Single()!.ToString();
        var record = (await sim.Hook("records"))["records"]!.AsArray().Select(r => r!.AsObject()).Single(r => r["id"]!.ToString() == id);

        // The record is written while the watch still runs: not held until the pipeline ends.
        await run.WaitForAsync(() => Records(run).Count == 1, "the active-call record");
        Assert.Equal(PSInvocationState.Running, run.State);
        Assert.Equal((string?)record["telephonySessionId"], Records(run).Single().TelephonySessionId);
        await run.StopAsync();
        Assert.Empty(run.Errors);

        // Listed 3–10 s after it ended: the first request (at the event) did not list it.
        Assert.True(await ActiveCallRequests(sim) >= 2, "asked again after the first request");
    }

    [Fact]
    public async Task A_session_never_listed_is_an_ActiveCallNotListed_error_after_Wait_while_the_others_are_written()
    {
        await using var sim = await StartAsync();
        var runspace = sim.NewRunspace();
        HostedModule.Invoke(runspace, RunningWatch.ConnectScript);
        var id = (await sim.Hook("calls", new { count = 1, endedSecondsAgo = 20 }))["added"]!.AsArray().Single()!.ToString();
        var listed = (string)(await sim.Hook("records"))["records"]!.AsArray().Select(r => r!.AsObject()).Single(r => r["id"]!.ToString() == id)["telephonySessionId"]!;
        await sim.Hook("stats/reset", new { });

        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript($"@([pscustomobject]@{{ TelephonySessionId = '{listed}' }}, [pscustomobject]@{{ TelephonySessionId = 's-never-listed' }}) | Get-RcActiveCall -Account -Wait 5");
        var clock = Stopwatch.StartNew();
        var output = ps.Invoke();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "hang guard");

        Assert.Equal(listed, Assert.Single(output.Select(o => o.BaseObject).OfType<CallLogRecord>()).TelephonySessionId);
        var error = Assert.Single(ps.Streams.Error);
        Assert.StartsWith(ErrorIds.ActiveCallNotListed, error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal("s-never-listed", error.TargetObject);
        Assert.Contains("s-never-listed", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("5 s", error.ToString(), StringComparison.Ordinal);

        // Asked again on the paced requests until -Wait ran out (one every 2 s over 5 s: at most 4, and a
        // loaded machine may fit only 2), both sessions in the same requests.
        Assert.InRange(await ActiveCallRequests(sim), 2, 4);
    }

    [Fact]
    public async Task A_Wait_of_zero_or_paging_with_lookups_is_refused_naming_the_parameter_before_any_request()
    {
        await using var sim = await StartAsync();
        var runspace = sim.NewRunspace();
        HostedModule.Invoke(runspace, RunningWatch.ConnectScript);
        await sim.Hook("stats/reset", new { });
        foreach (var (script, id) in new[]
        {
            ("Get-RcActiveCall -TelephonySessionId s-1 -Wait 0", "InvalidArgumentWait"),
            ("Get-RcActiveCall -TelephonySessionId s-1 -First 1", "InvalidArgumentFirst"),
        })
        {
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript(script);
            ps.Invoke();
            Assert.StartsWith(id, Assert.Single(ps.Streams.Error).FullyQualifiedErrorId, StringComparison.Ordinal);
        }

        Assert.Equal(0, await ActiveCallRequests(sim));
    }
}
