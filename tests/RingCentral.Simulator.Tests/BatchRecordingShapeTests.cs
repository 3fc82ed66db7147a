using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace RingCentral.Simulator.Tests;

/// <summary>Records by id, batch 207 multipart, recordings (metadata, content, Range) and shapes vs the real fixtures.</summary>
public sealed class BatchRecordingShapeTests(SimFixture sim) : IClassFixture<SimFixture>, IDisposable
{
    private readonly SimClient _c = new(sim.Info);

    public void Dispose() => _c.Dispose();

    private async Task<List<JsonObject>> SomeRecords(string token, string query = "")
    {
        var from = DateTimeOffset.UtcNow.AddDays(-3).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var (_, body, _) = await _c.GetJson($"/restapi/v1.0/account/~/call-log?perPage=1000&dateFrom={Uri.EscapeDataString(from)}{query}", token);
        return body["records"]!.AsArray().Select(r => r!.AsObject()).ToList();
    }

    /// <summary>Splits a multipart/mixed body the simple way: on "--boundary", dropping preamble and the closing "--".</summary>
    private static List<(string Headers, string Body)> Parts(string text, string boundary)
    {
        var pieces = text.Split("--" + boundary).ToList();
        Assert.Equal("", pieces[0]);
        Assert.Equal("--\r\n", pieces[^1]);
        return pieces.Skip(1).SkipLast(1).Select(p =>
        {
            Assert.StartsWith("\r\n", p, StringComparison.Ordinal);
            var split = p.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            return (p[2..split], p[(split + 4)..].TrimEnd('\r', '\n'));
        }).ToList();
    }

    [Fact]
    public async Task One_record_by_id_is_200_and_an_unknown_id_is_404_CMN_102()
    {
        var token = await _c.AdminToken();
        var rec = (await SomeRecords(token))[0];
        var (status, body, _) = await _c.GetJson("/restapi/v1.0/account/~/call-log/" + (string)rec["id"]! + "?view=Detailed", token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((string)rec["id"]!, (string)body["id"]!);
        Assert.NotNull(body["legs"]);
        var (s404, b404, _) = await _c.GetJson("/restapi/v1.0/account/~/call-log/NoSuchRecord123", token);
        Assert.Equal(HttpStatusCode.NotFound, s404);
        Assert.Equal("CMN-102", (string)b404["errors"]![0]!["errorCode"]!);
    }

    [Fact]
    public async Task A_batch_is_207_multipart_in_request_order_and_an_unknown_id_gets_a_404_part()
    {
        var token = await _c.AdminToken();
        var recs = await SomeRecords(token);
        var ids = new[] { (string)recs[2]["id"]!, "Unknown0000001", (string)recs[0]["id"]! };
        using var resp = await _c.Get("/restapi/v1.0/account/~/call-log/" + string.Join(',', ids), token);
        Assert.Equal((HttpStatusCode)207, resp.StatusCode);
        var ct = resp.Content.Headers.ContentType!;
        Assert.Equal("multipart/mixed", ct.MediaType);
        var boundary = ct.Parameters.Single(p => p.Name == "boundary").Value!;
        Assert.Matches("^Boundary_[0-9]+_[0-9]+_[0-9]+$", boundary);
        var parts = Parts(await resp.Content.ReadAsStringAsync(), boundary);
        Assert.Equal(4, parts.Count);
        Assert.All(parts, p => Assert.Equal("Content-Type: application/json", p.Headers));
        var summary = JsonNode.Parse(parts[0].Body)!["response"]!.AsArray();
        Assert.Equal(new[] { 200, 404, 200 }, summary.Select(s => (int)s!["status"]!));
        Assert.Equal(new[] { "OK", "Not Found", "OK" }, summary.Select(s => (string)s!["responseDescription"]!));
        Assert.EndsWith("/call-log/Unknown0000001?view=Simple", (string)summary[1]!["href"]!, StringComparison.Ordinal);
        Assert.Equal(ids[0], (string)JsonNode.Parse(parts[1].Body)!["id"]!);
        Assert.Equal("CMN-102", (string)JsonNode.Parse(parts[2].Body)!["errors"]![0]!["errorCode"]!);
        Assert.Equal(ids[2], (string)JsonNode.Parse(parts[3].Body)!["id"]!);
        // Same framing as the real message-store batch sample.
        var real = Fixtures.Text("batch-get-multipart-mixed-message-store.http");
        Assert.Contains("Content-Type: multipart/mixed; boundary=Boundary_", real, StringComparison.Ordinal);
        Fixtures.AssertSameShape(JsonNode.Parse(real.Split("--Boundary_20_32057915_1351669531796")[1].Split("\n\n", 2)[1])!, JsonNode.Parse(parts[0].Body)!);
    }

    [Fact]
    public async Task A_batch_of_51_ids_is_400_CMN_106_and_50_are_allowed()
    {
        var token = await _c.AdminToken();
        var ids = (await SomeRecords(token)).Take(51).Select(r => (string)r["id"]!).ToList();
        var (status, body, _) = await _c.GetJson("/restapi/v1.0/account/~/call-log/" + string.Join(',', ids), token);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("CMN-106", (string)body["errors"]![0]!["errorCode"]!);
        Assert.Equal("Batch request is limited to 50 entries", (string)body["errors"]![0]!["message"]!);
        using var ok = await _c.Get("/restapi/v1.0/account/~/call-log/" + string.Join(',', ids.Take(50)), token);
        Assert.Equal((HttpStatusCode)207, ok.StatusCode);
    }

    [Fact]
    public async Task An_extension_level_batch_gives_404_parts_for_other_extensions_records()
    {
        var admin = await _c.AdminToken();
        var truth = await _c.Records();
        var now = DateTimeOffset.UtcNow;
        bool Visible(JsonObject r) => !(bool)r["_sim"]!["deleted"]! && DateTimeOffset.Parse((string)r["_sim"]!["visibleAt"]!, System.Globalization.CultureInfo.InvariantCulture) < now;
        var mine = truth.First(r => Visible(r) && (string)r["_sim"]!["ownerExtensionId"]! == sim.Info.UserExtensionId);
        var other = truth.First(r => Visible(r) && (string)r["_sim"]!["ownerExtensionId"]! != sim.Info.UserExtensionId);
        using var resp = await _c.Get($"/restapi/v1.0/account/~/extension/~/call-log/{mine["id"]},{other["id"]}", await _c.UserToken());
        var boundary = resp.Content.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary").Value!;
        var parts = Parts(await resp.Content.ReadAsStringAsync(), boundary);
        Assert.Equal(new[] { 200, 404 }, JsonNode.Parse(parts[0].Body)!["response"]!.AsArray().Select(s => (int)s!["status"]!));
        Assert.NotNull(admin);
    }

    [Fact]
    public async Task Recording_metadata_and_content_are_served_with_ranges()
    {
        var token = await _c.AdminToken();
        var withRec = (await SomeRecords(token, "&recordingType=All")).Take(6).ToList();
        Assert.NotEmpty(withRec);
        var types = new HashSet<string>();
        foreach (var rec in withRec)
        {
            var r = rec["recording"]!;
            Assert.StartsWith(sim.Info.MediaUrl + "/restapi/v1.0/account/" + sim.Info.AccountId + "/recording/", (string)r["contentUri"]!, StringComparison.Ordinal);
            var (status, meta, resp) = await _c.GetJson((string)r["uri"]!, token);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(resp.Headers.Contains("RCRequestId"));
            Fixtures.AssertSameShape(Fixtures.Json("recording-metadata-2016-audio-x-wav.http"), meta);
            Assert.Equal((string)r["contentUri"]!, (string)meta["contentUri"]!);
            using var content = await _c.Get((string)meta["contentUri"]!, token);
            Assert.Equal(HttpStatusCode.OK, content.StatusCode);
            var bytes = await content.Content.ReadAsByteArrayAsync();
            var type = content.Content.Headers.ContentType!.MediaType!;
            types.Add(type);
            Assert.Equal((string)meta["contentType"]!, type);
            Assert.Equal(bytes.Length, content.Content.Headers.ContentLength);
            Assert.Equal("bytes", content.Headers.AcceptRanges.Single());
            if (type == "audio/wav") Assert.Equal("RIFF", Encoding.ASCII.GetString(bytes, 0, 4));
            else Assert.Equal(new byte[] { 0xFF, 0xFB }, bytes[..2]);
            // Same bytes again (deterministic), and ranges slice them.
            using var part = await _c.Get((string)meta["contentUri"]!, token, "bytes=10-19");
            Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
            Assert.Equal($"bytes 10-19/{bytes.Length}", part.Content.Headers.ContentRange!.ToString());
            Assert.Equal(bytes[10..20], await part.Content.ReadAsByteArrayAsync());
            using var tail = await _c.Get((string)meta["contentUri"]!, token, $"bytes={bytes.Length - 5}-");
            Assert.Equal(bytes[^5..], await tail.Content.ReadAsByteArrayAsync());
            using var bad = await _c.Get((string)meta["contentUri"]!, token, $"bytes={bytes.Length}-");
            Assert.Equal((HttpStatusCode)416, bad.StatusCode);
            Assert.Contains("CMN-107", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(2, types.Count);
    }

    [Fact]
    public async Task Recording_content_is_served_only_on_the_media_listener_and_a_query_token_is_accepted_and_counted()
    {
        var token = await _c.AdminToken();
        var rec = (await SomeRecords(token, "&recordingType=All"))[0];
        var contentUri = (string)rec["recording"]!["contentUri"]!;
        using var onPlatform = await _c.Get(contentUri.Replace(sim.Info.MediaUrl, sim.Info.Url, StringComparison.Ordinal), token);
        Assert.Equal(HttpStatusCode.NotFound, onPlatform.StatusCode);
        using var withQuery = await _c.Get(contentUri + "?access_token=" + token, null);
        Assert.Equal(HttpStatusCode.OK, withQuery.StatusCode);
        var stats = await _c.Hook("stats");
        Assert.Contains(stats["requests"]!.AsArray(), r => (bool)r!["accessTokenInQuery"]! && ((string)r["path"]!).EndsWith("/content", StringComparison.Ordinal));
        using var noAuth = await _c.Get(contentUri, null);
        Assert.Equal(HttpStatusCode.Unauthorized, noAuth.StatusCode);
    }

    [Fact]
    public async Task Lists_in_both_views_errors_and_the_envelope_have_the_shapes_of_the_real_fixtures()
    {
        var token = await _c.AdminToken();
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-3).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var (_, simple, _) = await _c.GetJson($"/restapi/v1.0/account/~/extension/~/call-log?dateFrom={from}&perPage=2&recordingType=All", token);
        var realSimple = Fixtures.Json("calllog-list-account-simple-nextpage-2015.http");
        // Envelope: same keys, no extras like totals or lastPage.
        Assert.Equal(realSimple.AsObject().Select(p => p.Key).Order(), simple.AsObject().Select(p => p.Key).Order());
        Assert.Equal(realSimple["paging"]!.AsObject().Select(p => p.Key).Order(), simple["paging"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(realSimple["navigation"]!.AsObject().Select(p => p.Key).Order(), simple["navigation"]!.AsObject().Select(p => p.Key).Order());
        var optional = new HashSet<string> { "name", "location", "extensionNumber", "extensionId", "phoneNumber", "reason", "recording", "billing", "lastModifiedTime", "internalType", "durationMs", "telephonySessionId", "message" };
        var withRecording = Fixtures.Json("calllog-record-simple-with-recording.json");
        Fixtures.AssertSameShape(withRecording, simple["records"]![0]!, "$", optional);
        Fixtures.AssertSameShape(Fixtures.Json("calllog-list-extension-simple-2023-docs.json")["records"]![0]!, simple["records"]![0]!, "$", new HashSet<string>(optional) { "billing", "lastModifiedTime" });
        var (_, detailed, _) = await _c.GetJson($"/restapi/v1.0/account/~/extension/~/call-log?dateFrom={from}&perPage=5&view=Detailed&recordingType=All", token);
        var realDetailed = Fixtures.Json("calllog-list-extension-detailed-2016-sandbox.json");
        Fixtures.AssertSameShape(realDetailed["records"]![0]!, detailed["records"]![0]!, "$", optional);
        var (_, fax, _) = await _c.GetJson($"/restapi/v1.0/account/~/call-log?dateFrom={from}&perPage=1&type=Fax", token);
        Fixtures.AssertSameShape(Fixtures.Json("calllog-list-extension-simple-fax-nextpage-2017.json")["records"]![1]!, fax["records"]![0]!, "$", optional);
        var (_, err, _) = await _c.GetJson("/restapi/v1.0/account/~/call-log?perPage=0", token);
        Fixtures.AssertSameShape(Fixtures.Json("error-403-cmn-408-readcompanycalllog.json"), err, "$", new HashSet<string> { "permissionName" });
        var (_, active, _) = await _c.GetJson("/restapi/v1.0/account/~/active-calls", token);
        Assert.Equal(Fixtures.Json("active-calls-extension-list-2014.json").AsObject().Select(p => p.Key).Order(), active.AsObject().Select(p => p.Key).Order());
    }

    [Fact]
    public async Task Every_answer_has_a_request_id_and_an_unknown_path_is_CMN_120()
    {
        var (status, body, resp) = await _c.GetJson("/restapi/v1.0/nothing-here", null);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("CMN-120", (string)body["errorCode"]!);
        var id1 = resp.Headers.GetValues("RCRequestId").Single();
        var (_, _, resp2) = await _c.GetJson("/restapi/v1.0/nothing-here", null);
        Assert.NotEqual(id1, resp2.Headers.GetValues("RCRequestId").Single());
    }
}
