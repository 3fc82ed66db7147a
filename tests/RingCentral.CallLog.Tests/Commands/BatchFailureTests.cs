using System.Management.Automation;
using System.Text.Json;
using RingCentral.CallLog.Commands;
using RingCentral.CallLog.Tests.TestSupport;
using RingCentral.Simulator;
using Xunit;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>
/// Issue 14 item 6 (a batch failure that applies to every id is one terminating error, and no more
/// requests follow) and item 2 (Ctrl+C while a 207 body stalls after its headers), against the simulator.
/// </summary>
public class BatchFailureTests
{
    private const string Connect = "Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret";

    // Counts what one Get-RcCallLogBatch call produced: records, non-terminating errors, and the
    // terminating one (which -ErrorVariable holds too).
    private const string Batch = """
        $ids = 1..120 | ForEach-Object { "Id$_" }
        $records = 0; $terminating = $null
        try { Get-RcCallLogBatch -Account -Id $ids -ErrorVariable nonTerminating -ErrorAction SilentlyContinue | ForEach-Object { $records++ } }
        catch { $terminating = $_ }
        [pscustomobject]@{
            Records = $records
            NonTerminating = @($nonTerminating).Count - $(if ($terminating) { 1 } else { 0 })
            TerminatingId = if ($terminating) { $terminating.FullyQualifiedErrorId } else { $null }
        }
        """;

    private static SimulatorOptions Small() => new() { Seed = 5, Extensions = 4, CallsPerDay = 50, Days = 5, Heavy = "0/0", Light = "0/0", Auth = "0/0" };

    private static async Task<int> CallLogByIdRequests(HostedModule sim) =>
        (await sim.Requests()).Count(r => ((string)r["path"]!).Contains("/call-log/", StringComparison.Ordinal));

    [Fact]
    public async Task Permission_denied_for_the_whole_batch_is_one_terminating_error_and_no_more_requests()
    {
        await using var sim = await HostedModule.StartAsync(Small());
        var runspace = sim.NewRunspace();
        HostedModule.Invoke(runspace, Connect + " -Jwt $UserJwt"); // not an admin: -Account answers 403 CMN-408
        var result = HostedModule.Invoke(runspace, Batch).Single();
        Assert.Equal("RingCentralPermissionDenied,RingCentral.CallLog.Commands.GetRcCallLogBatchCommand", result.Properties["TerminatingId"].Value);
        Assert.Equal(0, (int)result.Properties["NonTerminating"].Value);
        Assert.Equal(1, await CallLogByIdRequests(sim)); // 120 ids = 3 batches; only the first was sent
    }

    [Fact]
    public async Task A_rate_limit_that_outlasts_the_retries_is_one_terminating_error()
    {
        await using var sim = await HostedModule.StartAsync(Small());
        var runspace = sim.NewRunspace();
        HostedModule.Invoke(runspace, Connect + " -Jwt $AdminJwt -MaxRetryCount 0");
        await sim.HookAsync("faults", """{"kind":"status","status":429,"retryAfter":1,"path":"/call-log/","count":10}""");
        var result = HostedModule.Invoke(runspace, Batch).Single();
        Assert.Equal("RingCentralRateLimitExceeded,RingCentral.CallLog.Commands.GetRcCallLogBatchCommand", result.Properties["TerminatingId"].Value);
        Assert.Equal(0, (int)result.Properties["NonTerminating"].Value);
        Assert.Equal(1, await CallLogByIdRequests(sim));
    }

    [Fact]
    public async Task Stopping_while_a_batch_body_stalls_cancels_the_read_and_sends_no_retry()
    {
        await using var sim = await HostedModule.StartAsync(Small());
        var runspace = sim.NewRunspace();
        // A 10-minute stall timeout: only a Stop that cancels the read can return within the hang
        // guard below; one that waited for the timeout (and a retry) could not.
        HostedModule.Invoke(runspace, Connect + " -Jwt $AdminJwt -StallTimeoutSeconds 600");
        await sim.HookAsync("faults", """{"kind":"stall","path":"/call-log/","count":1}""");
        await sim.Hook("stats/reset", new { });
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript("Get-RcCallLogBatch -Account -Id 'A1','B2'");
        var running = ps.BeginInvoke();
        var deadline = DateTime.UtcNow.AddSeconds(60); // hang guard, not a measure
        while (await CallLogByIdRequests(sim) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "hang guard: the batch request was never sent");
            await Task.Delay(20);
        }

        await Task.Delay(500); // let the headers arrive, so the cmdlet is reading the stalled body
        Assert.False(running.IsCompleted, "the cmdlet should be reading the stalled body");
        // Hang guard only (see tests/README.md): generous, far below the 600 s stall timeout.
        await Task.Factory.FromAsync(ps.BeginStop(null, null), ps.EndStop).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.Equal(1, await CallLogByIdRequests(sim)); // the stalled one, and no retry after the Stop
    }
}
