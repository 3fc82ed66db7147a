using System.Net;
using System.Net.Http;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Auth;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Client;

/// <summary>
/// Issue 14 item 8: Disconnect-RcAccount while a renewal runs (another runspace) ends the session
/// for good: the renewal's new tokens are revoked, not kept, and the HttpClient is disposed.
/// </summary>
public class DisconnectRaceTests
{
    private readonly TaskCompletionSource _refreshArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _refreshMayAnswer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _revoked = new();
    private int _grants;

    private async Task<HttpResponseMessage> Answer(HttpRequestMessage request, int index)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path == "/restapi/oauth/token")
        {
            var form = await request.Content!.ReadAsStringAsync();
            var n = Interlocked.Increment(ref _grants);
            if (form.Contains("grant_type=refresh_token", StringComparison.Ordinal))
            {
                _refreshArrived.TrySetResult();
                await _refreshMayAnswer.Task;
            }

            return Fixtures.Json($$"""{"access_token":"access-{{n}}","token_type":"bearer","expires_in":3600,"refresh_token":"refresh-{{n}}","refresh_token_expires_in":604800}""");
        }

        if (path == "/restapi/oauth/revoke")
        {
            var form = await request.Content!.ReadAsStringAsync();
            lock (_revoked)
            {
                _revoked.Add(WebUtility.UrlDecode(form.Split('&').First(p => p.StartsWith("token=", StringComparison.Ordinal))["token=".Length..]));
            }

            return Fixtures.Json("{}");
        }

        return Fixtures.Json("""{"id":1001,"extensionNumber":"101","name":"Admin","account":{"id":"1"}}""");
    }

    [Fact]
    public async Task A_renewal_that_ends_after_disconnect_does_not_revive()
    {
        var handler = new FakeHandler(Answer);
        var core = RcHttpCore.Unauthenticated(RcServer.Parse("http://127.0.0.1:5000"), new RcClientSettings { MaxRetryCount = 0 }, handler);
        var session = await RcSession.SignInWithJwtAsync(core, new ClientCredentials("id", SecretText.Protect("secret")), SecretText.Protect("jwt"), NullEvents.Instance, CancellationToken.None);

        // Another runspace's request was refused: its renewal is under way when Disconnect-RcAccount runs.
        var renewal = session.Tokens.GetAccessTokenAsync("access-1", NullEvents.Instance, CancellationToken.None);
        await _refreshArrived.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var disconnect = session.DisconnectAsync(NullEvents.Instance, CancellationToken.None);
        _refreshMayAnswer.SetResult();

        var refused = await Assert.ThrowsAsync<RcApiException>(() => renewal.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(RcErrorKind.NotConnected, refused.Kind);
        await disconnect.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(session.IsDisconnected);
        Assert.Contains("access-2", _revoked); // the renewed session is ended at RingCentral too
        var later = await Assert.ThrowsAsync<RcApiException>(() => session.Tokens.GetAccessTokenAsync(null, NullEvents.Instance, CancellationToken.None));
        Assert.Equal(RcErrorKind.NotConnected, later.Kind);
    }

    [Fact]
    public async Task A_disconnected_sessions_HttpClient_is_disposed_and_its_requests_are_not_connected()
    {
        var handler = new FakeHandler(Answer);
        var core = RcHttpCore.Unauthenticated(RcServer.Parse("http://127.0.0.1:5000"), new RcClientSettings { MaxRetryCount = 0 }, handler);
        var session = await RcSession.SignInWithJwtAsync(core, new ClientCredentials("id", SecretText.Protect("secret")), SecretText.Protect("jwt"), NullEvents.Instance, CancellationToken.None);
        await session.DisconnectAsync(NullEvents.Instance, CancellationToken.None);

        Assert.True(handler.Disposed);
        var sent = handler.Requests.Count;
        var request = new RcRequest(HttpMethod.Get, new Uri("http://127.0.0.1:5000/restapi/v1.0/account/~/call-log"), RouteKeys.CallLog);
        var ex = await Assert.ThrowsAsync<RcApiException>(() => session.Core.SendAsync(request, (_, _) => Task.FromResult(true), NullEvents.Instance, CancellationToken.None));
        Assert.Equal(RcErrorKind.NotConnected, ex.Kind);
        Assert.Equal(sent, handler.Requests.Count);
    }
}
