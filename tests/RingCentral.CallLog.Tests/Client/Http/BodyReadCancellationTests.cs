using System.Net.Http;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Auth;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Http;

/// <summary>
/// Issue 14 item 2: a body that stalls after the headers (error bodies, 207 batch bodies, token
/// answers, pages) ends with the per-attempt timeout or Ctrl+C, even though the body stream itself
/// ignores tokens, as netstandard2.0's ReadAsStringAsync does.
/// </summary>
public class BodyReadCancellationTests
{
    private static readonly TimeSpan s_hang = TimeSpan.FromSeconds(20); // a test that would hang fails instead

    private static (RcHttpCore Core, FakeHandler Handler) Create(Func<HttpRequestMessage, int, HttpResponseMessage> answer, int maxRetries = 1)
    {
        var handler = new FakeHandler(answer);
        var settings = new RcClientSettings
        {
            MaxRetryCount = maxRetries,
            BackoffBase = TimeSpan.FromMilliseconds(1),
            RequestTimeout = TimeSpan.FromMilliseconds(300),
        };
        return (new RcHttpCore(RcServer.Parse("http://127.0.0.1:5000"), settings, new FakeTokens(), handler), handler);
    }

    [Fact]
    public async Task A_stalled_error_body_times_out_per_attempt_and_is_retried()
    {
        var (core, handler) = Create((_, _) => StallingStream.Response(503));
        var api = new CallLogApi(core);
        var page = api.FirstPageUri(new CallLogQuery());
        var ex = await Assert.ThrowsAsync<RcApiException>(() => api.GetPageAsync(page, RouteKeys.CallLog, false, NullEvents.Instance, CancellationToken.None).WaitAsync(s_hang));
        Assert.Equal(RcErrorKind.RequestTimeout, ex.Kind);
        Assert.Equal(2, handler.Requests.Count); // the first attempt timed out and was retried
    }

    [Fact]
    public async Task A_stalled_batch_body_times_out()
    {
        var (core, handler) = Create((_, _) => StallingStream.Response(207, "multipart/mixed; boundary=Boundary_1", "--Boundary_1\r\nContent-Type: application/json\r\n\r\n{\"response\":["), maxRetries: 0);
        var api = new CallLogApi(core);
        var ex = await Assert.ThrowsAsync<RcApiException>(() => api.GetByIdsAsync(new[] { "A1", "B2" }, CallLogScope.CurrentExtension, "Simple", false, NullEvents.Instance, CancellationToken.None).WaitAsync(s_hang));
        Assert.Equal(RcErrorKind.RequestTimeout, ex.Kind);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Ctrl_C_ends_a_stalled_batch_body_read()
    {
        var (core, _) = Create((_, _) => StallingStream.Response(207, "multipart/mixed; boundary=Boundary_1"));
        core.Settings.RequestTimeout = TimeSpan.FromMinutes(10);
        var api = new CallLogApi(core);
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.GetByIdsAsync(new[] { "A1", "B2" }, CallLogScope.CurrentExtension, "Simple", false, NullEvents.Instance, ctrlC.Token).WaitAsync(s_hang));
    }

    [Fact]
    public async Task Ctrl_C_ends_a_stalled_error_body_read()
    {
        var (core, _) = Create((_, _) => StallingStream.Response(403));
        core.Settings.RequestTimeout = TimeSpan.FromMinutes(10);
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            core.SendAsync(new RcRequest(HttpMethod.Get, new Uri("http://127.0.0.1:5000/restapi/v1.0/account/~"), RouteKeys.Identity), (_, _) => Task.FromResult(true), NullEvents.Instance, ctrlC.Token).WaitAsync(s_hang));
    }

    [Fact]
    public async Task A_stalled_token_answer_times_out()
    {
        var (core, handler) = Create((_, _) => StallingStream.Response(200, prefix: "{\"access_token\":\"abc"), maxRetries: 0);
        var endpoint = new TokenEndpoint(core, new ClientCredentials("id", SecretText.Protect("secret")));
        var ex = await Assert.ThrowsAsync<RcApiException>(() => endpoint.RequestAsync(() => new[] { new KeyValuePair<string, string>("grant_type", "x") }, NullEvents.Instance, CancellationToken.None).WaitAsync(s_hang));
        Assert.Equal(RcErrorKind.RequestTimeout, ex.Kind);
        Assert.Single(handler.Requests);
    }
}
