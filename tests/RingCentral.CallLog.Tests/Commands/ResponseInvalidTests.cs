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

    [Theory]
    [InlineData("")]
    [InlineData("-Raw")]
    public async Task A_nextPage_that_points_back_to_a_page_already_read_stops_with_ResponseInvalid(string raw)
    {
        await using var sim = await HostedModule.StartAsync(Small());
        var runspace = sim.NewRunspace();
        HostedModule.Invoke(runspace, Connect);

        // Every answer points at the same next page: the second read of it is a loop. After 40 such
        // answers the real pages come, so a module without the guard ends instead of hanging the test.
        var loop = sim.Info.Url.TrimEnd('/') + "/restapi/v1.0/account/~/call-log?page=2&perPage=5";
        var body = "{\"records\":[],\"navigation\":{\"nextPage\":{\"uri\":\"" + loop + "\"}}}";
        await sim.HookAsync("faults", System.Text.Json.JsonSerializer.Serialize(new { kind = "body", body, path = "/call-log", count = 40 }));
        await sim.Hook("stats/reset", new { });
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript($"try {{ Get-RcCallLog -Account {raw} -ErrorAction Stop | Out-Null; $null }} catch {{ $_ }}");
        var error = ps.Invoke().SingleOrDefault()?.BaseObject as ErrorRecord;
        var pageRequests = (await sim.Requests()).Count(r => ((string)r["path"]!).Contains("/call-log", StringComparison.Ordinal));
        Assert.True(error is not null, $"no error after {pageRequests} page requests");
        Assert.StartsWith("RingCentralResponseInvalid,", error!.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(2, pageRequests); // the first page, then the looping one once
        Assert.DoesNotContain("perPage=5", error.Exception.Message, StringComparison.Ordinal); // a URL in text loses its query
    }
}
