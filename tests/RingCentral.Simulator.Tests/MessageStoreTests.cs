using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace RingCentral.Simulator.Tests;

/// <summary>
/// The message store: voicemail and fax linked from their calls, real content (playable audio, plain
/// text, valid multi-page PDFs), the list's 24-hour default, filters and paging, bulk get, content with
/// Range/ETag/If-Range on the media host only, delete → Deleted → Purged and restore, the admin mailbox
/// switch both ways, and each request in its rate-limit group.
/// </summary>
public sealed class MessageStoreTests(SimFixture sim, ITestOutputHelper output) : IClassFixture<SimFixture>, IDisposable
{
    private readonly SimClient _c = new(sim.Info);

    public void Dispose() => _c.Dispose();

    private static string Since(int days) => Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-days).ToString("O", CultureInfo.InvariantCulture));

    private static string Store(string extensionId = "~") => $"/restapi/v1.0/account/~/extension/{extensionId}/message-store";

    /// <summary>Ground truth: every message held (any availability), with its owner and call.</summary>
    private async Task<List<JsonObject>> Truth()
        => (await _c.Hook("messages"))["messages"]!.AsArray().Select(n => n!.AsObject()).ToList();

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, string? json = null)
    {
        using var req = new HttpRequestMessage(method, path.StartsWith("http", StringComparison.Ordinal) ? path : sim.Info.Url + path);
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null) req.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await _c.Http.SendAsync(req);
    }

    private async Task<JsonObject> Message(string extensionId, long id, string token)
    {
        var (status, body, _) = await _c.GetJson($"{Store(extensionId)}/{id}", token);
        Assert.Equal(HttpStatusCode.OK, status);
        return body.AsObject();
    }

    private async Task<long> AddMessage(object spec) => (long)(await _c.Hook("messages", spec))["added"]![0]!;

    [Fact]
    public async Task Voicemail_and_fax_calls_link_to_the_messages_they_left_in_their_owners_store()
    {
        var token = await _c.AdminToken();
        var records = await _c.AllPages($"/restapi/v1.0/account/~/call-log?perPage=1000&dateFrom={Since(3)}", token);
        var voicemailCalls = records.Where(r => (string)r["result"]! == "Voicemail" && (string)r["direction"]! == "Inbound").ToList();
        var faxCalls = records.Where(r => (string)r["type"]! == "Fax").ToList();
        Assert.NotEmpty(voicemailCalls);
        Assert.NotEmpty(faxCalls);
        Assert.All(voicemailCalls, r => Assert.Equal("VoiceMail", (string)r["message"]!["type"]!));
        Assert.All(faxCalls, r => Assert.Equal("Fax", (string)r["message"]!["type"]!));
        Assert.All(records.Where(r => r["message"] is not null), r => Assert.True((string)r["type"]! == "Fax" || (string)r["result"]! == "Voicemail"));
        foreach (var r in voicemailCalls.Take(10).Concat(faxCalls.Take(10)))
        {
            var link = r["message"]!;
            var (status, message, _) = await _c.GetJson((string)link["uri"]!, token);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal((string)link["id"]!, ((long)message["id"]!).ToString(CultureInfo.InvariantCulture));
            Assert.Equal((string)link["type"]!, (string)message["type"]!);
            Assert.Equal(((long)r["extension"]!["id"]!).ToString(CultureInfo.InvariantCulture), (string)message["extensionId"]!);
            if ((string)r["type"]! == "Fax" && (string)r["result"]! is "Received" or "Sent")
            {
                Assert.Contains(message["attachments"]!.AsArray(), a => (string)a!["type"]! == "RenderedDocument" && (string)a["contentType"]! == "application/pdf");
            }
            if ((string)r["type"]! == "Voice") Assert.Equal("AudioRecording", (string)message["attachments"]![0]!["type"]!);
        }
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_mailboxes_and_links()
    {
        static async Task<string> Snapshot()
        {
            await using var host = await SimulatorHost.StartAsync(new SimulatorOptions
            {
                Seed = 3, Extensions = 4, CallsPerDay = 60, Days = 5, TestHooks = true, StartTime = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero),
            });
            using var c = new SimClient(host.Info);
            var messages = (await c.Hook("messages"))["messages"]!.AsArray()
                .Select(m => $"{m!["message"]!["id"]}|{m["message"]!["type"]}|{m["message"]!["creationTime"]}|{m["callLogId"]}|{m["message"]!["attachments"]?.ToJsonString().Replace(host.Info.MediaUrl, "", StringComparison.Ordinal)}");
            return string.Join("\n", messages);
        }
        var first = await Snapshot();
        Assert.Contains("VoiceMail", first, StringComparison.Ordinal);
        Assert.Equal(first, await Snapshot());
    }

    [Fact]
    public async Task Voicemail_audio_is_playable_WAV_or_MP3_as_long_as_vmDuration_says()
    {
        var token = await _c.AdminToken();
        var voicemails = (await Truth()).Select(m => m["message"]!).Where(m => (string)m["type"]! == "VoiceMail").ToList();
        var types = voicemails.Select(m => (string)m["attachments"]![0]!["contentType"]!).ToHashSet();
        Assert.Equal(new HashSet<string> { "audio/mpeg", "audio/x-wav" }, types);
        foreach (var type in types)
        {
            var audio = voicemails.Select(m => m["attachments"]![0]!).First(a => (string)a["contentType"]! == type);
            using var resp = await _c.Get((string)audio["uri"]!, token);
            Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
            Assert.Equal(type, resp.Content.Headers.ContentType!.MediaType);
            var bytes = await resp.Content.ReadAsByteArrayAsync();
            Assert.Equal((long)audio["size"]!, bytes.Length);
            var seconds = (int)audio["vmDuration"]!;
            if (type == "audio/x-wav")
            {
                Assert.Equal("RIFF", Encoding.ASCII.GetString(bytes, 0, 4));
                Assert.Equal("WAVE", Encoding.ASCII.GetString(bytes, 8, 4));
                var rate = BitConverter.ToInt32(bytes, 28); // bytes per second
                Assert.Equal(seconds, (bytes.Length - 44) / rate);
            }
            else
            {
                // MPEG-1 Layer III frames at 128 kbit/s: 16 000 bytes a second, a frame sync at the start.
                Assert.Equal(0xFF, bytes[0]);
                Assert.Equal(0xFB, bytes[1]);
                Assert.InRange(bytes.Length / 16_000.0, seconds - 0.1, seconds + 1);
            }
        }
    }

    [Fact]
    public async Task Transcriptions_are_plain_text_for_most_voicemails_and_missing_when_voicemail_to_text_is_off()
    {
        var token = await _c.AdminToken();
        var voicemails = (await Truth()).Select(m => m["message"]!).Where(m => (string)m["type"]! == "VoiceMail").ToList();
        var withText = voicemails.Where(m => m["attachments"]!.AsArray().Any(a => (string)a!["type"]! == "AudioTranscription")).ToList();
        output.WriteLine($"{withText.Count} of {voicemails.Count} voicemails carry a transcription");
        Assert.InRange(withText.Count, voicemails.Count / 2, voicemails.Count - 1);
        Assert.All(withText, m => Assert.Contains((string)m["vmTranscriptionStatus"]!, new[] { "Completed", "CompletedPartially" }));
        Assert.Contains(voicemails, m => (string)m["vmTranscriptionStatus"]! == "NotAvailable" && m["attachments"]!.AsArray().Count == 1);
        var sample = withText[0];
        var attachment = sample["attachments"]!.AsArray().First(a => (string)a!["type"]! == "AudioTranscription")!;
        using var resp = await _c.Get((string)attachment["uri"]!, token);
        Assert.Equal("text/plain", resp.Content.Headers.ContentType!.MediaType);
        var text = await resp.Content.ReadAsStringAsync();
        Assert.StartsWith("Hi ", text, StringComparison.Ordinal);
        Assert.Equal((long)attachment["size"]!, Encoding.UTF8.GetByteCount(text));
    }

    [Fact]
    public async Task Fax_documents_are_valid_PDFs_with_as_many_pages_as_faxPageCount()
    {
        var token = await _c.AdminToken();
        var faxes = (await Truth()).Select(m => m["message"]!).Where(m => (string)m["type"]! == "Fax").ToList();
        Assert.Contains(faxes, f => (string)f["direction"]! == "Inbound");
        Assert.Contains(faxes, f => (string)f["direction"]! == "Outbound");
        var withDocument = faxes.Where(f => f["attachments"]!.AsArray().Count > 0).Take(6).ToList();
        Assert.Contains(withDocument, f => (int)f["faxPageCount"]! > 1);
        var dir = Directory.CreateTempSubdirectory("rcsim-fax-");
        try
        {
            foreach (var fax in withDocument)
            {
                var document = fax["attachments"]![0]!;
                Assert.Equal("RenderedDocument", (string)document["type"]!);
                using var resp = await _c.Get((string)document["uri"]!, token);
                Assert.Equal("application/pdf", resp.Content.Headers.ContentType!.MediaType);
                var pdf = await resp.Content.ReadAsByteArrayAsync();
                AssertPdfStructure(pdf, (int)fax["faxPageCount"]!);
                var file = Path.Combine(dir.FullName, fax["id"] + ".pdf");
                await File.WriteAllBytesAsync(file, pdf);
                if (Pdfinfo(file) is not { } info)
                {
                    output.WriteLine("NOTICE: pdfinfo (poppler-utils) is not installed: the PDFs were checked by their own structure only.");
                    continue;
                }
                Assert.Equal("", info.Errors);
                Assert.Contains($"Pages:           {(int)fax["faxPageCount"]!}\n", info.Output, StringComparison.Ordinal);
            }
        }
        finally
        {
            dir.Delete(true);
        }
    }

    /// <summary>Header, trailer, every xref offset pointing at its object, and one /Type /Page per page.</summary>
    private static void AssertPdfStructure(byte[] pdf, int pages)
    {
        var text = Encoding.ASCII.GetString(pdf);
        Assert.StartsWith("%PDF-1.", text, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF\n", text, StringComparison.Ordinal);
        var startxref = int.Parse(text[(text.LastIndexOf("startxref\n", StringComparison.Ordinal) + 10)..].Split('\n')[0], CultureInfo.InvariantCulture);
        Assert.StartsWith("xref\n", text[startxref..], StringComparison.Ordinal);
        var lines = text[startxref..].Split('\n');
        var count = int.Parse(lines[1].Split(' ')[1], CultureInfo.InvariantCulture);
        for (var n = 1; n < count; n++)
        {
            var offset = int.Parse(lines[2 + n][..10], CultureInfo.InvariantCulture);
            Assert.StartsWith($"{n} 0 obj", text[offset..], StringComparison.Ordinal);
        }
        Assert.Equal(pages, text.Split("/Type /Page ").Length - 1);
    }

    private static (string Output, string Errors)? Pdfinfo(string file)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("pdfinfo", [file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var stdout = p.StandardOutput.ReadToEnd();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (stdout, stderr);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    [Fact]
    public async Task Without_dateFrom_the_list_covers_the_last_24_hours_only()
    {
        var token = await _c.AdminToken();
        var now = DateTimeOffset.UtcNow;
        var listed = await _c.AllPages($"{Store()}?perPage=1000", token);
        var expected = (await Truth()).Where(m => (string)m["ownerExtensionId"]! == sim.Info.AdminExtensionId)
            .Select(m => m["message"]!).Where(m => (string)m["availability"]! == "Alive")
            .Where(m => DateTimeOffset.Parse((string)m["creationTime"]!, CultureInfo.InvariantCulture) >= now.AddHours(-24).AddSeconds(5)).ToList();
        Assert.NotEmpty(expected);
        Assert.All(listed, m => Assert.True(DateTimeOffset.Parse((string)m["creationTime"]!, CultureInfo.InvariantCulture) >= now.AddHours(-24).AddSeconds(-5)));
        Assert.Superset(expected.Select(m => (long)m["id"]!).ToHashSet(), listed.Select(m => (long)m["id"]!).ToHashSet());
        var week = await _c.AllPages($"{Store()}?perPage=1000&dateFrom={Since(7)}", token);
        Assert.True(week.Count > 2 * listed.Count, $"7 days {week.Count}, default {listed.Count}");
    }

    [Fact]
    public async Task Filters_select_by_type_direction_read_status_and_availability_and_bad_values_are_refused_by_name()
    {
        var token = await _c.AdminToken();
        var all = await _c.AllPages($"{Store()}?perPage=1000&dateFrom={Since(10)}", token);
        Assert.Equal(3, all.Select(m => (string)m["type"]!).Distinct().Count());
        async Task<List<JsonObject>> List(string query) => await _c.AllPages($"{Store()}?perPage=1000&dateFrom={Since(10)}&{query}", token);

        Assert.Equal(all.Count(m => (string)m["type"]! == "VoiceMail"), (await List("messageType=VoiceMail")).Count);
        Assert.Equal(all.Count(m => (string)m["type"]! != "SMS"), (await List("messageType=VoiceMail&messageType=Fax")).Count);
        Assert.Equal(all.Count(m => (string)m["type"]! != "SMS"), (await List("messageType=VoiceMail,Fax")).Count);
        Assert.Equal(all.Count(m => (string)m["direction"]! == "Outbound"), (await List("direction=Outbound")).Count);
        Assert.Equal(all.Count(m => (string)m["readStatus"]! == "Unread"), (await List("readStatus=Unread")).Count);
        Assert.Empty(await List("messageType=Pager"));
        var number = (string)all.First(m => (string)m["type"]! == "SMS" && (string)m["direction"]! == "Inbound")["from"]!["phoneNumber"]!;
        var withNumber = await List("phoneNumber=" + Uri.EscapeDataString(number.TrimStart('+')));
        Assert.NotEmpty(withNumber);
        Assert.All(withNumber, m => Assert.True((string?)m["from"]!["phoneNumber"] == number || (string?)m["to"]![0]!["phoneNumber"] == number));
        Assert.Equal(all.Count(m => (string?)m["from"]!["phoneNumber"] == number || (string?)m["to"]![0]!["phoneNumber"] == number), withNumber.Count);
        Assert.Empty(await List("availability=Purged&messageType=SMS"));
        var to = DateTimeOffset.UtcNow.AddDays(-5);
        var older = await List("dateTo=" + Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture)));
        Assert.All(older, m => Assert.True(DateTimeOffset.Parse((string)m["creationTime"]!, CultureInfo.InvariantCulture) <= to));

        foreach (var (name, value) in new[] { ("messageType", "Email"), ("direction", "Sideways"), ("availability", "Gone"), ("readStatus", "Skimmed"), ("dateFrom", "yesterday"), ("perPage", "0"), ("page", "-1") })
        {
            var (status, body, _) = await _c.GetJson($"{Store()}?{name}={value}", token);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("CMN-101", (string)body["errors"]![0]!["errorCode"]!);
            Assert.Equal(name, (string)body["errors"]![0]!["parameterName"]!);
        }
    }

    [Fact]
    public async Task Pages_follow_navigation_to_every_message_once_newest_first()
    {
        var token = await _c.AdminToken();
        var (_, first, _) = await _c.GetJson($"{Store()}?perPage=7&dateFrom={Since(10)}", token);
        var total = (int)first["paging"]!["totalElements"]!;
        Assert.True(total > 14, $"{total} messages");
        Assert.Equal((total + 6) / 7, (int)first["paging"]!["totalPages"]!);
        Assert.NotNull(first["navigation"]!["lastPage"]);
        var pages = await _c.AllPages($"{Store()}?perPage=7&dateFrom={Since(10)}", token);
        Assert.Equal(total, pages.Count);
        Assert.Equal(total, pages.Select(m => (long)m["id"]!).Distinct().Count());
        var times = pages.Select(m => DateTimeOffset.Parse((string)m["creationTime"]!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task Bulk_get_answers_207_with_a_part_per_id_in_order_and_404_parts_for_unknown_ids()
    {
        var token = await _c.AdminToken();
        var (_, page, _) = await _c.GetJson($"{Store()}?perPage=5&dateFrom={Since(10)}", token);
        var ids = page["records"]!.AsArray().Select(m => ((long)m!["id"]!).ToString(CultureInfo.InvariantCulture)).ToList();
        ids.Insert(2, "123");
        using var resp = await _c.Get($"{Store()}/{string.Join(',', ids)}", token);
        Assert.Equal((HttpStatusCode)207, resp.StatusCode);
        var parts = MultipartParts(resp, await resp.Content.ReadAsStringAsync());
        Assert.Equal(ids.Count + 1, parts.Count);
        var summary = parts[0]["response"]!.AsArray();
        for (var i = 0; i < ids.Count; i++)
        {
            Assert.EndsWith("/message-store/" + ids[i], (string)summary[i]!["href"]!, StringComparison.Ordinal);
            Assert.Equal(ids[i] == "123" ? 404 : 200, (int)summary[i]!["status"]!);
            if (ids[i] == "123") Assert.Equal("CMN-102", (string)parts[i + 1]["errors"]![0]!["errorCode"]!);
            else Assert.Equal(ids[i], ((long)parts[i + 1]["id"]!).ToString(CultureInfo.InvariantCulture));
        }
        var tooMany = string.Join(',', Enumerable.Range(1, 51));
        var (status, body, _) = await _c.GetJson($"{Store()}/{tooMany}", token);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("CMN-106", (string)body["errors"]![0]!["errorCode"]!);
    }

    internal static List<JsonNode> MultipartParts(HttpResponseMessage resp, string text)
    {
        var boundary = resp.Content.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary").Value!;
        return text.Split("--" + boundary)[1..^1].Select(p => JsonNode.Parse(p[(p.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..])!).ToList();
    }

    [Fact]
    public async Task Content_is_served_on_the_media_host_only_with_Range_ETag_and_If_Range()
    {
        var token = await _c.AdminToken();
        var id = await AddMessage(new { extensionId = sim.Info.AdminExtensionId, type = "VoiceMail", seconds = 12 });
        var audio = (await Message("~", id, token))["attachments"]![0]!;
        var uri = (string)audio["uri"]!;
        Assert.StartsWith(sim.Info.MediaUrl + "/", uri, StringComparison.Ordinal);
        using var whole = await _c.Get(uri, token);
        var bytes = await whole.Content.ReadAsByteArrayAsync();
        var etag = whole.Headers.ETag!.Tag;
        Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
        using var part = await _c.Get(uri, token, "bytes=100-");
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal($"bytes 100-{bytes.Length - 1}/{bytes.Length}", part.Content.Headers.ContentRange!.ToString());
        Assert.Equal(bytes[100..], await part.Content.ReadAsByteArrayAsync());
        foreach (var (ifRange, expected) in new[] { (etag, HttpStatusCode.PartialContent), ("\"other\"", HttpStatusCode.OK) })
        {
            using var req = new HttpRequestMessage(HttpMethod.Get, uri);
            req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            req.Headers.TryAddWithoutValidation("Range", "bytes=10-19");
            req.Headers.TryAddWithoutValidation("If-Range", ifRange);
            using var answer = await _c.Http.SendAsync(req);
            Assert.Equal(expected, answer.StatusCode);
        }
        using var beyond = await _c.Get(uri, token, $"bytes={bytes.Length}-");
        Assert.Equal((HttpStatusCode)416, beyond.StatusCode);
        using var withToken = await _c.Get(uri + "?access_token=" + token, null);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        using var asFile = await _c.Get(uri + "?contentDisposition=Attachment&contentDispositionFilename=vm.mp3", token);
        Assert.Equal("attachment", asFile.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("vm.mp3", asFile.Content.Headers.ContentDisposition.FileName);
        var (status, body, _) = await _c.GetJson(uri.Replace(sim.Info.MediaUrl, sim.Info.Url, StringComparison.Ordinal), token);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("CMN-120", (string)body["errorCode"]!);
        (status, body, _) = await _c.GetJson(uri[..uri.LastIndexOf('/')] + "/1", token);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("attachmentId", (string)body["errors"]![0]!["parameterName"]!);
    }

    [Fact]
    public async Task Delete_moves_a_message_to_Deleted_then_Purged_restore_brings_back_only_a_Deleted_one()
    {
        var token = await _c.AdminToken();
        var id = await AddMessage(new { extensionId = sim.Info.AdminExtensionId, type = "Fax", pages = 2 });
        var document = (string)(await Message("~", id, token))["attachments"]![0]!["uri"]!;
        async Task<bool> Listed(string availability) => (await _c.AllPages($"{Store()}?perPage=1000&availability={availability}", token)).Any(m => (long)m["id"]! == id);
        Assert.True(await Listed("Alive"));

        using (var deleted = await Send(HttpMethod.Delete, $"{Store()}/{id}", token)) Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("Deleted", (string)(await Message("~", id, token))["availability"]!);
        Assert.False(await Listed("Alive"));
        Assert.True(await Listed("Deleted"));
        using (var kept = await _c.Get(document, token)) Assert.Equal(HttpStatusCode.OK, kept.StatusCode);

        using (var restored = await Send(HttpMethod.Patch, $"{Store()}/{id}", token, """{"availability":"Alive"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
            Assert.Equal("Alive", (string)JsonNode.Parse(await restored.Content.ReadAsStringAsync())!["availability"]!);
        }
        Assert.True(await Listed("Alive"));

        using (var first = await Send(HttpMethod.Delete, $"{Store()}/{id}", token)) Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        using (var second = await Send(HttpMethod.Delete, $"{Store()}/{id}", token)) Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        var purged = await Message("~", id, token);
        Assert.Equal("Purged", (string)purged["availability"]!);
        Assert.Null(purged["attachments"]);
        using (var gone = await _c.Get(document, token)) Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using (var noReturn = await Send(HttpMethod.Patch, $"{Store()}/{id}", token, """{"availability":"Alive"}""")) Assert.Equal(HttpStatusCode.BadRequest, noReturn.StatusCode);

        var other = await AddMessage(new { extensionId = sim.Info.AdminExtensionId, type = "VoiceMail" });
        using (var purge = await Send(HttpMethod.Delete, $"{Store()}/{other}?purge=true", token)) Assert.Equal(HttpStatusCode.NoContent, purge.StatusCode);
        Assert.Equal("Purged", (string)(await Message("~", other, token))["availability"]!);
        using (var unknown = await Send(HttpMethod.Delete, $"{Store()}/{id},999", token)) Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Read_status_changes_with_PUT_and_PATCH()
    {
        var token = await _c.AdminToken();
        var id = await AddMessage(new { extensionId = sim.Info.AdminExtensionId, type = "SMS", text = "Hello there" });
        Assert.Equal("Unread", (string)(await Message("~", id, token))["readStatus"]!);
        using (var put = await Send(HttpMethod.Put, $"{Store()}/{id}", token, """{"readStatus":"Read"}""")) Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Read", (string)(await Message("~", id, token))["readStatus"]!);
        using (var patch = await Send(HttpMethod.Patch, $"{Store()}/{id}", token, """{"readStatus":"Unread"}""")) Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("Unread", (string)(await Message("~", id, token))["readStatus"]!);
        using var bad = await Send(HttpMethod.Put, $"{Store()}/{id}", token, """{"readStatus":"Maybe"}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("readStatus", (string)JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["errors"]![0]!["parameterName"]!);
    }

    [Fact]
    public async Task The_admin_reads_other_mailboxes_only_while_the_switch_allows_it()
    {
        var admin = await _c.AdminToken();
        var user = await _c.UserToken();
        var id = await AddMessage(new { extensionId = sim.Info.UserExtensionId, type = "VoiceMail" });
        var other = Store(sim.Info.UserExtensionId);
        var audio = (string)(await Message(sim.Info.UserExtensionId, id, admin))["attachments"]![0]!["uri"]!;
        // A non-admin never reaches another extension, whatever the switch says.
        var (userStatus, userBody, _) = await _c.GetJson(Store(sim.Info.AdminExtensionId) + $"?dateFrom={Since(2)}", user);
        Assert.Equal(HttpStatusCode.Forbidden, userStatus);
        Assert.Equal("CMN-404", (string)userBody["errors"]![0]!["errorCode"]!);
        try
        {
            await _c.Hook("config", new { adminMailboxAccess = false });
            foreach (var path in new[] { $"{other}?dateFrom={Since(2)}", $"{other}/{id}", audio })
            {
                var (status, body, _) = await _c.GetJson(path, admin);
                Assert.Equal(HttpStatusCode.Forbidden, status);
                Assert.Equal("CMN-404", (string)body["errors"]![0]!["errorCode"]!);
            }
            using (var delete = await Send(HttpMethod.Delete, $"{other}/{id}", admin)) Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
            // Their own mailboxes stay open to both.
            Assert.Equal(HttpStatusCode.OK, (await _c.GetJson($"{Store()}?dateFrom={Since(2)}", admin)).Status);
            Assert.Equal(id, (long)(await Message("~", id, user))["id"]!); // asserts 200 itself
        }
        finally
        {
            await _c.Hook("config", new { adminMailboxAccess = true });
        }
        Assert.Equal(HttpStatusCode.OK, (await _c.GetJson($"{other}?dateFrom={Since(2)}", admin)).Status);
        Assert.False(SimulatorOptions.Parse(["--admin-mailbox-access", "deny"]).AdminMailboxAccess);
        Assert.True(SimulatorOptions.Parse([]).AdminMailboxAccess);
        Assert.Contains("--admin-mailbox-access", Assert.Throws<FormatException>(() => SimulatorOptions.Parse(["--admin-mailbox-access", "maybe"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_message_request_counts_in_its_own_rate_limit_group()
    {
        var token = await _c.AdminToken();
        var id = await AddMessage(new { extensionId = sim.Info.AdminExtensionId, type = "VoiceMail", seconds = 3 });
        var audio = (string)(await Message("~", id, token))["attachments"]![0]!["uri"]!;
        await _c.Hook("stats/reset", new { });
        await _c.GetJson($"{Store()}?dateFrom={Since(1)}", token);
        await _c.GetJson($"{Store()}/{id}", token);
        (await _c.Get(audio, token)).Dispose();
        (await Send(HttpMethod.Patch, $"{Store()}/{id}", token, """{"readStatus":"Read"}""")).Dispose();
        (await Send(HttpMethod.Delete, $"{Store()}/{id}", token)).Dispose();
        (await Send(HttpMethod.Post, "/restapi/v1.0/account/~/message-store-report", token, "{}")).Dispose();
        var requests = (await _c.Hook("stats"))["requests"]!.AsArray().Where(r => ((string)r!["path"]!).StartsWith("/restapi/v1.0/account", StringComparison.Ordinal)).ToList();
        Assert.Equal(["light", "light", "medium", "medium", "medium", "heavy"], requests.Select(r => (string)r!["group"]!));

        try
        {
            await _c.Hook("config", new { medium = "1/60", penalty = 1 });
            using (var first = await _c.Get(audio, token))
            {
                Assert.Equal(HttpStatusCode.OK, first.StatusCode);
                Assert.Equal("medium", first.Headers.GetValues("X-Rate-Limit-Group").Single());
                Assert.Equal("1", first.Headers.GetValues("X-Rate-Limit-Limit").Single());
            }
            using var second = await _c.Get(audio, token);
            Assert.Equal((HttpStatusCode)429, second.StatusCode);
            // Other groups are not touched by the Medium limit.
            Assert.Equal(HttpStatusCode.OK, (await _c.GetJson($"{Store()}/{id}", token)).Status);
        }
        finally
        {
            await _c.Hook("config", new { medium = "0/0" });
        }
    }
}
