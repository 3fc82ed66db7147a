using System.Net;
using System.Net.Http;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Auth;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Api;

/// <summary>
/// Issue 14 item 9: an answer that cannot be used is RingCentralResponseInvalid with its status and
/// RCRequestId, in the typed and the -Raw reading alike, and a list answer without records is never
/// taken for an empty last page.
/// </summary>
public class ErrorContextTests
{
    private static (CallLogApi Api, RcHttpCore Core) Create(string body, int status = 200)
    {
        var handler = new FakeHandler((_, _) =>
        {
            var r = Fixtures.Json(body, (HttpStatusCode)status);
            r.Headers.Add("RCRequestId", "req-42");
            return r;
        });
        var core = new RcHttpCore(RcServer.Parse("http://127.0.0.1:5000"), new RcClientSettings { MaxRetryCount = 0 }, new FakeTokens(), handler);
        return (new CallLogApi(core), core);
    }

    private static async Task<RcApiException> PageError(string body, bool raw)
    {
        var (api, _) = Create(body);
        return await Assert.ThrowsAsync<RcApiException>(() => api.GetPageAsync(api.FirstPageUri(new CallLogQuery()), RouteKeys.CallLog, raw, NullEvents.Instance, CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"records":[{"id":"1",""", false)]
    [InlineData("""{"records":[{"id":"1",""", true)]
    [InlineData("""{"records":[1]}""", false)]
    [InlineData("""{"records":[1]}""", true)]
    [InlineData("""{"records":[null]}""", false)]
    [InlineData("""{"records":[null]}""", true)]
    [InlineData("""[]""", true)]
    [InlineData("""null""", false)]
    [InlineData("""null""", true)]
    public async Task An_unreadable_page_is_response_invalid_with_status_and_request_id(string body, bool raw)
    {
        var ex = await PageError(body, raw);
        Assert.Equal(RcErrorKind.ResponseInvalid, ex.Kind);
        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("req-42", ex.RequestId);
        Assert.Contains("RCRequestId req-42", ex.FullMessage, StringComparison.Ordinal);
        Assert.Contains("HTTP 200", ex.FullMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_page_without_records_is_not_an_empty_last_page(bool raw)
    {
        var ex = await PageError("""{"paging":{"page":1,"perPage":100},"navigation":{}}""", raw);
        Assert.Equal(RcErrorKind.ResponseInvalid, ex.Kind);
        Assert.Contains("records", ex.Message, StringComparison.Ordinal);
        Assert.Equal("req-42", ex.RequestId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_empty_records_list_is_still_the_last_page(bool raw)
    {
        var (api, _) = Create("""{"records":[],"navigation":{}}""");
        var page = await api.GetPageAsync(api.FirstPageUri(new CallLogQuery()), RouteKeys.CallLog, raw, NullEvents.Instance, CancellationToken.None);
        Assert.Empty(page.Records);
        Assert.Null(page.NextPage);
    }

    [Fact]
    public async Task An_unreadable_token_answer_carries_status_and_request_id()
    {
        var (_, core) = Create("""{"access_token":""");
        var endpoint = new TokenEndpoint(core, new ClientCredentials("id", SecretText.Protect("secret")));
        var ex = await Assert.ThrowsAsync<RcApiException>(() => endpoint.RequestAsync(() => new[] { new KeyValuePair<string, string>("grant_type", "x") }, NullEvents.Instance, CancellationToken.None));
        Assert.Equal(RcErrorKind.ResponseInvalid, ex.Kind);
        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("req-42", ex.RequestId);
        Assert.Contains("POST http://127.0.0.1:5000/restapi/oauth/token", ex.FullMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_raw_batch_part_that_is_null_is_response_invalid()
    {
        var body = "--B\r\nContent-Type: application/json\r\n\r\n{\"response\":[{\"status\":200},{\"status\":200}]}\r\n--B\r\nContent-Type: application/json\r\n\r\nnull\r\n--B\r\nContent-Type: application/json\r\n\r\n{\"id\":\"B2\"}\r\n--B--\r\n";
        var items = CallLogApi.ParseBatch(body, "multipart/mixed; boundary=B", new[] { "A1", "B2" }, raw: true, requestId: "req-9");
        Assert.Equal(RcErrorKind.ResponseInvalid, items[0].Error!.Kind);
        Assert.Equal("req-9", items[0].Error!.RequestId);
        Assert.Equal(200, items[0].Error!.StatusCode);
        Assert.Equal("""{"id":"B2"}""", items[1].RawRecord);
    }
}
