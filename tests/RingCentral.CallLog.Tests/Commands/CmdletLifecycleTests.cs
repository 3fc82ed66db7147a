using System.Management.Automation;
using RingCentral.CallLog.Tests.TestSupport;
using RingCentral.Simulator;
using Xunit;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>Cmdlets in hosted runspaces against an in-process simulator.</summary>
public class CmdletLifecycleTests
{
    private const string Connect = "Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $AdminJwt";

    private static SimulatorOptions Small() => new() { Seed = 5, Extensions = 4, CallsPerDay = 50, Days = 5, Heavy = "0/0", Light = "0/0", Auth = "0/0" };

    [Fact]
    public async Task Stopping_the_pipeline_during_a_long_Retry_After_wait_cancels_the_wait_and_sends_no_retry()
    {
        await using var sim = await HostedModule.StartAsync(Small());
        var runspace = sim.NewRunspace();
        HostedModule.Invoke(runspace, Connect);
        // A 10-minute Retry-After: a Stop that let the wait run out could not return within the
        // hang guard below, so returning at all proves the wait was cancelled.
        await sim.HookAsync("faults", """{"kind":"status","status":429,"retryAfter":600,"path":"/call-log","count":3}""");
        await sim.Hook("stats/reset", new { });
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript("Get-RcCallLog -Account -First 1");
        var running = ps.BeginInvoke();
        await WaitUntilAsync(async () => CallLogRequests(await sim.Requests()) == 1);
        Assert.False(running.IsCompleted, "the cmdlet should be waiting out the 429");

        // Hang guard only (see tests/README.md): generous, far below the 600 s wait it must cut short.
        await Task.Factory.FromAsync(ps.BeginStop(null, null), ps.EndStop).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.Equal(1, CallLogRequests(await sim.Requests())); // the 429, and no retry after the Stop
    }

    private static int CallLogRequests(List<System.Text.Json.Nodes.JsonObject> requests) =>
        requests.Count(r => ((string)r["path"]!).EndsWith("/call-log", StringComparison.Ordinal));

    /// <summary>Polls a condition; the 60 s limit is a hang guard, not a measure.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "hang guard: the condition never came true");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Requests_go_through_the_proxy_only_when_one_is_given()
    {
        await using var sim = await HostedModule.StartAsync(Small());
        using var proxy = new LoopbackProxy();
        var runspace = sim.NewRunspace();
        runspace.SessionStateProxy.SetVariable("ProxyUri", proxy.Address);

        var viaProxy = HostedModule.Invoke(runspace, Connect + " -Proxy $ProxyUri; Get-RcCallLog -Account -First 3");
        Assert.Equal(3, viaProxy.Count);
        var seen = proxy.RequestLines.ToList();
        Assert.Contains(seen, l => l.StartsWith("POST " + sim.Info.Url + "/restapi/oauth/token", StringComparison.Ordinal));
        Assert.Contains(seen, l => l.StartsWith("GET " + sim.Info.Url + "/restapi/v1.0/account/~/call-log?", StringComparison.Ordinal));

        proxy.RequestLines.Clear();
        var direct = HostedModule.Invoke(runspace, Connect + "; Get-RcCallLog -Account -First 3");
        Assert.Equal(3, direct.Count);
        Assert.Empty(proxy.RequestLines);
    }

    [Fact]
    public async Task Each_runspace_keeps_its_own_connection()
    {
        await using var sim = await HostedModule.StartAsync(Small());
        var admin = sim.NewRunspace();
        var user = sim.NewRunspace();
        HostedModule.Invoke(admin, Connect);
        HostedModule.Invoke(user, "Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $UserJwt");
        Assert.Equal(sim.Info.AdminExtensionId, HostedModule.Invoke(admin, "(Get-RcConnection).ExtensionId")[0].ToString());
        Assert.Equal(sim.Info.UserExtensionId, HostedModule.Invoke(user, "(Get-RcConnection).ExtensionId")[0].ToString());

        // -Connection overrides the runspace's own.
        var adminConnection = HostedModule.Invoke(admin, "Get-RcConnection")[0];
        user.SessionStateProxy.SetVariable("AdminConnection", adminConnection.BaseObject);
        var accountWide = HostedModule.Invoke(user, "@(Get-RcCallLog -Account -Connection $AdminConnection -First 2).Count")[0];
        Assert.Equal(2, (int)accountWide.BaseObject);
    }
}
