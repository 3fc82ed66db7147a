using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using RingCentral.Simulator.Tests.Schema;

namespace RingCentral.Simulator.Tests;

/// <summary>
/// DELETE .../call-recordings and GET .../call-recording as the published schema describes them,
/// and the validators (ETag, Last-Modified, If-Range) on recording content.
/// </summary>
public sealed class RecordingArchiveEndpointTests(SimFixture sim) : IClassFixture<SimFixture>, IDisposable
{
    private readonly SimClient _c = new(sim.Info);

    public void Dispose() => _c.Dispose();

    private static JsonObject Schema => SpecSchemas.OpenApi;

    /// <summary>Distinct recording ids of the generated data; each test takes its own slice (deletes are for good).</summary>
    private async Task<List<string>> RecordingIds(int skip, int take) =>
        (await _c.Records()).Where(r => r["recording"] is not null && !(bool)r["_sim"]!["deleted"]!)
            .Select(r => (string)r["recording"]!["id"]!).Distinct().OrderBy(id => id, StringComparer.Ordinal).Skip(skip).Take(take).ToList();

    private async Task<HttpResponseMessage> Delete(string token, string json)
    {
        using var req = new HttpRequestMessage(HttpMethod.Delete, sim.Info.Url + "/restapi/v1.0/account/~/call-recordings")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _c.Http.SendAsync(req);
    }

    private static string Ids(IEnumerable<string> ids) => new JsonObject { ["records"] = new JsonArray(ids.Select(i => (JsonNode)i).ToArray()) }.ToJsonString();

    [Fact]
    public void The_schema_describes_the_delete_this_way()
    {
        var op = Schema["paths"]!["/restapi/v1.0/account/{accountId}/call-recordings"]!["delete"]!;
        Assert.Equal("Heavy", (string)op["x-throttling-group"]!);
        Assert.Equal("EditCompanyCallRecordings", (string)op["x-user-permission"]!);
        Assert.NotNull(op["responses"]!["204"]);
        var ids = Schema["components"]!["schemas"]!["CallRecordingIds"]!;
        Assert.Equal(100, (int)ids["properties"]!["records"]!["maxItems"]!);
        Assert.Equal("records", (string)ids["required"]![0]!);
    }

    [Fact]
    public async Task A_delete_is_204_then_metadata_and_content_are_404_and_a_second_delete_is_404()
    {
        var token = await _c.AdminToken();
        var ids = await RecordingIds(0, 3);
        using (var ok = await Delete(token, Ids(ids)))
        {
            Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
            Assert.Empty(await ok.Content.ReadAsByteArrayAsync());
            Assert.Equal("heavy", (await _c.Hook("stats"))["requests"]!.AsArray().Last(r => (string)r!["method"]! == "DELETE")!["group"]!.GetValue<string>());
        }

        foreach (var id in ids)
        {
            using var meta = await _c.Get("/restapi/v1.0/account/~/recording/" + id, token);
            Assert.Equal(HttpStatusCode.NotFound, meta.StatusCode);
            using var content = await _c.Get($"{sim.Info.MediaUrl}/restapi/v1.0/account/~/recording/{id}/content", token);
            Assert.Equal(HttpStatusCode.NotFound, content.StatusCode);
        }

        using var again = await Delete(token, Ids(ids.Take(1)));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("CMN-102", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delete_with_an_unknown_id_is_404_and_deletes_nothing_of_that_request()
    {
        var token = await _c.AdminToken();
        var ids = await RecordingIds(10, 2);
        using var refused = await Delete(token, Ids(ids.Append("999999999")));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        foreach (var id in ids)
        {
            using var meta = await _c.Get("/restapi/v1.0/account/~/recording/" + id, token);
            Assert.Equal(HttpStatusCode.OK, meta.StatusCode);
        }
    }

    [Fact]
    public async Task A_delete_of_more_than_100_ids_or_none_is_400_and_a_non_admin_gets_403_naming_the_permission()
    {
        var token = await _c.AdminToken();
        var ids = await RecordingIds(20, 101);
        Assert.Equal(101, ids.Count);
        using (var tooMany = await Delete(token, Ids(ids)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        }

        using (var none = await Delete(token, Ids([])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        }

        using (var noBody = await Delete(token, "{}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        }

        using var forbidden = await Delete(await _c.UserToken(), Ids(ids.Take(1)));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var body = JsonNode.Parse(await forbidden.Content.ReadAsStringAsync())!;
        Assert.Contains("CMN-408", body.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("EditCompanyCallRecordings", body.ToJsonString(), StringComparison.Ordinal);
        using var stillThere = await _c.Get("/restapi/v1.0/account/~/recording/" + ids[0], token);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task The_settings_have_the_schemas_properties_and_the_retention_option()
    {
        var (status, body, resp) = await _c.GetJson("/restapi/v1.0/account/~/call-recording", await _c.AdminToken());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("light", resp.Headers.Contains("X-Rate-Limit-Group") ? resp.Headers.GetValues("X-Rate-Limit-Group").Single() : "light");
        var schemas = Schema["components"]!["schemas"]!;
        foreach (var (part, schema) in new[] { ("onDemand", "OnDemandResource"), ("automatic", "AutomaticRecordingResource") })
        {
            var known = schemas[schema]!["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
            Assert.All(body[part]!.AsObject(), p => Assert.Contains(p.Key, known));
            Assert.Equal(90, (int)body[part]!["retentionPeriod"]!);
            Assert.True((bool)body[part]!["enabled"]!);
        }

        Assert.Equal(100_000, (int)body["automatic"]!["maxNumberLimit"]!);
        await using var other = await SimulatorHost.StartAsync(new SimulatorOptions { Extensions = 2, CallsPerDay = 1, Days = 1, RecordingRetentionDays = 30 });
        using var c2 = new SimClient(other.Info);
        var (_, body2, _) = await c2.GetJson("/restapi/v1.0/account/~/call-recording", await c2.AdminToken());
        Assert.Equal(30, (int)body2["automatic"]!["retentionPeriod"]!);
        Assert.Equal(30, SimulatorOptions.Parse(["--recording-retention", "30"]).RecordingRetentionDays);
    }

    [Fact]
    public async Task Content_has_ETag_and_Last_Modified_and_If_Range_decides_between_206_and_200()
    {
        var token = await _c.AdminToken();
        var id = (await RecordingIds(200, 1)).Single();
        var uri = $"{sim.Info.MediaUrl}/restapi/v1.0/account/~/recording/{id}/content";
        using var full = await _c.Get(uri, token);
        var bytes = await full.Content.ReadAsByteArrayAsync();
        var etag = full.Headers.ETag!;
        Assert.False(etag.IsWeak);
        var lastModified = full.Content.Headers.LastModified!.Value;

        async Task<(HttpStatusCode, byte[])> Ranged(string? ifRange)
        {
            using var req = new HttpRequestMessage(HttpMethod.Get, uri);
            req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            req.Headers.TryAddWithoutValidation("Range", "bytes=100-");
            if (ifRange is not null) req.Headers.TryAddWithoutValidation("If-Range", ifRange);
            using var resp = await _c.Http.SendAsync(req);
            return (resp.StatusCode, await resp.Content.ReadAsByteArrayAsync());
        }

        async Task Expect(HttpStatusCode status, byte[] expected, string ifRange)
        {
            var (got, body) = await Ranged(ifRange);
            Assert.Equal(status, got);
            Assert.Equal(expected, body);
        }

        await Expect(HttpStatusCode.PartialContent, bytes[100..], etag.Tag);
        await Expect(HttpStatusCode.PartialContent, bytes[100..], lastModified.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(HttpStatusCode.OK, bytes, "\"another-version\"");
        await Expect(HttpStatusCode.OK, bytes, lastModified.AddDays(-1).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_slow_body_arrives_whole_and_a_stalled_body_stops_half_way()
    {
        var token = await _c.AdminToken();
        var id = (await RecordingIds(210, 1)).Single();
        var uri = $"{sim.Info.MediaUrl}/restapi/v1.0/account/~/recording/{id}/content";
        using var truth = await _c.Get(uri, token);
        var bytes = await truth.Content.ReadAsByteArrayAsync();

        await _c.Hook("faults", new { kind = "slow-body", path = "/recording/" + id + "/content", delayMs = 1 });
        using (var slow = await _c.Get(uri, token))
        {
            Assert.Equal(bytes, await slow.Content.ReadAsByteArrayAsync());
        }

        await _c.Hook("faults", new { kind = "stall-body", path = "/recording/" + id + "/content", delayMs = 200 });
        using var req = new HttpRequestMessage(HttpMethod.Get, uri);
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var stalled = await _c.Http.SendAsync(req, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await stalled.Content.ReadAsStreamAsync();
        var got = new MemoryStream();
        await Assert.ThrowsAnyAsync<Exception>(() => body.CopyToAsync(got));
        Assert.Equal(bytes.Length / 2, got.Length);
        Assert.Equal(bytes[..(bytes.Length / 2)], got.ToArray());
    }
}
