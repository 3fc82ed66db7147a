using System.Management.Automation;
using RingCentral.CallLog.Tests.TestSupport;
using RingCentral.Simulator;
using Xunit;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>
/// Get-RcMessage in a hosted runspace: a message-store page whose JSON cannot be read is the same
/// RingCentralResponseInvalid error record, with status and RCRequestId, as every other reader's,
/// and nothing half-read is written before it.
/// </summary>
public class MessageCommandTests
{
    private const string Connect = "Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $AdminJwt -MaxRetryCount 0";

    private static SimulatorOptions Small() => new() { Seed = 5, Extensions = 4, CallsPerDay = 50, Days = 5, Heavy = "0/0", Light = "0/0", Auth = "0/0" };

    [Fact]
    public async Task A_message_store_page_cut_mid_JSON_is_response_invalid_with_its_request_id()
    {
        await using var sim = await HostedModule.StartAsync(Small());
        var runspace = sim.NewRunspace();
        HostedModule.Invoke(runspace, Connect);
        await sim.HookAsync("faults", System.Text.Json.JsonSerializer.Serialize(new { kind = "body", body = """{"records":[{"id":""", path = "/message-store" }));
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript("$written = @(); try { Get-RcMessage -DateFrom (Get-Date).AddDays(-5) -ErrorAction Stop | ForEach-Object { $written += $_ }; $null } catch { $_ }; $written.Count");

        var results = ps.Invoke();
        var error = results[0]?.BaseObject as ErrorRecord;

        Assert.NotNull(error);
        Assert.StartsWith("RingCentralResponseInvalid,", error!.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("HTTP 200", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Matches("RCRequestId [0-9a-f-]{36}", error.ErrorDetails.Message);
        Assert.Equal(0, (int)results[1].BaseObject);
    }

    [Fact]
    public async Task Export_RcMessageStore_with_DateFrom_after_DateTo_names_the_parameter_and_sends_nothing()
    {
        await using var sim = await HostedModule.StartAsync(Small());
        var runspace = sim.NewRunspace();
        HostedModule.Invoke(runspace, Connect);
        var before = (await sim.Requests()).Count(r => !((string?)r["path"] ?? "").StartsWith("/_sim", StringComparison.Ordinal));
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript("try { Export-RcMessageStore -Path (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())) -DateFrom (Get-Date) -DateTo (Get-Date).AddDays(-1) -ErrorAction Stop; $null } catch { $_ }");

        var error = ps.Invoke().Single()?.BaseObject as ErrorRecord;

        Assert.NotNull(error);
        Assert.Contains("DateFrom", error!.FullyQualifiedErrorId + error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, (await sim.Requests()).Count(r => !((string?)r["path"] ?? "").StartsWith("/_sim", StringComparison.Ordinal)));
    }
}
