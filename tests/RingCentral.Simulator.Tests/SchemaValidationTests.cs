using System.Net;
using System.Text.Json.Nodes;
using Json.Schema;
using RingCentral.Simulator.Tests.Schema;

namespace RingCentral.Simulator.Tests;

/// <summary>
/// Every kind of answer the simulator gives is valid against RingCentral's published schema, taken for
/// the operation and status the spec declares (SpecSchemas): list pages, records by id, 207 parts,
/// active calls, recording metadata, token answers, who am I, account info and the error bodies; and the
/// message store (lists, single messages of every kind and state, bulk parts, updates, errors) and the
/// message store export (task, status, archive list).
/// </summary>
public sealed class SchemaValidationTests(SimFixture sim) : IClassFixture<SimFixture>, IDisposable
{
    private const string AccountLog = "/restapi/v1.0/account/{accountId}/call-log";
    private const string ExtensionLog = "/restapi/v1.0/account/{accountId}/extension/{extensionId}/call-log";
    private const string AccountRecord = "/restapi/v1.0/account/{accountId}/call-log/{callRecordId}";
    private const string ExtensionRecord = "/restapi/v1.0/account/{accountId}/extension/{extensionId}/call-log/{callRecordId}";
    private const string Token = "/restapi/oauth/token";
    private readonly SimClient _c = new(sim.Info);

    public void Dispose() => _c.Dispose();

    private static string Since(int days) => Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-days).ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    private async Task<JsonNode> GetValid(string url, string? token, JsonSchema schema, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, body, _) = await _c.GetJson(url, token);
        Assert.Equal(expected, status);
        SpecSchemas.AssertValid(schema, body, url);
        return body;
    }

    [Theory]
    [InlineData(AccountLog, "/restapi/v1.0/account/~/call-log", "Simple")]
    [InlineData(AccountLog, "/restapi/v1.0/account/~/call-log", "Detailed")]
    [InlineData(ExtensionLog, "/restapi/v1.0/account/~/extension/~/call-log", "Simple")]
    [InlineData(ExtensionLog, "/restapi/v1.0/account/~/extension/~/call-log", "Detailed")]
    public async Task List_pages_of_both_views_and_levels_are_call_log_responses(string specPath, string path, string view)
    {
        var token = await _c.AdminToken();
        var schema = SpecSchemas.ForResponse(specPath, "get", "200");
        // Full pages with a nextPage, a last page, deleted records shown, and an empty page (no pageStart/pageEnd).
        var first = await GetValid($"{path}?view={view}&perPage=200&dateFrom={Since(10)}&showDeleted=true", token, schema);
        Assert.NotNull(first["navigation"]!["nextPage"]);
        Assert.Contains(first["records"]!.AsArray(), r => r!["deleted"] is not null);
        var next = (string)first["navigation"]!["nextPage"]!["uri"]!;
        await GetValid(next, token, schema);
        var empty = await GetValid($"{path}?view={view}&perPage=1000&page=500&dateFrom={Since(10)}", token, schema);
        Assert.Empty(empty["records"]!.AsArray());
        await GetValid($"{path}?view={view}&perPage=50&recordingType=All&dateFrom={Since(10)}", token, schema);
        await GetValid($"{path}?view={view}&perPage=50&type=Fax&dateFrom={Since(10)}", token, schema);
    }

    [Fact]
    public async Task Records_by_id_of_both_views_and_levels_are_call_log_records()
    {
        var token = await _c.AdminToken();
        var (_, page, _) = await _c.GetJson($"/restapi/v1.0/account/~/extension/~/call-log?perPage=20&dateFrom={Since(10)}", token);
        var ids = page["records"]!.AsArray().Select(r => (string)r!["id"]!).Take(10).ToList();
        Assert.NotEmpty(ids);
        foreach (var view in new[] { "Simple", "Detailed" })
        {
            foreach (var id in ids)
            {
                await GetValid($"/restapi/v1.0/account/~/call-log/{id}?view={view}", token, SpecSchemas.ForResponse(AccountRecord, "get", "200"));
                await GetValid($"/restapi/v1.0/account/~/extension/~/call-log/{id}?view={view}", token, SpecSchemas.ForResponse(ExtensionRecord, "get", "200"));
            }
        }
    }

    [Theory]
    [InlineData("Simple")]
    [InlineData("Detailed")]
    public async Task Every_part_of_a_207_batch_matches_its_schema(string view)
    {
        var token = await _c.AdminToken();
        var (_, page, _) = await _c.GetJson($"/restapi/v1.0/account/~/call-log?perPage=40&dateFrom={Since(10)}&view={view}", token);
        var ids = page["records"]!.AsArray().Select(r => (string)r!["id"]!).Take(30).ToList();
        ids.Insert(3, "Unknown0000001");
        using var resp = await _c.Get($"/restapi/v1.0/account/~/call-log/{string.Join(',', ids)}?view={view}", token);
        Assert.Equal((HttpStatusCode)207, resp.StatusCode);
        var boundary = resp.Content.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary").Value!;
        var parts = (await resp.Content.ReadAsStringAsync()).Split("--" + boundary)[1..^1]
            .Select(p => JsonNode.Parse(p[(p.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..])!).ToList();
        Assert.Equal(ids.Count + 1, parts.Count);
        // The spec does not model the summary part; this schema is the shape of RingCentral's real batch answers (fixtures).
        SpecSchemas.AssertValid(BatchSummary, parts[0], "summary part");
        var record = SpecSchemas.ForResponse(AccountRecord, "get", "207");
        var notFound = SpecSchemas.ForResponse(AccountRecord, "get", "404");
        for (var i = 0; i < ids.Count; i++)
        {
            SpecSchemas.AssertValid(ids[i] == "Unknown0000001" ? notFound : record, parts[i + 1], $"part {i + 1} ({ids[i]})");
        }
    }

    private static readonly JsonSchema BatchSummary = JsonSchema.FromText("""
        {"type":"object","required":["response"],"additionalProperties":false,"properties":{"response":{"type":"array","minItems":1,
         "items":{"type":"object","required":["href","status","responseDescription"],"additionalProperties":false,
          "properties":{"href":{"type":"string","format":"uri"},"status":{"type":"integer"},"responseDescription":{"type":"string"}}}}}}
        """);

    [Theory]
    [InlineData("/restapi/v1.0/account/{accountId}/active-calls", "/restapi/v1.0/account/~/active-calls")]
    [InlineData("/restapi/v1.0/account/{accountId}/extension/{extensionId}/active-calls", "/restapi/v1.0/account/~/extension/~/active-calls")]
    public async Task Active_calls_in_progress_and_ended_in_both_views_are_call_log_responses(string specPath, string path)
    {
        var token = await _c.AdminToken();
        await _c.Hook("calls", new { count = 8, endedSecondsAgo = -120, visibleAfterSeconds = 600 });
        await _c.Hook("calls", new { count = 4, endedSecondsAgo = 10, visibleAfterSeconds = 600 });
        var schema = SpecSchemas.ForResponse(specPath, "get", "200");
        foreach (var view in new[] { "Simple", "Detailed" })
        {
            var body = await GetValid($"{path}?view={view}&perPage=1000", token, schema);
            if (path.Contains("/extension/", StringComparison.Ordinal)) continue; // the calls went to random extensions
            Assert.Contains(body["records"]!.AsArray(), r => (string)r!["result"]! == "In Progress");
            Assert.Contains(body["records"]!.AsArray(), r => (string)r!["result"]! != "In Progress");
        }
    }

    [Fact]
    public async Task Recording_metadata_is_a_get_call_recording_response()
    {
        var token = await _c.AdminToken();
        var (_, page, _) = await _c.GetJson($"/restapi/v1.0/account/~/call-log?perPage=10&recordingType=All&dateFrom={Since(10)}", token);
        var schema = SpecSchemas.ForResponse("/restapi/v1.0/account/{accountId}/recording/{recordingId}", "get", "200");
        var recordings = page["records"]!.AsArray().Select(r => (string)r!["recording"]!["uri"]!).ToList();
        Assert.NotEmpty(recordings);
        foreach (var uri in recordings) await GetValid(uri, token, schema);
    }

    [Fact]
    public async Task Token_answers_for_jwt_refresh_and_authorization_code_are_token_info()
    {
        var schema = SpecSchemas.ForResponse(Token, "post", "200");
        var jwt = await _c.JwtToken();
        SpecSchemas.AssertValid(schema, jwt, "JWT grant");
        using var refreshed = await _c.PostToken(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = (string)jwt["refresh_token"]! });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        SpecSchemas.AssertValid(schema, JsonNode.Parse(await refreshed.Content.ReadAsStringAsync()), "refresh grant");
        var redirect = "http://127.0.0.1:5999/cb";
        using var authorize = await _c.Http.GetAsync($"{sim.Info.Url}/restapi/oauth/authorize?response_type=code&client_id={sim.Info.ClientId}&redirect_uri={Uri.EscapeDataString(redirect)}&state=s1&code_challenge=plainchallenge&code_challenge_method=plain");
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var code = System.Web.HttpUtility.ParseQueryString(authorize.Headers.Location!.Query)["code"]!;
        using var byCode = await _c.PostToken(new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirect, ["code_verifier"] = "plainchallenge" });
        Assert.Equal(HttpStatusCode.OK, byCode.StatusCode);
        SpecSchemas.AssertValid(schema, JsonNode.Parse(await byCode.Content.ReadAsStringAsync()), "authorization code grant");
    }

    [Fact]
    public async Task Who_am_I_and_account_info_match_their_schemas()
    {
        foreach (var token in new[] { await _c.AdminToken(), await _c.UserToken() })
        {
            await GetValid("/restapi/v1.0/account/~/extension/~", token, SpecSchemas.ForResponse("/restapi/v1.0/account/{accountId}/extension/{extensionId}", "get", "200"));
            await GetValid("/restapi/v1.0/account/~", token, SpecSchemas.ForResponse("/restapi/v1.0/account/{accountId}", "get", "200"));
        }
    }

    [Fact]
    public async Task Error_bodies_of_403_404_400_401_and_416_match_the_specs_error_models()
    {
        var admin = await _c.AdminToken();
        var user = await _c.UserToken();
        await GetValid("/restapi/v1.0/account/~/call-log", user, SpecSchemas.ForResponse(AccountLog, "get", "403"), HttpStatusCode.Forbidden);
        await GetValid("/restapi/v1.0/account/~/extension/" + sim.Info.AdminExtensionId + "/call-log", user, SpecSchemas.ForResponse(ExtensionLog, "get", "403"), HttpStatusCode.Forbidden);
        await GetValid("/restapi/v1.0/account/~/call-log/NoSuchRecord123", admin, SpecSchemas.ForResponse(AccountRecord, "get", "404"), HttpStatusCode.NotFound);
        await GetValid("/restapi/v1.0/account/~/recording/123", admin, SpecSchemas.ForResponse("/restapi/v1.0/account/{accountId}/recording/{recordingId}", "get", "404"), HttpStatusCode.NotFound);
        await GetValid("/restapi/v1.0/account/~/call-log?perPage=0", admin, SpecSchemas.ForResponse(AccountLog, "get", "400"), HttpStatusCode.BadRequest);
        var tooMany = string.Join(',', Enumerable.Range(0, 51).Select(i => "Id" + i));
        await GetValid("/restapi/v1.0/account/~/call-log/" + tooMany, admin, SpecSchemas.ForResponse(AccountRecord, "get", "400"), HttpStatusCode.BadRequest);
        // The spec lists no 401 or 416 for these operations; RingCentral answers them with its general error model.
        var general = SpecSchemas.Component("ApiErrorResponseModel");
        await GetValid("/restapi/v1.0/account/~/call-log", null, general, HttpStatusCode.Unauthorized);
        await GetValid("/restapi/v1.0/account/~/call-log", "not-a-token", general, HttpStatusCode.Unauthorized);
        var (_, page, _) = await _c.GetJson($"/restapi/v1.0/account/~/call-log?perPage=1&recordingType=All&dateFrom={Since(10)}", admin);
        using var range = await _c.Get((string)page["records"]![0]!["recording"]!["contentUri"]!, admin, "bytes=999999999-");
        Assert.Equal((HttpStatusCode)416, range.StatusCode);
        SpecSchemas.AssertValid(general, JsonNode.Parse(await range.Content.ReadAsStringAsync()), "416");
    }

    [Fact]
    public async Task The_429_error_body_is_the_general_error_model()
    {
        var token = await _c.AdminToken();
        await _c.Hook("config", new { heavy = "1/60", penalty = 1 });
        try
        {
            using var first = await _c.Get("/restapi/v1.0/account/~/call-log?perPage=1", token);
            var (status, body, _) = await _c.GetJson("/restapi/v1.0/account/~/call-log?perPage=1", token);
            Assert.Equal((HttpStatusCode)429, status);
            SpecSchemas.AssertValid(SpecSchemas.Component("ApiErrorResponseModel"), body, "429");
        }
        finally
        {
            await _c.Hook("config", new { heavy = "0/0" });
        }
    }

    [Fact]
    public async Task OAuth_errors_are_the_specs_OAuth_invalid_request()
    {
        var schema = SpecSchemas.ForResponse(Token, "post", "400");
        var answers = new List<HttpResponseMessage>
        {
            await _c.PostToken(new() { ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer", ["assertion"] = "not.a.jwt" }),
            await _c.PostToken(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = "no-such-refresh-token" }),
        };
        var expired = (string)(await _c.Hook("jwt", new { extensionId = sim.Info.AdminExtensionId, expiresInSeconds = -60 }))["jwt"]!;
        answers.Add(await _c.PostToken(new() { ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer", ["assertion"] = expired }));
        using (var wrongClient = new HttpRequestMessage(HttpMethod.Post, sim.Info.Url + Token))
        {
            wrongClient.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer", ["assertion"] = sim.Info.AdminJwt });
            wrongClient.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("nobody:nothing"u8.ToArray()));
            answers.Add(await _c.Http.SendAsync(wrongClient));
        }
        foreach (var answer in answers)
        {
            using (answer)
            {
                var text = await answer.Content.ReadAsStringAsync();
                Assert.True(answer.StatusCode == HttpStatusCode.BadRequest || answer.StatusCode == HttpStatusCode.Unauthorized, text);
                SpecSchemas.AssertValid(schema, JsonNode.Parse(text), "token error " + text);
            }
        }
    }

    private const string MessageList = "/restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store";
    private const string MessageById = MessageList + "/{messageId}";
    private const string Reports = "/restapi/v1.0/account/{accountId}/message-store-report";

    private async Task<long> AddMessage(object spec) => (long)(await _c.Hook("messages", spec))["added"]![0]!;

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, string? json = null)
    {
        using var req = new HttpRequestMessage(method, sim.Info.Url + path);
        req.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        if (json is not null) req.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await _c.Http.SendAsync(req);
    }

    [Fact]
    public async Task Message_lists_are_message_lists_and_every_record_is_closed_to_undefined_properties()
    {
        var token = await _c.AdminToken();
        var schema = SpecSchemas.ForResponse(MessageList, "get", "200");
        var record = SpecSchemas.ClosedComponent("GetMessageInfoResponse");
        Assert.False(record.Evaluate(JsonNode.Parse("""{"id":1,"undefined":true}""")).IsValid, "the closed schema must refuse an undefined property");
        Assert.True(record.Evaluate(JsonNode.Parse("""{"id":1,"type":"Fax"}""")).IsValid);
        // A purged and a deleted message, shown on request, lists of every kind, a second page, an empty page.
        var gone = await AddMessage(new { extensionId = sim.Info.AdminExtensionId, type = "Fax" });
        using (var purge = await Send(HttpMethod.Delete, $"/restapi/v1.0/account/~/extension/~/message-store/{gone}?purge=true", token)) Assert.Equal(HttpStatusCode.NoContent, purge.StatusCode);
        var deleted = await AddMessage(new { extensionId = sim.Info.AdminExtensionId, type = "VoiceMail" });
        using (var delete = await Send(HttpMethod.Delete, $"/restapi/v1.0/account/~/extension/~/message-store/{deleted}", token)) Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ext in new[] { "~", sim.Info.UserExtensionId })
        {
            var path = $"/restapi/v1.0/account/~/extension/{ext}/message-store?perPage=1000&dateFrom={Since(10)}&availability=Alive&availability=Deleted&availability=Purged";
            var page = await GetValid(path, token, schema);
            foreach (var m in page["records"]!.AsArray())
            {
                // One record per shape: kind, direction, availability, transcription, message status.
                var key = $"{m!["type"]}|{m["direction"]}|{m["availability"]}|{m["vmTranscriptionStatus"]}|{m["messageStatus"]}|{m["attachments"]?.AsArray().Count}";
                if (seen.Add(key)) SpecSchemas.AssertValid(record, m, key);
            }
        }
        Assert.Contains(seen, k => k.StartsWith("VoiceMail|Inbound|Alive", StringComparison.Ordinal));
        Assert.Contains(seen, k => k.StartsWith("Fax|Outbound", StringComparison.Ordinal));
        Assert.Contains(seen, k => k.StartsWith("SMS|Outbound", StringComparison.Ordinal));
        Assert.Contains(seen, k => k.Contains("|Purged|", StringComparison.Ordinal));
        Assert.Contains(seen, k => k.Contains("|Deleted|", StringComparison.Ordinal));
        var first = await GetValid($"/restapi/v1.0/account/~/extension/~/message-store?perPage=3&dateFrom={Since(10)}", token, schema);
        await GetValid((string)first["navigation"]!["nextPage"]!["uri"]!, token, schema);
        var empty = await GetValid($"/restapi/v1.0/account/~/extension/~/message-store?perPage=1000&page=90&dateFrom={Since(10)}", token, schema);
        Assert.Empty(empty["records"]!.AsArray());
    }

    [Fact]
    public async Task Single_messages_bulk_parts_and_update_answers_match_their_schemas()
    {
        var token = await _c.AdminToken();
        var single = SpecSchemas.ForResponse(MessageById, "get", "200");
        var (_, page, _) = await _c.GetJson($"/restapi/v1.0/account/~/extension/~/message-store?perPage=1000&dateFrom={Since(10)}", token);
        var byType = page["records"]!.AsArray().GroupBy(m => $"{m!["type"]}|{m["direction"]}").Select(g => (long)g.First()!["id"]!).ToList();
        Assert.True(byType.Count >= 5, $"{byType.Count} kinds");
        foreach (var id in byType)
        {
            var body = await GetValid($"/restapi/v1.0/account/~/extension/~/message-store/{id}", token, single);
            Assert.NotEmpty(body["vmSideRecipients"]!.AsArray());
        }
        var ids = byType.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("404404").ToList();
        using var resp = await _c.Get($"/restapi/v1.0/account/~/extension/~/message-store/{string.Join(',', ids)}", token);
        Assert.Equal((HttpStatusCode)207, resp.StatusCode);
        var parts = MessageStoreTests.MultipartParts(resp, await resp.Content.ReadAsStringAsync());
        SpecSchemas.AssertValid(BatchSummary, parts[0], "summary part");
        var record = SpecSchemas.ClosedComponent("GetMessageInfoResponse");
        var notFound = SpecSchemas.Component("ApiErrorResponseModel");
        for (var i = 0; i < ids.Count; i++) SpecSchemas.AssertValid(ids[i] == "404404" ? notFound : record, parts[i + 1], "part " + ids[i]);

        var target = await AddMessage(new { extensionId = sim.Info.AdminExtensionId, type = "SMS" });
        foreach (var (method, json) in new[] { (HttpMethod.Put, """{"readStatus":"Read"}"""), (HttpMethod.Patch, """{"availability":"Deleted"}"""), (HttpMethod.Patch, """{"availability":"Alive","readStatus":"Unread"}""") })
        {
            using var answer = await Send(method, $"/restapi/v1.0/account/~/extension/~/message-store/{target}", token, json);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            SpecSchemas.AssertValid(SpecSchemas.ForResponse(MessageById, method.Method.ToLowerInvariant(), "200"), JsonNode.Parse(await answer.Content.ReadAsStringAsync()), method + " " + json);
        }
    }

    [Fact]
    public async Task Message_store_errors_are_the_specs_error_models()
    {
        var admin = await _c.AdminToken();
        var user = await _c.UserToken();
        var general = SpecSchemas.Component("ApiErrorResponseModel");
        var parameterized = SpecSchemas.Component("ParameterizedErrorResponseModel");
        await GetValid("/restapi/v1.0/account/~/extension/~/message-store?messageType=Email", admin, parameterized, HttpStatusCode.BadRequest);
        await GetValid("/restapi/v1.0/account/~/extension/~/message-store/123", admin, SpecSchemas.ForResponse(MessageList + "/{messageId}/content/{attachmentId}", "get", "404"), HttpStatusCode.NotFound);
        await GetValid($"/restapi/v1.0/account/~/extension/{sim.Info.AdminExtensionId}/message-store", user, general, HttpStatusCode.Forbidden);
        var id = await AddMessage(new { extensionId = sim.Info.AdminExtensionId, type = "VoiceMail" });
        var (_, message, _) = await _c.GetJson($"/restapi/v1.0/account/~/extension/~/message-store/{id}", admin);
        using var range = await _c.Get((string)message["attachments"]![0]!["uri"]!, admin, "bytes=99999999-");
        Assert.Equal((HttpStatusCode)416, range.StatusCode);
        SpecSchemas.AssertValid(general, JsonNode.Parse(await range.Content.ReadAsStringAsync()), "416");
        await GetValid(Reports.Replace("{accountId}", "~", StringComparison.Ordinal) + "/nothing", admin, general, HttpStatusCode.NotFound);
        using var forbidden = await Send(HttpMethod.Post, "/restapi/v1.0/account/~/message-store-report", user, "{}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        SpecSchemas.AssertValid(general, JsonNode.Parse(await forbidden.Content.ReadAsStringAsync()), "export 403");
        using var bad = await Send(HttpMethod.Post, "/restapi/v1.0/account/~/message-store-report", admin, """{"dateTo":"soon"}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        SpecSchemas.AssertValid(SpecSchemas.ForResponse(Reports, "post", "400"), JsonNode.Parse(await bad.Content.ReadAsStringAsync()), "export 400");
    }

    [Fact]
    public async Task Export_task_status_and_archive_list_match_their_schemas()
    {
        var token = await _c.AdminToken();
        using var created = await Send(HttpMethod.Post, "/restapi/v1.0/account/~/message-store-report", token, $$"""{"dateFrom":"{{DateTimeOffset.UtcNow.AddDays(-2):O}}","messageTypes":["Fax","VoiceMail"]}""");
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var task = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        SpecSchemas.AssertValid(SpecSchemas.ForResponse(Reports, "post", "202"), task, "created task");
        var uri = (string)task["uri"]!;
        var done = await GetValid(uri, token, SpecSchemas.ForResponse(Reports + "/{taskId}", "get", "200"));
        Assert.Equal("Completed", (string)done["status"]!);
        var archive = await GetValid(uri + "/archive", token, SpecSchemas.ForResponse(Reports + "/{taskId}/archive", "get", "200"));
        Assert.NotEmpty(archive["records"]!.AsArray());
    }
}
