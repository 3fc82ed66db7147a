using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RingCentral.Simulator.Data;

namespace RingCentral.Simulator.Tests;

/// <summary>
/// A simulator with test hooks and no rate limits, shared by the tests of a class. Its calls are
/// spread evenly (24x7): the protocol tests take records of any extension at any hour (the admin's
/// own recordings of the last days, calls added by the hooks without queue legs).
/// </summary>
public class SimFixture : IAsyncLifetime
{
    protected virtual CallProfile Profile => CallProfile.AroundTheClock;

    /// <summary>The moment the data is generated back from; null = now.</summary>
    protected virtual DateTimeOffset? StartTime => null;

    public SimulatorHost Host { get; private set; } = null!;
    public SimulatorInfo Info => Host.Info;

    public async Task InitializeAsync()
    {
        Host = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Seed = 7, Extensions = 6, CallsPerDay = 400, Days = 10,
            Heavy = "0/0", Medium = "0/0", Light = "0/0", Auth = "0/0", TestHooks = true, Profile = Profile, StartTime = StartTime,
            ExportDelaySeconds = 0,
        });
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>The same simulator with the default profile (an office): what users see first must cover the schema too.</summary>
public sealed class DefaultProfileSimFixture : SimFixture
{
    protected override CallProfile Profile => new SimulatorOptions().Profile;

    // An office's calls are drawn by local hour and weekday, so the data depends on the moment it is
    // generated back from: pinned, so that every run covers the same rare values (a run at another
    // hour once drew no "Declined by Carrier").
    protected override DateTimeOffset? StartTime => new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.Zero);
}

/// <summary>Small HTTP helpers the tests share: tokens, GETs, ground truth.</summary>
public sealed class SimClient(SimulatorInfo info) : IDisposable
{
    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
    public SimulatorInfo Info => info;

    public static string Basic(SimulatorInfo i) => Convert.ToBase64String(Encoding.UTF8.GetBytes(i.ClientId + ":" + i.ClientSecret));

    public async Task<HttpResponseMessage> PostToken(Dictionary<string, string> form, bool basic = true)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, info.Url + "/restapi/oauth/token") { Content = new FormUrlEncodedContent(form) };
        if (basic) req.Headers.Authorization = new AuthenticationHeaderValue("Basic", Basic(info));
        return await Http.SendAsync(req);
    }

    public async Task<JsonObject> JwtToken(string? jwt = null)
    {
        using var resp = await PostToken(new() { ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer", ["assertion"] = jwt ?? info.AdminJwt });
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        return JsonNode.Parse(await resp.Content.ReadAsStringAsync())!.AsObject();
    }

    public async Task<string> AdminToken() => (string)(await JwtToken())["access_token"]!;
    public async Task<string> UserToken() => (string)(await JwtToken(info.UserJwt))["access_token"]!;

    public async Task<HttpResponseMessage> Get(string urlOrPath, string? token, string? range = null)
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, urlOrPath.StartsWith("http", StringComparison.Ordinal) ? urlOrPath : info.Url + urlOrPath);
        if (token is not null) req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (range is not null) req.Headers.TryAddWithoutValidation("Range", range);
        return await Http.SendAsync(req);
    }

    public async Task<(HttpStatusCode Status, JsonNode Body, HttpResponseMessage Response)> GetJson(string urlOrPath, string? token)
    {
        var resp = await Get(urlOrPath, token);
        var text = await resp.Content.ReadAsStringAsync();
        return (resp.StatusCode, JsonNode.Parse(text)!, resp);
    }

    public async Task<JsonNode> Hook(string path, object? body = null, HttpMethod? method = null)
    {
        using var req = new HttpRequestMessage(method ?? (body is null ? HttpMethod.Get : HttpMethod.Post), info.Url + "/_sim/" + path);
        if (body is not null) req.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var resp = await Http.SendAsync(req);
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        return JsonNode.Parse(await resp.Content.ReadAsStringAsync())!;
    }

    /// <summary>Ground truth: every record, raw, from /_sim/records.</summary>
    public async Task<List<JsonObject>> Records(string? query = null)
        => (await Hook("records" + (query is null ? "" : "?" + query)))["records"]!.AsArray().Select(n => n!.AsObject()).ToList();

    /// <summary>Follows nextPage from <paramref name="path"/> and returns all records.</summary>
    public async Task<List<JsonObject>> AllPages(string path, string token)
    {
        var all = new List<JsonObject>();
        string? next = path;
        while (next is not null)
        {
            var (status, body, _) = await GetJson(next, token);
            Assert.Equal(HttpStatusCode.OK, status);
            all.AddRange(body["records"]!.AsArray().Select(n => n!.AsObject()));
            next = (string?)body["navigation"]?["nextPage"]?["uri"];
        }
        return all;
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>Reads the real RingCentral responses the repository carries (tests/data/ringcentral).</summary>
public static class Fixtures
{
    public static string Dir
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RingCentral.CallLog.PS.sln"))) dir = dir.Parent;
            Assert.NotNull(dir);
            return Path.Combine(dir!.FullName, "tests", "data", "ringcentral", "fixtures");
        }
    }

    public static string Text(string name) => File.ReadAllText(Path.Combine(Dir, name));

    /// <summary>The JSON body of a fixture (.json as is; .http after the blank line).</summary>
    public static JsonNode Json(string name)
    {
        var text = Text(name).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (name.EndsWith(".http", StringComparison.Ordinal)) text = text[(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        return JsonNode.Parse(text)!;
    }

    /// <summary>Asserts that every field of <paramref name="real"/> exists in <paramref name="ours"/> with the same JSON kind, recursively (arrays: first items).</summary>
    public static void AssertSameShape(JsonNode real, JsonNode ours, string path = "$", ISet<string>? optional = null)
    {
        Assert.True(real.GetValueKind() == ours.GetValueKind(), $"{path}: real is {real.GetValueKind()}, ours is {ours.GetValueKind()}");
        if (real is JsonObject ro)
        {
            foreach (var (k, v) in ro)
            {
                var p = path + "." + k;
                if (optional?.Contains(k) == true && !ours.AsObject().ContainsKey(k)) continue;
                Assert.True(ours.AsObject().ContainsKey(k), $"{p} missing in simulator answer");
                if (v is not null) AssertSameShape(v, ours[k]!, p, optional);
            }
        }
        else if (real is JsonArray ra && ra.Count > 0 && ours.AsArray().Count > 0)
        {
            AssertSameShape(ra[0]!, ours.AsArray()[0]!, path + "[0]", optional);
        }
    }
}
