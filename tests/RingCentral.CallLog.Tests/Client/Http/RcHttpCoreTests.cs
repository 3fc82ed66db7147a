using System.Net;
using System.Net.Http;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Http;

public class RcHttpCoreTests
{
    private static readonly Uri s_page = new("http://127.0.0.1:5000/restapi/v1.0/account/~/call-log?perPage=1000");

    private static (RcHttpCore Core, FakeHandler Handler, FakeTokens Tokens) Create(Func<HttpRequestMessage, int, HttpResponseMessage> answer, int maxRetries = 3)
    {
        var handler = new FakeHandler(answer);
        var settings = new RcClientSettings
        {
            MaxRetryCount = maxRetries,
            BackoffBase = TimeSpan.FromMilliseconds(1),
            DefaultRetryAfter = TimeSpan.FromMilliseconds(50),
        };
        var tokens = new FakeTokens();
        var core = new RcHttpCore(RcServer.Parse("http://127.0.0.1:5000"), settings, tokens, handler);
        return (core, handler, tokens);
    }

    private static Task<string> Get(RcHttpCore core, Uri? uri = null) =>
        core.SendAsync(new RcRequest(HttpMethod.Get, uri ?? s_page, RouteKeys.CallLog), (r, ct) => r.Content.ReadAsStringAsync(ct), NullEvents.Instance, CancellationToken.None);

    private static HttpResponseMessage Status(int status, string body = "{}") => Fixtures.Json(body, (HttpStatusCode)status);

    [Fact]
    public async Task Sends_bearer_and_User_Agent()
    {
        var (core, handler, _) = Create((_, _) => Status(200));
        await Get(core);
        var sent = handler.Requests.Single();
        Assert.Equal("Bearer", sent.Headers.Authorization!.Scheme);
        Assert.Equal("token-1", sent.Headers.Authorization.Parameter);
        Assert.StartsWith("RingCentral.CallLog/", sent.Headers.UserAgent.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_a_429_after_Retry_After_and_then_succeeds()
    {
        var (core, handler, _) = Create((_, i) =>
        {
            if (i > 0)
            {
                return Status(200, "ok");
            }

            var r = Status(429, """{"errorCode":"CMN-301","message":"Request rate exceeded","errors":[{"errorCode":"CMN-301","message":"Request rate exceeded"}]}""");
            r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMilliseconds(300));
            return r;
        });
        var started = DateTime.UtcNow;
        Assert.Equal("ok", await Get(core));
        Assert.Equal(2, handler.Requests.Count);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(250), "the retry waited for Retry-After");
    }

    [Fact]
    public async Task A_429_that_lasts_beyond_the_retries_carries_code_and_rate_limit_state()
    {
        var (core, handler, _) = Create((_, _) =>
        {
            var r = Status(429, """{"errors":[{"errorCode":"CMN-301","message":"Request rate exceeded"}]}""");
            r.Headers.Add("X-Rate-Limit-Group", "heavy");
            r.Headers.Add("X-Rate-Limit-Limit", "10");
            r.Headers.Add("X-Rate-Limit-Remaining", "0");
            r.Headers.Add("X-Rate-Limit-Window", "1");
            r.Headers.Add("RCRequestId", "abc-123");
            r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMilliseconds(10));
            return r;
        }, maxRetries: 1);
        var ex = await Assert.ThrowsAsync<RcApiException>(() => Get(core));
        Assert.Equal(RcErrorKind.RateLimitExceeded, ex.Kind);
        Assert.Equal("CMN-301", ex.ErrorCode);
        Assert.Equal("abc-123", ex.RequestId);
        Assert.Contains("heavy", ex.FullMessage, StringComparison.Ordinal);
        Assert.Contains("abc-123", ex.FullMessage, StringComparison.Ordinal);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Retries_server_errors_with_backoff(int status)
    {
        var (core, handler, _) = Create((_, i) => i < 2 ? Status(status) : Status(200, "ok"));
        Assert.Equal("ok", await Get(core));
        Assert.Equal(3, handler.Requests.Count);
    }

    [Theory]
    [InlineData(400, "RequestInvalid")]
    [InlineData(403, "PermissionDenied")]
    [InlineData(404, "NotFound")]
    [InlineData(422, "RequestInvalid")]
    public async Task Never_retries_other_4xx(int status, string kindName)
    {
        var kind = Enum.Parse<RcErrorKind>(kindName);
        var (core, handler, _) = Create((_, _) => Status(status, """{"errorCode":"InsufficientPermissions","errors":[{"errorCode":"CMN-408","message":"[ReadCompanyCallLog] permission required"}]}"""));
        var ex = await Assert.ThrowsAsync<RcApiException>(() => Get(core));
        Assert.Equal(kind, ex.Kind);
        Assert.Single(handler.Requests);
        Assert.Equal("CMN-408", ex.ErrorCode);
        Assert.Contains("CMN-408", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_401_renews_the_token_once_and_retries()
    {
        var (core, handler, tokens) = Create((req, _) => req.Headers.Authorization!.Parameter == "token-1" ? Status(401, """{"errors":[{"errorCode":"OAU-128","message":"Token expired"}]}""") : Status(200, "ok"));
        Assert.Equal("ok", await Get(core));
        Assert.Equal(1, tokens.Renewals);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_second_401_is_an_authentication_failure()
    {
        var (core, handler, tokens) = Create((_, _) => Status(401, """{"errors":[{"errorCode":"OAU-149","message":"Invalid token"}]}"""));
        var ex = await Assert.ThrowsAsync<RcApiException>(() => Get(core));
        Assert.Equal(RcErrorKind.AuthenticationFailed, ex.Kind);
        Assert.Equal(1, tokens.Renewals);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Network_failures_are_retried_then_reported()
    {
        var (core, handler, _) = Create((_, _) => throw new HttpRequestException("connection reset"), maxRetries: 2);
        var ex = await Assert.ThrowsAsync<RcApiException>(() => Get(core));
        Assert.Equal(RcErrorKind.ConnectionFailed, ex.Kind);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task The_token_is_never_sent_to_another_host()
    {
        var (core, handler, _) = Create((_, _) => Status(200));
        var ex = await Assert.ThrowsAsync<RcApiException>(() => Get(core, new Uri("http://127.0.0.2:5000/restapi/v1.0/account/1/recording/2/content")));
        Assert.Equal(RcErrorKind.UntrustedHost, ex.Kind);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_followed_without_the_token()
    {
        var (core, handler, _) = Create((req, i) =>
        {
            if (i == 0)
            {
                var r = new HttpResponseMessage(HttpStatusCode.Found);
                r.Headers.Location = new Uri("http://127.0.0.2:7000/signed/content");
                return r;
            }

            return Status(200, "bytes");
        });
        Assert.Equal("bytes", await Get(core));
        Assert.Equal(2, handler.Requests.Count);
        Assert.NotNull(handler.Requests[0].Headers.Authorization);
        Assert.Null(handler.Requests[1].Headers.Authorization);
        Assert.Equal("127.0.0.2", handler.Requests[1].RequestUri!.Host);
    }

    [Fact]
    public async Task Cancellation_stops_a_wait_promptly()
    {
        var (core, _, _) = Create((_, _) =>
        {
            var r = Status(429);
            r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
            return r;
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            core.SendAsync(new RcRequest(HttpMethod.Get, s_page, RouteKeys.CallLog), (r, ct) => r.Content.ReadAsStringAsync(ct), NullEvents.Instance, cts.Token));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }
}
