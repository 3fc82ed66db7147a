using System.Diagnostics;
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
    public async Task Stopping_the_pipeline_during_a_30_second_wait_returns_within_seconds()
    {
        await using var sim = await HostedModule.StartAsync(Small());
        var runspace = sim.NewRunspace();
        HostedModule.Invoke(runspace, Connect);
        await sim.HookAsync("faults", """{"kind":"status","status":429,"retryAfter":30,"path":"/call-log","count":3}""");
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript("Get-RcCallLog -Account -First 1");
        var running = ps.BeginInvoke();
        await Task.Delay(1500);
        Assert.False(running.IsCompleted, "the cmdlet should be waiting out the 429");
        var clock = Stopwatch.StartNew();
        await Task.Factory.FromAsync(ps.BeginStop(null, null), ps.EndStop);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Stop took {clock.Elapsed}");
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
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
