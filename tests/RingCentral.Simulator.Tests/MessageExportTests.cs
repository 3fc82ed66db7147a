using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace RingCentral.Simulator.Tests;

/// <summary>
/// The account-wide message store export: the task goes Accepted → InProgress → Completed after the
/// configured delay (or Failed), its archives are zips with every message (archive/0) and every
/// attachment, byte for byte the content endpoint's (archive/1…), split by the size limit; admins only.
/// </summary>
public sealed class MessageExportTests(SimFixture sim) : IClassFixture<SimFixture>, IDisposable
{
    private const string Reports = "/restapi/v1.0/account/~/message-store-report";
    private readonly SimClient _c = new(sim.Info);

    public void Dispose() => _c.Dispose();

    private async Task<(HttpStatusCode Status, JsonNode Body)> Create(string token, string json)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, sim.Info.Url + Reports) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var resp = await _c.Http.SendAsync(req);
        return (resp.StatusCode, JsonNode.Parse(await resp.Content.ReadAsStringAsync())!);
    }

    private static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private async Task<JsonNode> WaitForEnd(string uri, string token)
    {
        for (var i = 0; i < 200; i++)
        {
            var (_, task, _) = await _c.GetJson(uri, token);
            if ((string)task["status"]! is "Completed" or "Failed") return task;
            await Task.Delay(50);
        }
        throw new TimeoutException("the export task never ended"); // hang guard (10 s)
    }

    [Fact]
    public async Task A_task_is_Accepted_then_InProgress_then_Completed_after_the_configured_delay()
    {
        var token = await _c.AdminToken();
        try
        {
            await _c.Hook("config", new { exportDelaySeconds = 1.5 });
            var (status, task) = await Create(token, $$"""{"dateFrom":"{{Iso(DateTimeOffset.UtcNow.AddDays(-2))}}"}""");
            Assert.Equal(HttpStatusCode.Accepted, status);
            Assert.Equal("Accepted", (string)task["status"]!);
            Assert.Null(task["finishTime"]);
            var uri = (string)task["uri"]!;
            var (early, _, _) = await _c.GetJson(uri + "/archive", token);
            Assert.Equal(HttpStatusCode.NotFound, early);
            var seen = new List<string>();
            for (var i = 0; i < 100 && !seen.Contains("Completed"); i++)
            {
                seen.Add((string)(await _c.GetJson(uri, token)).Body["status"]!);
                await Task.Delay(50);
            }
            Assert.Equal(["Accepted", "InProgress", "Completed"], seen.Distinct());
            var done = (await _c.GetJson(uri, token)).Body;
            Assert.NotNull(done["finishTime"]);
            Assert.Equal((string)task["id"]!, (string)done["id"]!);
        }
        finally
        {
            await _c.Hook("config", new { exportDelaySeconds = 0 });
        }
    }

    [Fact]
    public async Task The_archives_hold_every_message_of_the_period_and_each_attachment_byte_for_byte()
    {
        var token = await _c.AdminToken();
        var from = DateTimeOffset.UtcNow.AddDays(-3);
        var to = DateTimeOffset.UtcNow.AddDays(-1);
        var (_, task) = await Create(token, $$"""{"dateFrom":"{{Iso(from)}}","dateTo":"{{Iso(to)}}"}""");
        await WaitForEnd((string)task["uri"]!, token);
        var (status, list, _) = await _c.GetJson((string)task["uri"]! + "/archive", token);
        Assert.Equal(HttpStatusCode.OK, status);
        var records = list["records"]!.AsArray();
        Assert.True(records.Count >= 2, $"{records.Count} archives");

        var expected = (await _c.Hook("messages"))["messages"]!.AsArray().Select(m => m!["message"]!)
            .Where(m => (string)m["availability"]! != "Purged")
            .Where(m => DateTimeOffset.Parse((string)m["creationTime"]!, CultureInfo.InvariantCulture) is var t && t >= from.AddMilliseconds(-1) && t <= to)
            .ToDictionary(m => (long)m["id"]!);
        Assert.NotEmpty(expected);

        var archives = new List<ZipArchive>();
        try
        {
            foreach (var r in records)
            {
                using var resp = await _c.Get((string)r!["uri"]!, token);
                Assert.Equal("application/zip", resp.Content.Headers.ContentType!.MediaType);
                var bytes = await resp.Content.ReadAsByteArrayAsync();
                Assert.Equal((long)r["size"]!, bytes.Length);
                archives.Add(new ZipArchive(new MemoryStream(bytes)));
            }
            // archive/0: one message-store.json per extension.
            var listed = new Dictionary<long, JsonNode>();
            foreach (var entry in archives[0].Entries)
            {
                Assert.Matches($"^account/{sim.Info.AccountId}/extension/\\d+/message-store\\.json$", entry.FullName);
                using var s = entry.Open();
                foreach (var m in JsonNode.Parse(s)!["records"]!.AsArray())
                {
                    Assert.EndsWith("/extension/" + (string)m!["extensionId"]! + "/message-store.json", entry.FullName, StringComparison.Ordinal);
                    listed.Add((long)m["id"]!, m);
                }
            }
            Assert.Equal(expected.Keys.Order(), listed.Keys.Order());

            // archive/1…: each attachment once, at content/{messageId}/{attachmentId}.{ext}, with the content endpoint's bytes.
            var files = archives.Skip(1).SelectMany(a => a.Entries).ToDictionary(e => e.FullName);
            var attachments = listed.Values.SelectMany(m => m["attachments"]!.AsArray().Select(a => (m, a: a!))).ToList();
            Assert.Equal(attachments.Count, files.Count);
            foreach (var (m, a) in attachments.Where((_, i) => i % 7 == 0))
            {
                var name = $"account/{sim.Info.AccountId}/extension/{m["extensionId"]}/message-store/content/{m["id"]}/{a["id"]}";
                var file = files.Single(f => f.Key.StartsWith(name + ".", StringComparison.Ordinal)).Value;
                using var s = file.Open();
                using var copy = new MemoryStream();
                await s.CopyToAsync(copy);
                using var content = await _c.Get((string)a["uri"]!, token);
                Assert.Equal(await content.Content.ReadAsByteArrayAsync(), copy.ToArray());
            }
        }
        finally
        {
            foreach (var a in archives) a.Dispose();
        }
    }

    [Fact]
    public async Task Attachments_are_split_into_several_archives_under_the_size_limit_and_types_filter_the_export()
    {
        var token = await _c.AdminToken();
        try
        {
            await _c.Hook("config", new { exportArchiveMaxBytes = 2_000_000 });
            var (_, task) = await Create(token, $$"""{"dateFrom":"{{Iso(DateTimeOffset.UtcNow.AddDays(-4))}}","messageTypes":["VoiceMail"]}""");
            Assert.Equal("VoiceMail", (string)task["messageTypes"]![0]!);
            await WaitForEnd((string)task["uri"]!, token);
            var records = (await _c.GetJson((string)task["uri"]! + "/archive", token)).Body["records"]!.AsArray();
            Assert.True(records.Count > 3, $"{records.Count} archives");
            using var first = await _c.Get((string)records[0]!["uri"]!, token);
            using var zip = new ZipArchive(await first.Content.ReadAsStreamAsync());
            foreach (var entry in zip.Entries)
            {
                using var s = entry.Open();
                Assert.All(JsonNode.Parse(s)!["records"]!.AsArray(), m => Assert.Equal("VoiceMail", (string)m!["type"]!));
            }
            // A download can resume: the archive answers Range like other content.
            using var part = await _c.Get((string)records[1]!["uri"]!, token, "bytes=10-");
            Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        }
        finally
        {
            await _c.Hook("config", new { exportArchiveMaxBytes = 1L << 30 });
        }
    }

    [Fact]
    public async Task Only_admins_may_export_a_failing_task_ends_Failed_and_bad_bodies_are_refused()
    {
        var (status, body) = await Create(await _c.UserToken(), "{}");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("CMN-408", (string)body["errors"]![0]!["errorCode"]!);
        Assert.Equal("Users", (string)body["errors"]![0]!["permissionName"]!);

        var token = await _c.AdminToken();
        try
        {
            await _c.Hook("config", new { exportFails = true });
            var (_, task) = await Create(token, "{}");
            Assert.Equal("Failed", (string)(await WaitForEnd((string)task["uri"]!, token))["status"]!);
            Assert.Equal(HttpStatusCode.NotFound, (await _c.GetJson((string)task["uri"]! + "/archive", token)).Status);
        }
        finally
        {
            await _c.Hook("config", new { exportFails = false });
        }
        (status, body) = await Create(token, """{"dateFrom":"last week"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("dateFrom", (string)body["errors"]![0]!["parameterName"]!);
        (status, body) = await Create(token, """{"messageTypes":["Email"]}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("messageTypes", (string)body["errors"]![0]!["parameterName"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await _c.GetJson(Reports + "/no-such-task", token)).Status);
        Assert.Equal(3.5, SimulatorOptions.Parse(["--export-delay", "3.5"]).ExportDelaySeconds);
    }
}
