using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace RingCentral.Simulator.Tests;

/// <summary>OAuth: JWT grant, client errors, refresh rotation, revoke, PKCE, bearer errors, who-am-I.</summary>
public sealed class AuthTests(SimFixture sim) : IClassFixture<SimFixture>, IDisposable
{
    private readonly SimClient _c = new(sim.Info);
    private const string JwtGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    public void Dispose() => _c.Dispose();

    private static async Task<JsonNode> Body(HttpResponseMessage r) => JsonNode.Parse(await r.Content.ReadAsStringAsync())!;

    [Fact]
    public async Task A_jwt_grant_returns_token_info_shaped_like_the_real_response()
    {
        var token = await _c.JwtToken();
        Fixtures.AssertSameShape(Fixtures.Json("token-response-jwt-flow.http"), token);
        Assert.Equal("bearer", (string)token["token_type"]!);
        Assert.Equal(sim.Info.AdminExtensionId, (string)token["owner_id"]!);
        Assert.NotNull(token["session_id"]);
        Assert.NotNull(token["endpoint_id"]);
        Assert.True(((string)token["access_token"]!).Length >= 40);
        Assert.NotEqual((string)token["access_token"]!, (string)(await _c.JwtToken())["access_token"]!);
    }

    [Fact]
    public async Task A_wrong_client_is_400_invalid_client_OAU_153()
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, sim.Info.Url + "/restapi/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = JwtGrant, ["assertion"] = sim.Info.AdminJwt }),
        };
        req.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("xx:yy")));
        using var resp = await _c.Http.SendAsync(req);
        Assert.Equal(HttpStatusCode.BadRequest, resp.StatusCode);
        var body = await Body(resp);
        Assert.Equal("invalid_client", (string)body["error"]!);
        Assert.Equal("OAU-153", (string)body["errors"]![0]!["errorCode"]!);
        Assert.Equal("Invalid client: xx", (string)body["error_description"]!);
        Assert.Equal("client_id", (string)body["errors"]![0]!["parameters"]![0]!["parameterName"]!);
    }

    [Fact]
    public async Task A_bad_or_expired_jwt_is_400_invalid_grant()
    {
        using var bad = await _c.PostToken(new() { ["grant_type"] = JwtGrant, ["assertion"] = sim.Info.AdminJwt[..^3] + "abc" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("invalid_grant", (string)(await Body(bad))["error"]!);
        var expired = (string)(await _c.Hook("jwt", new { extensionId = sim.Info.UserExtensionId, expiresInSeconds = -60 }))["jwt"]!;
        using var exp = await _c.PostToken(new() { ["grant_type"] = JwtGrant, ["assertion"] = expired });
        var body = await Body(exp);
        Assert.Equal(HttpStatusCode.BadRequest, exp.StatusCode);
        Assert.Equal("invalid_grant", (string)body["error"]!);
        Assert.Equal("OAU-213", (string)body["errors"]![0]!["errorCode"]!);
        var valid = (string)(await _c.Hook("jwt", new { extensionId = sim.Info.UserExtensionId, expiresInSeconds = 60 }))["jwt"]!;
        Assert.Equal(sim.Info.UserExtensionId, (string)(await _c.JwtToken(valid))["owner_id"]!);
    }

    [Fact]
    public async Task Refreshing_rotates_the_tokens_and_the_old_ones_stop_working()
    {
        var first = await _c.JwtToken();
        using var r1 = await _c.PostToken(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = (string)first["refresh_token"]! });
        Assert.Equal(HttpStatusCode.OK, r1.StatusCode);
        var second = await Body(r1);
        Assert.NotEqual((string)first["refresh_token"]!, (string)second["refresh_token"]!);
        using var again = await _c.PostToken(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = (string)first["refresh_token"]! });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("invalid_grant", (string)(await Body(again))["error"]!);
        var (oldStatus, oldBody, _) = await _c.GetJson("/restapi/v1.0/account/~/extension/~", (string)first["access_token"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, oldStatus);
        Assert.Equal("OAU-149", (string)oldBody["errors"]![0]!["errorCode"]!);
        var (newStatus, _, _) = await _c.GetJson("/restapi/v1.0/account/~/extension/~", (string)second["access_token"]!);
        Assert.Equal(HttpStatusCode.OK, newStatus);
    }

    [Fact]
    public async Task Revoking_ends_the_whole_session()
    {
        var t = await _c.JwtToken();
        using var req = new HttpRequestMessage(HttpMethod.Post, sim.Info.Url + "/restapi/oauth/revoke")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = (string)t["access_token"]! }),
        };
        req.Headers.Authorization = new AuthenticationHeaderValue("Basic", SimClient.Basic(sim.Info));
        using var resp = await _c.Http.SendAsync(req);
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var (status, _, _) = await _c.GetJson("/restapi/v1.0/account/~/extension/~", (string)t["access_token"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        using var refresh = await _c.PostToken(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = (string)t["refresh_token"]! });
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
    }

    private async Task<string> Authorize(string challenge, string method, string redirect = "http://127.0.0.1:5999/cb", string? loginHint = null)
    {
        var url = $"{sim.Info.Url}/restapi/oauth/authorize?response_type=code&client_id={sim.Info.ClientId}&redirect_uri={Uri.EscapeDataString(redirect)}&state=xyz&code_challenge={challenge}&code_challenge_method={method}"
            + (loginHint is null ? "" : "&login_hint=" + loginHint);
        using var resp = await _c.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Found, resp.StatusCode);
        var location = resp.Headers.Location!;
        Assert.StartsWith(redirect + "?code=", location.ToString(), StringComparison.Ordinal);
        Assert.Contains("state=xyz", location.Query, StringComparison.Ordinal);
        var code = location.Query.TrimStart('?').Split('&').First(p => p.StartsWith("code=", StringComparison.Ordinal))[5..];
        return Uri.UnescapeDataString(code);
    }

    [Fact]
    public async Task Pkce_S256_takes_the_right_verifier_and_refuses_a_wrong_one_for_a_public_client_without_Basic()
    {
        var verifier = "verifier-0123456789-abcdefghijklmnopqrstuvwxyz";
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var code = await Authorize(challenge, "S256", loginHint: sim.Info.UserExtensionId);
        using var wrong = await _c.PostToken(new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = "http://127.0.0.1:5999/cb", ["code_verifier"] = "nope", ["client_id"] = sim.Info.ClientId }, basic: false);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("invalid_grant", (string)(await Body(wrong))["error"]!);
        code = await Authorize(challenge, "S256", loginHint: sim.Info.UserExtensionId);
        using var right = await _c.PostToken(new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = "http://127.0.0.1:5999/cb", ["code_verifier"] = verifier, ["client_id"] = sim.Info.ClientId }, basic: false);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(sim.Info.UserExtensionId, (string)(await Body(right))["owner_id"]!);
        // Codes are single use.
        using var reuse = await _c.PostToken(new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = "http://127.0.0.1:5999/cb", ["code_verifier"] = verifier, ["client_id"] = sim.Info.ClientId }, basic: false);
        Assert.Equal(HttpStatusCode.BadRequest, reuse.StatusCode);
    }

    [Fact]
    public async Task Pkce_plain_works_and_a_redirect_that_is_not_loopback_is_refused()
    {
        var code = await Authorize("plainchallenge", "plain");
        using var ok = await _c.PostToken(new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = "http://127.0.0.1:5999/cb", ["code_verifier"] = "plainchallenge" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(sim.Info.AdminExtensionId, (string)(await Body(ok))["owner_id"]!);
        using var resp = await _c.Http.GetAsync($"{sim.Info.Url}/restapi/oauth/authorize?response_type=code&client_id={sim.Info.ClientId}&redirect_uri={Uri.EscapeDataString("https://evil.example.com/cb")}");
        Assert.Equal(HttpStatusCode.BadRequest, resp.StatusCode);
    }

    [Fact]
    public async Task A_missing_invalid_or_expired_bearer_is_401()
    {
        var (s1, b1, _) = await _c.GetJson("/restapi/v1.0/account/~/call-log", null);
        Assert.Equal(HttpStatusCode.Unauthorized, s1);
        Assert.NotNull(b1["errors"]![0]!["errorCode"]);
        var (s2, b2, _) = await _c.GetJson("/restapi/v1.0/account/~/call-log", "garbage");
        Assert.Equal(HttpStatusCode.Unauthorized, s2);
        Assert.Equal("TokenInvalid", (string)b2["errorCode"]!);
        Assert.Equal("OAU-149", (string)b2["errors"]![0]!["errorCode"]!);
        await _c.Hook("config", new { accessTokenTtl = 1 });
        try
        {
            var t = await _c.AdminToken();
            await Task.Delay(1500);
            var (s3, b3, _) = await _c.GetJson("/restapi/v1.0/account/~/extension/~", t);
            Assert.Equal(HttpStatusCode.Unauthorized, s3);
            Assert.Equal("OAU-128", (string)b3["errors"]![0]!["errorCode"]!);
            Assert.Contains("expired", (string)b3["message"]!, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await _c.Hook("config", new { accessTokenTtl = 3600 });
        }
    }

    [Fact]
    public async Task Who_am_I_answers_for_the_admin_and_the_user()
    {
        var (status, admin, _) = await _c.GetJson("/restapi/v1.0/account/~/extension/~", await _c.AdminToken());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(long.Parse(sim.Info.AdminExtensionId, System.Globalization.CultureInfo.InvariantCulture), (long)admin["id"]!);
        Assert.True((bool)admin["permissions"]!["admin"]!["enabled"]!);
        Assert.Equal("101", (string)admin["extensionNumber"]!);
        Assert.Equal(sim.Info.AccountId, (string)admin["account"]!["id"]!);
        var (_, user, _) = await _c.GetJson($"/restapi/v1.0/account/{sim.Info.AccountId}/extension/{sim.Info.UserExtensionId}", await _c.UserToken());
        Assert.False((bool)user["permissions"]!["admin"]!["enabled"]!);
        var (accStatus, account, _) = await _c.GetJson("/restapi/v1.0/account/~", await _c.UserToken());
        Assert.Equal(HttpStatusCode.OK, accStatus);
        Assert.Equal(sim.Info.AccountId, account["id"]!.ToJsonString());
        var (s404, _, _) = await _c.GetJson("/restapi/v1.0/account/123/extension/~", await _c.UserToken());
        Assert.Equal(HttpStatusCode.NotFound, s404);
    }
}
