using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Commands;
using RingCentral.CallLog.Tests.Json;
using RingCentral.CallLog.Tests.Json.Schema;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Api;

/// <summary>
/// MessageApi over a stub transport: RingCentral's real 207 answer to a message-store bulk GET,
/// the listing's parameters and paging against the published schema, and a refused mailbox.
/// </summary>
public sealed class MessageApiTests
{
    private const string Own = "62871631004";
    private static readonly JsonNode s_spec = JsonNode.Parse(File.ReadAllText(Fixtures.OpenApiFile))!;

    public static TheoryData<int> ReadSizes()
    {
        var data = new TheoryData<int>();
        foreach (var size in ReadPlan.Sizes)
        {
            data.Add(size);
        }

        return data;
    }

    private static (MessageApi Api, FakeHandler Handler) Create(Func<HttpRequestMessage, int, HttpResponseMessage> answer)
    {
        var handler = new FakeHandler(answer);
        var core = new RcHttpCore(RcServer.Parse("https://platform.ringcentral.com"), new RcClientSettings { MaxRetryCount = 0 }, handler) { Tokens = new FakeTokens() };
        return (new MessageApi(core, () => Own), handler);
    }

    private static HttpResponseMessage Fixture207(int readSize)
    {
        var (status, headers, body) = Fixtures.ReadHttp("batch-get-multipart-mixed-message-store.http");
        var response = MessageReaderTests.Response(body.Replace("\n", "\r\n", StringComparison.Ordinal), readSize, headers["Content-Type"]);
        response.StatusCode = (HttpStatusCode)status;
        return response;
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task The_real_207_answer_gives_both_messages_in_request_order_from_one_request(int readSize)
    {
        var (api, handler) = Create((_, _) => Fixture207(readSize));

        var items = await api.GetByIdsAsync("154364008", new[] { "2447722008", "2416832008" }, NullEvents.Instance, CancellationToken.None);

        var request = handler.Requests.Single();
        Assert.Equal("/restapi/v1.0/account/~/extension/154364008/message-store/2447722008,2416832008", request.RequestUri!.AbsolutePath);
        Assert.All(items, i => Assert.Null(i.Error));
        Assert.Equal(new[] { "2447722008", "2416832008" }, items.Select(i => i.Message!.Id));
        var first = items[0].Message!;
        Assert.Equal(("SMS", "Inbound", "Unread", "Alive", "Received", "verificationMessage"), (first.Type, first.Direction, first.ReadStatus, first.Availability, first.MessageStatus, first.Subject));
        Assert.Equal(new DateTimeOffset(2012, 10, 29, 15, 36, 4, TimeSpan.Zero), first.CreationTime);
        Assert.Equal(("18559100010", "18559100010"), (first.FromPhoneNumber, first.ToPhoneNumber));
        Assert.Equal("154364008", first.ExtensionId);
        Assert.Equal("text/plain", first.Attachments.ToString());
        Assert.Equal("https://platform.ringcentral.com/restapi/v1.0/account/154364008/extension/154364008/message-store/2447722008/content/1", first.Attachments.Single().ContentUri);
        Assert.Equal("16509101086", items[1].Message!.FromPhoneNumber);
    }

    [Fact]
    public async Task A_missing_part_is_an_error_for_its_own_id_and_the_other_message_keeps_its_id()
    {
        var (_, headers, body) = Fixtures.ReadHttp("batch-get-multipart-mixed-message-store.http");
        var (api, _) = Create((_, _) => MessageReaderTests.Response(body, 512, headers["Content-Type"]));

        // Asked in the other order, plus an id the answer does not hold.
        var items = await api.GetByIdsAsync("154364008", new[] { "2416832008", "999", "2447722008" }, NullEvents.Instance, CancellationToken.None);

        Assert.Equal("2416832008", items[0].Message!.Id);
        Assert.Equal(RcErrorKind.ResponseInvalid, items[1].Error!.Kind);
        Assert.Contains("'999'", items[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal("2447722008", items[2].Message!.Id);
    }

    [Fact]
    public async Task More_than_50_ids_are_refused_before_any_request()
    {
        var (api, handler) = Create((_, _) => Fixtures.Json("{}"));
        Assert.Equal(50, MessageApi.MaxBatchSize);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => api.GetByIdsAsync(Own, Enumerable.Range(1, 51).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), NullEvents.Instance, CancellationToken.None));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task One_id_is_a_plain_GET_and_its_404_is_NotFound_for_that_message()
    {
        var (api, handler) = Create((_, _) => Fixtures.Json("""{"errorCode":"CMN-102","message":"Resource for parameter [messageId] is not found","errors":[{"errorCode":"CMN-102","message":"Resource for parameter [messageId] is not found"}]}""", HttpStatusCode.NotFound));
        var ex = await Assert.ThrowsAsync<RcApiException>(() => api.GetAsync(Own, "12", NullEvents.Instance, CancellationToken.None));
        Assert.Equal(RcErrorKind.NotFound, ex.Kind);
        Assert.Equal("CMN-102", ex.ErrorCode);
        Assert.Equal($"/restapi/v1.0/account/~/extension/{Own}/message-store/12", handler.Requests.Single().RequestUri!.AbsolutePath);
        Assert.Equal(ErrorIds.MessageNotFound, ErrorIds.For(ex.Kind, ErrorIds.MessageNotFound).Id);
    }

    [Fact]
    public async Task The_listing_always_sends_dateFrom_and_only_parameters_the_schema_declares()
    {
        var (api, handler) = Create((_, _) => Fixtures.Json("""{"records":[],"navigation":{},"paging":{"page":1}}"""));
        var query = new MessageQuery(Own, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(-8)))
        {
            DateTo = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero),
            MessageType = new[] { "VoiceMail", "Fax" },
            Direction = new[] { "Inbound" },
            Availability = new[] { "Alive", "Deleted" },
            PerPage = 250,
        };

        var page = await api.GetPageAsync(api.FirstPageUri(query), Own, NullEvents.Instance, CancellationToken.None);

        Assert.Empty(page.Messages);
        Assert.Null(page.NextPage);
        var uri = handler.Requests.Single().RequestUri!;
        Assert.Equal($"/restapi/v1.0/account/~/extension/{Own}/message-store", uri.AbsolutePath);
        Assert.Equal("?dateFrom=2026-11-01T08%3A00%3A00.000Z&dateTo=2026-11-02T00%3A00%3A00.000Z&messageType=VoiceMail&messageType=Fax&direction=Inbound&availability=Alive&availability=Deleted&perPage=250", uri.Query);
        var declared = s_spec["paths"]!["/restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store"]!["get"]!["parameters"]!.AsArray()
            .Select(p => (string?)p!["name"]).Where(n => n is not null).ToHashSet();
        var sent = uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=')[0]).Distinct();
        Assert.All(sent, name => Assert.Contains(name, declared));
    }

    [Fact]
    public async Task Without_a_dateTo_the_listing_still_sends_dateFrom()
    {
        var (api, handler) = Create((_, _) => Fixtures.Json("""{"records":[],"navigation":{},"paging":{}}"""));
        await api.GetPageAsync(api.FirstPageUri(new MessageQuery("~", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero))), "~", NullEvents.Instance, CancellationToken.None);
        Assert.Equal("?dateFrom=2026-11-01T00%3A00%3A00.000Z&perPage=1000", handler.Requests.Single().RequestUri!.Query);
    }

    [Fact]
    public async Task The_next_page_is_followed_exactly_as_RingCentral_gives_it()
    {
        const string next = "https://platform.ringcentral.com/restapi/v1.0/account/1/extension/62871631004/message-store?dateFrom=2026-11-01T00:00:00.000Z&page=2&perPage=1&opaque=%7Ekeep";
        var page1 = new JsonObject
        {
            ["records"] = new JsonArray(MessageReaderTests.CompleteMessage(1)),
            ["navigation"] = new JsonObject { ["nextPage"] = new JsonObject { ["uri"] = next } },
            ["paging"] = new JsonObject(),
        };
        var (api, handler) = Create((_, i) => i == 0 ? Fixtures.Json(page1.ToJsonString()) : Fixtures.Json("""{"records":[],"navigation":{},"paging":{}}"""));

        var first = await api.GetPageAsync(api.FirstPageUri(new MessageQuery(Own, DateTimeOffset.UnixEpoch)), Own, NullEvents.Instance, CancellationToken.None);
        await api.GetPageAsync(first.NextPage!, Own, NullEvents.Instance, CancellationToken.None);

        Assert.Equal(next, handler.Requests[1].RequestUri!.OriginalString);
    }

    [Fact]
    public void Every_message_store_request_is_paced_in_the_group_the_schema_names()
    {
        var paths = s_spec["paths"]!;
        Assert.Equal("Light", (string?)paths["/restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store"]!["get"]!["x-throttling-group"]);
        Assert.Equal("Light", (string?)paths["/restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store/{messageId}"]!["get"]!["x-throttling-group"]);
        Assert.Equal("light", new RateLimitPacer().GroupOf(RouteKeys.MessageStore));
    }

    [Theory]
    [InlineData("""{"errorCode":"InsufficientPermissions","message":"Attempt to access another extension","errors":[{"errorCode":"CMN-404","message":"Attempt to access another extension"}]}""")]
    [InlineData("""{"errorCode":"CMN-408","message":"In order to call this API endpoint, user needs to have [ReadMessages] permission for requested resource.","errors":[{"errorCode":"CMN-408","message":"In order to call this API endpoint, user needs to have [ReadMessages] permission for requested resource.","permissionName":"ReadMessages"}]}""")]
    public async Task A_403_for_another_extensions_mailbox_names_the_extension_and_points_at_the_account_wide_export(string body)
    {
        var (api, _) = Create((_, _) => Fixtures.Json(body, HttpStatusCode.Forbidden));

        var list = await Assert.ThrowsAsync<RcApiException>(() => api.GetPageAsync(api.FirstPageUri(new MessageQuery("777", DateTimeOffset.UnixEpoch)), "777", NullEvents.Instance, CancellationToken.None));
        var bulk = await Assert.ThrowsAsync<RcApiException>(() => api.GetByIdsAsync("777", new[] { "1", "2" }, NullEvents.Instance, CancellationToken.None));

        foreach (var ex in new[] { list, bulk })
        {
            Assert.Equal(RcErrorKind.PermissionDenied, ex.Kind);
            Assert.Equal(RcRemedy.ExportMessageStore, ex.Remedy);
            Assert.Equal("777", ex.Mailbox);
            Assert.Equal(403, ex.StatusCode);
            var record = ErrorIds.Record(ex, "777");
            Assert.Equal(ErrorIds.PermissionDenied, record.FullyQualifiedErrorId);
            Assert.Equal("This token may not read extension 777's mailbox; use Export-RcMessageStore for the account-wide archive.", record.ErrorDetails.RecommendedAction);
            Assert.Contains("extension 777", record.ErrorDetails.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Own, """{"errorCode":"CMN-408","message":"needs [ReadMessages]"}""")]
    [InlineData("~", """{"errorCode":"CMN-408","message":"needs [ReadMessages]"}""")]
    [InlineData("777", """{"errorCode":"CMN-401","message":"In order to call this API endpoint, application needs to have [ReadMessages] permission."}""")]
    public async Task A_403_for_your_own_mailbox_or_for_the_apps_permission_stays_a_plain_permission_error(string extensionId, string body)
    {
        var (api, _) = Create((_, _) => Fixtures.Json(body, HttpStatusCode.Forbidden));
        var ex = await Assert.ThrowsAsync<RcApiException>(() => api.GetByIdsAsync(extensionId, new[] { "1", "2" }, NullEvents.Instance, CancellationToken.None));
        Assert.Equal(RcErrorKind.PermissionDenied, ex.Kind);
        Assert.Equal(RcRemedy.None, ex.Remedy);
    }

    [Fact]
    public async Task A_403_part_of_a_bulk_answer_is_a_refusal_of_that_mailbox()
    {
        const string body = "--B\r\nContent-Type: application/json\r\n\r\n{\"response\":[{\"href\":\".../message-store/1\",\"status\":403},{\"href\":\".../message-store/2\",\"status\":403}]}\r\n" +
            "--B\r\nContent-Type: application/json\r\n\r\n{\"errorCode\":\"CMN-404\",\"message\":\"Attempt to access another extension\"}\r\n" +
            "--B\r\nContent-Type: application/json\r\n\r\n{\"errorCode\":\"CMN-404\",\"message\":\"Attempt to access another extension\"}\r\n--B--\r\n";
        var (api, _) = Create((_, _) => new HttpResponseMessage((HttpStatusCode)207) { Content = new StringContent(body, Encoding.UTF8) { Headers = { ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/mixed; boundary=B") } } });
        var items = await api.GetByIdsAsync("777", new[] { "1", "2" }, NullEvents.Instance, CancellationToken.None);
        Assert.All(items, i => Assert.Equal(("777", RcRemedy.ExportMessageStore), (i.Error!.Mailbox, i.Error.Remedy)));
    }

    [Fact]
    public void A_run_notes_each_refused_mailbox_once()
    {
        var refusals = new MailboxRefusals();
        var refusal = new RcApiException(RcErrorKind.PermissionDenied, "refused") { Remedy = RcRemedy.ExportMessageStore, Mailbox = "777" };
        Assert.False(refusals.WasRefused("777"));
        Assert.True(refusals.Note(refusal));
        Assert.False(refusals.Note(refusal));
        Assert.True(refusals.WasRefused("777"));
        Assert.False(refusals.WasRefused("778"));
        Assert.False(refusals.Note(new RcApiException(RcErrorKind.PermissionDenied, "other")));
    }
}
