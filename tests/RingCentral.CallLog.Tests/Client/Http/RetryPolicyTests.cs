using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Commands;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Http;

/// <summary>
/// Issue 14 items 4 and 5: a 429 blocks its group before anything else is decided; 500 with
/// CMN-201 is retried like 503, other 500s once. And (issue 18) one status-to-error map for whole
/// answers and batch parts.
/// </summary>
public class RetryPolicyTests
{
    private static readonly Uri s_page = new("http://127.0.0.1:5000/restapi/v1.0/account/~/call-log?perPage=1000");

    private static (RcHttpCore Core, FakeHandler Handler) Create(Func<HttpRequestMessage, int, HttpResponseMessage> answer, int maxRetries)
    {
        var handler = new FakeHandler(answer);
        var settings = new RcClientSettings
        {
            MaxRetryCount = maxRetries,
            BackoffBase = TimeSpan.FromMilliseconds(1),
            DefaultRetryAfter = TimeSpan.FromSeconds(30),
        };
        return (new RcHttpCore(RcServer.Parse("http://127.0.0.1:5000"), settings, new FakeTokens(), handler), handler);
    }

    private static Task<string> Get(RcHttpCore core, CancellationToken cancellationToken = default) =>
        core.SendAsync(new RcRequest(HttpMethod.Get, s_page, RouteKeys.CallLog), (r, ct) => r.Content.ReadAsStringAsync(ct), NullEvents.Instance, cancellationToken);

    private static HttpResponseMessage Status(int status, string body = "{}") => Fixtures.Json(body, (HttpStatusCode)status);

    private static HttpResponseMessage RateLimited(TimeSpan? retryAfter)
    {
        var r = Status(429, """{"errors":[{"errorCode":"CMN-301","message":"Request rate exceeded"}]}""");
        if (retryAfter is not null)
        {
            r.Headers.RetryAfter = new RetryConditionHeaderValue(retryAfter.Value);
        }

        return r;
    }

    private static HttpResponseMessage ServerError(string code) =>
        Status(500, $$"""{"errorCode":"{{code}}","message":"Simulated","errors":[{"errorCode":"{{code}}","message":"Simulated"}]}""");

    [Theory]
    [InlineData(0)] // -MaxRetryCount 0: the 429 is final at once
    [InlineData(1)] // the 429 of the last retry
    public async Task The_final_429_still_blocks_its_group(int maxRetries)
    {
        var (core, handler) = Create((_, i) => i <= maxRetries ? RateLimited(i < maxRetries ? TimeSpan.FromMilliseconds(10) : TimeSpan.FromSeconds(30)) : Status(200, "ok"), maxRetries);
        var ex = await Assert.ThrowsAsync<RcApiException>(() => Get(core));
        Assert.Equal(RcErrorKind.RateLimitExceeded, ex.Kind);
        Assert.Equal(maxRetries + 1, handler.Requests.Count);

        // Another worker of the same connection: it must wait out the penalty, not send inside it.
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Get(core, soon.Token));
        Assert.Equal(maxRetries + 1, handler.Requests.Count);
    }

    [Fact]
    public async Task A_final_429_without_Retry_After_blocks_for_the_default_wait()
    {
        var (core, handler) = Create((_, i) => i == 0 ? RateLimited(null) : Status(200, "ok"), maxRetries: 0);
        await Assert.ThrowsAsync<RcApiException>(() => Get(core));
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Get(core, soon.Token));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_500_with_CMN_201_is_retried_like_a_503()
    {
        var (core, handler) = Create((_, i) => i < 3 ? ServerError("CMN-201") : Status(200, "ok"), maxRetries: 3);
        Assert.Equal("ok", await Get(core));
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task A_500_with_CMN_201_that_outlasts_the_retries_is_service_unavailable()
    {
        var (core, handler) = Create((_, _) => ServerError("CMN-201"), maxRetries: 2);
        var ex = await Assert.ThrowsAsync<RcApiException>(() => Get(core));
        Assert.Equal(RcErrorKind.ServiceUnavailable, ex.Kind);
        Assert.Equal("CMN-201", ex.ErrorCode);
        Assert.Equal(500, ex.StatusCode);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Theory]
    [InlineData("CMN-203")]
    [InlineData(null)]
    public async Task Other_server_errors_are_retried_once(string? code)
    {
        var (core, handler) = Create((_, _) => code is null ? Status(500, string.Empty) : ServerError(code), maxRetries: 5);
        var ex = await Assert.ThrowsAsync<RcApiException>(() => Get(core));
        Assert.Equal(RcErrorKind.ServiceUnavailable, ex.Kind);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_500_is_not_retried_with_MaxRetryCount_zero()
    {
        var (core, handler) = Create((_, _) => ServerError("CMN-203"), maxRetries: 0);
        await Assert.ThrowsAsync<RcApiException>(() => Get(core));
        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData(408, "RequestTimeout")]
    [InlineData(403, "PermissionDenied")]
    [InlineData(429, "RateLimitExceeded")]
    [InlineData(500, "ServiceUnavailable")]
    [InlineData(404, "NotFound")]
    public void A_batch_part_maps_its_status_as_a_whole_answer_would(int status, string kindName)
    {
        var kind = Enum.Parse<RcErrorKind>(kindName);
        var body = $"--B\r\nContent-Type: application/json\r\n\r\n{{\"response\":[{{\"status\":{status}}}]}}\r\n--B\r\nContent-Type: application/json\r\n\r\n{{\"errors\":[{{\"errorCode\":\"CMN-408\",\"message\":\"[ReadCompanyCallLog] permission required\"}}]}}\r\n--B--\r\n";
        var rate = new RateLimitState { Group = "heavy", Limit = 10, Remaining = 3, WindowSeconds = 60 };
        var item = Assert.Single(CallLogApi.ParseBatch(body, "multipart/mixed; boundary=B", new[] { "A1" }, raw: false, requestId: "req-7", rate, "GET http://x/call-log/A1,B2"));
        Assert.NotNull(item.Error);
        Assert.Equal(kind, item.Error!.Kind);
        Assert.Equal(StatusErrors.KindOf(status), item.Error.Kind);
        Assert.Equal(status, item.Error.StatusCode);
        Assert.Equal("req-7", item.Error.RequestId);
        Assert.Same(rate, item.Error.RateLimit);
        Assert.Equal("CMN-408", item.Error.ErrorCode); // the cmdlet layer words the hint from it
        Assert.NotNull(Hints.For(item.Error)); // CMN-408 has a hint whatever the status
    }
}
