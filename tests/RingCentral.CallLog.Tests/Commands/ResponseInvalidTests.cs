using System.Management.Automation;
using RingCentral.CallLog.Tests.TestSupport;
using RingCentral.Simulator;
using Xunit;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>
/// Issue 14 item 9 from the user's side: answers the module cannot use give a
/// RingCentralResponseInvalid error record naming the status and RCRequestId, with and without -Raw,
/// and a page without records ends the export with that error instead of passing for its end.
/// </summary>
public class ResponseInvalidTests
{
    private const string Connect = "Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $AdminJwt -MaxRetryCount 0";

    private static SimulatorOptions Small() => new() { Seed = 5, Extensions = 4, CallsPerDay = 50, Days = 5, Heavy = "0/0", Light = "0/0", Auth = "0/0" };

    [Theory]
    [InlineData("""{"records":[null],"navigation":{}}""", "-Raw")]
    [InlineData("""{"records":[1],"navigation":{}}""", "-Raw")]
    [InlineData("""{"records":[null],"navigation":{}}""", "")]
    [InlineData("""{"navigation":{}}""", "")]
    [InlineData("""{"navigation":{}}""", "-Raw")]
    [InlineData("""{"records":[{"id":""", "")]
    public async Task An_unusable_page_is_response_invalid_with_its_request_id(string body, string raw)
    {
        await using var sim = await HostedModule.StartAsync(Small());
        var runspace = sim.NewRunspace();
        HostedModule.Invoke(runspace, Connect);
        await sim.HookAsync("faults", System.Text.Json.JsonSerializer.Serialize(new { kind = "body", body, path = "/call-log" }));
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript($"try {{ Get-RcCallLog -Account {raw} -ErrorAction Stop | Out-Null; $null }} catch {{ $_ }}");
        var error = ps.Invoke().Single().BaseObject as ErrorRecord;
        Assert.NotNull(error);
        Assert.StartsWith("RingCentralResponseInvalid,", error!.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains("HTTP 200", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Matches("RCRequestId [0-9a-f-]{36}", error.ErrorDetails.Message);
    }
}
