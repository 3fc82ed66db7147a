using System.Net;
using System.Net.Http;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Auth;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Commands;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Auth;

public class TokenRenewalTests
{
    private readonly List<string> _forms = new();

    private string FormOf(HttpRequestMessage request)
    {
        // Read while the request is alive (the client disposes its content after sending).
        var form = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
        lock (_forms)
        {
            _forms.Add(form);
        }

        return form;
    }

    private static HttpResponseMessage Token(string access, int expiresIn = 3600) =>
        Fixtures.Json($$"""{"access_token":"{{access}}","token_type":"bearer","expires_in":{{expiresIn}},"refresh_token":"refresh-{{access}}","refresh_token_expires_in":604800,"scope":"ReadCallLog","owner_id":"1"}""");

    private (RenewingTokenSource Source, FakeHandler Handler) Create(Func<string, int, HttpResponseMessage> tokenEndpoint, DateTimeOffset issued, Func<DateTimeOffset> clock)
    {
        var handler = new FakeHandler((req, i) => tokenEndpoint(FormOf(req), i));
        var core = RcHttpCore.Unauthenticated(RcServer.Parse("http://127.0.0.1:5000"), new RcClientSettings { MaxRetryCount = 0 }, handler);
        var endpoint = new TokenEndpoint(core, new ClientCredentials("client", SecretText.Protect("secret")));
        var first = new TokenSet { AccessToken = "a0", AccessTokenExpiresOn = issued.AddHours(1), RefreshToken = "refresh-a0", RefreshTokenExpiresOn = issued.AddDays(7) };
        var source = new RenewingTokenSource(
            endpoint,
            first,
            () => new[] { new KeyValuePair<string, string>("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), new KeyValuePair<string, string>("assertion", "the-jwt") },
            RcRemedy.SignInAgainWithJwt,
            clock);
        return (source, handler);
    }

    [Fact]
    public async Task Renews_ahead_of_expiry_with_the_refresh_token_and_keeps_the_new_one()
    {
        var now = DateTimeOffset.UtcNow;
        var clock = now;
        var (source, handler) = Create((form, i) => Token("a" + (i + 1)), now, () => clock);
        Assert.Equal("a0", await source.GetAccessTokenAsync(null, NullEvents.Instance, CancellationToken.None));
        Assert.Empty(handler.Requests);

        clock = now.AddMinutes(59.5); // inside the renewal margin
        Assert.Equal("a1", await source.GetAccessTokenAsync(null, NullEvents.Instance, CancellationToken.None));
        clock = now.AddMinutes(59.5 + 59.5);
        Assert.Equal("a2", await source.GetAccessTokenAsync(null, NullEvents.Instance, CancellationToken.None));
        Assert.Contains("refresh_token=refresh-a0", _forms[0], StringComparison.Ordinal);
        Assert.Contains("refresh_token=refresh-a1", _forms[1], StringComparison.Ordinal); // the new one, not the used one
    }

    [Fact]
    public async Task When_refresh_is_refused_the_JWT_is_presented_again()
    {
        var now = DateTimeOffset.UtcNow;
        var (source, handler) = Create((form, _) => form.Contains("grant_type=refresh_token", StringComparison.Ordinal)
            ? Fixtures.Json("""{"error":"invalid_grant","error_description":"Token is revoked","errors":[{"errorCode":"OAU-211","message":"Token is revoked"}]}""", HttpStatusCode.BadRequest)
            : Token("fresh"), now, () => now);
        Assert.Equal("fresh", await source.GetAccessTokenAsync("a0", NullEvents.Instance, CancellationToken.None));
        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains("assertion=the-jwt", _forms[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_JWT_is_refused_too_it_is_an_authentication_failure_that_says_what_to_do()
    {
        var now = DateTimeOffset.UtcNow;
        var (source, _) = Create((_, _) => Fixtures.Json("""{"error":"invalid_grant","errors":[{"errorCode":"OAU-213","message":"JWT expired"}]}""", HttpStatusCode.BadRequest), now, () => now);
        var ex = await Assert.ThrowsAsync<RcApiException>(() => source.GetAccessTokenAsync("a0", NullEvents.Instance, CancellationToken.None));
        Assert.Equal(RcErrorKind.AuthenticationFailed, ex.Kind);
        Assert.Equal(RcRemedy.SignInAgainWithJwt, ex.Remedy);
        Assert.Contains("Connect-RcAccount again with a valid JWT", RingCentral.CallLog.Commands.Hints.For(ex), StringComparison.Ordinal);
        Assert.Contains("OAU-213", ex.ErrorCode, StringComparison.Ordinal);
        Assert.DoesNotContain("the-jwt", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_renewal()
    {
        var now = DateTimeOffset.UtcNow;
        var clock = now;
        var (source, handler) = Create((_, i) =>
        {
            Thread.Sleep(100); // a slow token endpoint: every caller arrives while it runs
            return Token("r" + i);
        }, now, () => clock);
        clock = now.AddMinutes(59.9);
        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => source.GetAccessTokenAsync(null, NullEvents.Instance, CancellationToken.None))));
        Assert.Single(handler.Requests);
        Assert.All(tokens, t => Assert.Equal("r0", t));
    }

    [Fact]
    public async Task An_access_token_given_as_is_cannot_be_renewed()
    {
        var source = new StaticTokenSource(SecretText.Protect("given"));
        Assert.Equal("given", await source.GetAccessTokenAsync(null, NullEvents.Instance, CancellationToken.None));
        var ex = await Assert.ThrowsAsync<RcApiException>(() => source.GetAccessTokenAsync("given", NullEvents.Instance, CancellationToken.None));
        Assert.Equal(RcErrorKind.AuthenticationFailed, ex.Kind);
        Assert.Contains("cannot be renewed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unspecified_dates_are_local_time()
    {
        var unspecified = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Unspecified);
        var expected = new DateTimeOffset(DateTime.SpecifyKind(unspecified, DateTimeKind.Local));
        Assert.Equal(expected, RingCentral.CallLog.Commands.CallLogListingCmdlet.ToOffset(unspecified));
        var utc = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        Assert.Equal(TimeSpan.Zero, RingCentral.CallLog.Commands.CallLogListingCmdlet.ToOffset(utc)!.Value.ToUniversalTime().Offset);
        Assert.Equal("2026-11-01T08:00:00.000Z", CallLogQuery.FormatTime(RingCentral.CallLog.Commands.CallLogListingCmdlet.ToOffset(utc)));
    }
}
