using System.Management.Automation;
using RingCentral.CallLog.Tests.TestSupport;
using RingCentral.Simulator;
using Xunit;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>
/// Get-RcActiveCall in a hosted runspace: an active-calls answer whose JSON cannot be read is
/// Json/'s own failure, which the HTTP core turns into the same RingCentralResponseInvalid error
/// record, with the answer's status and RCRequestId, that every other reader gives.
/// </summary>
public class ActiveCallTests
{
    private const string Connect = "Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $AdminJwt -MaxRetryCount 0";

    private static SimulatorOptions Small() => new() { Seed = 5, Extensions = 4, CallsPerDay = 50, Days = 5, Heavy = "0/0", Light = "0/0", Auth = "0/0" };

    [Fact]
    public async Task An_active_calls_page_cut_mid_JSON_is_response_invalid_with_its_request_id()
    {
        await using var sim = await HostedModule.StartAsync(Small());
        var runspace = sim.NewRunspace();
        HostedModule.Invoke(runspace, Connect);
        await sim.HookAsync("faults", System.Text.Json.JsonSerializer.Serialize(new { kind = "body", body = """{"records":[{"id":""", path = "/active-calls" }));
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript("try { Get-RcActiveCall -Account -ErrorAction Stop | Out-Null; $null } catch { $_ }");

        var error = ps.Invoke().Single()?.BaseObject as ErrorRecord;

        Assert.NotNull(error);
        Assert.StartsWith("RingCentralResponseInvalid,", error!.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains("could not be read", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 200", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Matches("RCRequestId [0-9a-f-]{36}", error.ErrorDetails.Message);
    }
}
