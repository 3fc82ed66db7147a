using System.Net.Http;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Http;

/// <summary>
/// The core gets its tokens at construction: the sign-in core has none, and the session's core is
/// made from it with the session's tokens, over the same HTTP client and pacer.
/// </summary>
public class SignInCoreTests
{
    private static readonly Uri s_page = new("http://127.0.0.1:5000/restapi/v1.0/account/~/call-log");

    private static Task<string> Get(RcHttpCore core) =>
        core.SendAsync(new RcRequest(HttpMethod.Get, s_page, RouteKeys.CallLog), (r, ct) => r.Content.ReadAsStringAsync(ct), NullEvents.Instance, CancellationToken.None);

    [Fact]
    public async Task A_bearer_request_on_the_sign_in_core_is_not_signed_in_and_sends_nothing()
    {
        var handler = new FakeHandler((_, _) => Fixtures.Json("{}"));
        using var signIn = RcHttpCore.Unauthenticated(RcServer.Parse("http://127.0.0.1:5000"), new RcClientSettings { MaxRetryCount = 0 }, handler);

        var error = await Assert.ThrowsAsync<RcApiException>(() => Get(signIn));

        Assert.Equal(RcErrorKind.NotConnected, error.Kind);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task The_session_core_shares_the_sign_in_core_pacer_and_closing_it_closes_both()
    {
        var handler = new FakeHandler((_, _) => Fixtures.Json("{}"));
        var signIn = RcHttpCore.Unauthenticated(RcServer.Parse("http://127.0.0.1:5000"), new RcClientSettings { MaxRetryCount = 0 }, handler);
        var session = signIn.WithTokens(new FakeTokens());

        await Get(session);
        session.Dispose();
        var error = await Assert.ThrowsAsync<RcApiException>(() => signIn.SendAsync(new RcRequest(HttpMethod.Post, s_page, RouteKeys.Auth) { Auth = RcAuth.None }, (_, _) => Task.FromResult(true), NullEvents.Instance, CancellationToken.None));

        Assert.Same(signIn.Pacer, session.Pacer);
        Assert.Equal("Bearer", Assert.Single(handler.Requests).Headers.Authorization!.Scheme);
        Assert.Equal(RcErrorKind.NotConnected, error.Kind);
        Assert.Contains("disconnected", error.Message, StringComparison.Ordinal);
    }
}
