using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RingCentral.Simulator.Faults;

namespace RingCentral.Simulator.Tests.Faults;

/// <summary>Fault kinds are a closed set read by one parser: every kind has its documented name, and any other name is refused, never taken for a default.</summary>
public sealed class FaultKindsTests(SimFixture sim) : IClassFixture<SimFixture>
{
    [Fact]
    public void Every_kind_has_exactly_one_name_and_each_name_reads_back_as_its_kind()
    {
        var kinds = FaultKinds.Names.Select(FaultKinds.Parse).ToList();
        Assert.Equal(Enum.GetValues<FaultKind>().Order(), kinds.Order());
        Assert.Equal(FaultKind.SlowBody, FaultKinds.Parse("slow-body"));
        Assert.Equal(FaultKind.StallBody, FaultKinds.Parse("stall-body"));
    }

    [Theory]
    [InlineData("Drop")]
    [InlineData("slowbody")]
    [InlineData("")]
    [InlineData(null)]
    public void A_name_that_is_not_a_kind_is_refused_listing_every_kind(string? name)
    {
        var error = Assert.Throws<FormatException>(() => FaultKinds.Parse(name));
        Assert.StartsWith("kind must be one of ", error.Message, StringComparison.Ordinal);
        Assert.All(FaultKinds.Names, n => Assert.Contains(n, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_documentation_names_every_kind_the_hook_takes()
    {
        var docs = File.ReadAllText(Path.Combine(Fixtures.Dir, "..", "..", "..", "..", "docs", "simulator.md"));
        Assert.All(FaultKinds.Names, n => Assert.Contains("\"" + n + "\"", docs, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_faults_hook_answers_an_unknown_kind_with_400_and_queues_nothing()
    {
        using var c = new SimClient(sim.Info);
        var token = await c.AdminToken();
        using var content = new StringContent("""{"kind":"Status","status":503,"path":"/extension/~"}""", Encoding.UTF8, "application/json");
        using var refused = await c.Http.PostAsync(new Uri(sim.Info.Url + "/_sim/faults"), content);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal("SIM-400", (string)body["errorCode"]!);
        Assert.Contains("status, drop, truncate", (string)body["message"]!, StringComparison.Ordinal);
        using var next = await c.Get("/restapi/v1.0/account/~/extension/~", token);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }
}
