using System.Text.Json;
using RingCentral.CallLog.Tests.TestSupport;
using RingCentral.Simulator;
using Xunit;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>
/// RingCentral lists newest first and pages by offset; its nextPage link keeps the first
/// request's query. Without dateTo each page counts from its own "now", so calls that end while
/// an export pages push records down a page. An export without -DateTo must still write each id
/// once and lose none.
/// </summary>
public class ListingWhileCallsArriveTests
{
    [Fact]
    public async Task An_export_without_DateTo_writes_each_id_once_while_calls_end_between_its_pages()
    {
        var started = DateTimeOffset.UtcNow;
        await using var sim = await HostedModule.StartAsync(new SimulatorOptions
        {
            Seed = 41, Extensions = 4, CallsPerDay = 400, Days = 1, Heavy = "0/0", Light = "0/0", Auth = "0/0", StartTime = started.AddHours(-1),
        });
        var runspace = sim.NewRunspace();
        HostedModule.Invoke(runspace, "Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $AdminJwt");

        // Three calls end (and are listed) after every page request: newer than every record
        // listed so far, so without a fixed dateTo each later page starts three records earlier.
        await sim.HookAsync("config", """{"callsPerListRequest":3}""");
        runspace.SessionStateProxy.SetVariable("DateFrom", started.AddHours(-26).UtcDateTime);
        var ids = HostedModule.Invoke(runspace, "Get-RcCallLog -Account -DateFrom $DateFrom -PageSize 40 | ForEach-Object Id").Select(o => o.ToString()!).ToList();
        await sim.HookAsync("config", """{"callsPerListRequest":0}""");

        Assert.True(ids.Count > 300, $"only {ids.Count} records: not a multi-page export");
        var duplicates = ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{duplicates.Count} ids written twice, e.g. {string.Join(", ", duplicates.Take(5))}");

        // Every page was asked for with one and the same dateTo: the moment of the first request.
        using var stats = JsonDocument.Parse(await sim.Hooks.GetStringAsync(new Uri(sim.Info.Url + "/_sim/stats")));
        var dateTos = stats.RootElement.GetProperty("requests").EnumerateArray()
            .Where(r => r.GetProperty("path").GetString()!.EndsWith("/call-log", StringComparison.Ordinal))
            .Select(r => System.Web.HttpUtility.ParseQueryString(r.GetProperty("query").GetString()!)["dateTo"])
            .ToList();
        Assert.True(dateTos.Count > 5);
        Assert.Single(dateTos.Distinct());
        Assert.NotNull(dateTos[0]);

        // Nothing listed before the export began is missing.
        using var truth = JsonDocument.Parse(await sim.Hooks.GetStringAsync(new Uri(sim.Info.Url + "/_sim/records")));
        var written = ids.ToHashSet(StringComparer.Ordinal);
        var missing = truth.RootElement.GetProperty("records").EnumerateArray()
            .Where(r => !r.GetProperty("_sim").GetProperty("deleted").GetBoolean())
            .Where(r => r.GetProperty("_sim").GetProperty("visibleAt").GetDateTimeOffset() < started)
            .Where(r => r.GetProperty("startTime").GetDateTimeOffset() >= started.AddHours(-26))
            .Select(r => r.GetProperty("id").GetString()!)
            .Where(id => !written.Contains(id))
            .ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} records missing, e.g. {string.Join(", ", missing.Take(5))}");
    }
}
