using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RingCentral.Simulator;
using Xunit;

namespace RingCentral.CallLog.Tests.Recordings;

/// <summary>
/// A simulator with test hooks plus a PowerShell runspace that has the module loaded, shared by
/// the recording tests. Small recordings so that 50 download quickly.
/// </summary>
public class RecordingSimulator : IAsyncLifetime
{
    public SimulatorHost Host { get; private set; } = null!;

    public SimulatorInfo Info => Host.Info;

    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    public Runspace Runspace { get; private set; } = null!;

    /// <summary>The simulator's options; a subclass may ask for more data.</summary>
    protected virtual SimulatorOptions Options => new()
    {
        Seed = 11, Extensions = 4, CallsPerDay = 60, Days = 5, RecordingBytes = 300_000,
        Heavy = "0/0", Light = "0/0", Auth = "0/0", TestHooks = true,
    };

    public virtual async Task InitializeAsync()
    {
        Host = await SimulatorHost.StartAsync(Options);
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(typeof(RecordingInfo).Assembly.Location);
        Runspace = RunspaceFactory.CreateRunspace(state);
        Runspace.Open();
        Runspace.SessionStateProxy.SetVariable("SimUrl", Info.Url);
        Runspace.SessionStateProxy.SetVariable("SimClientId", Info.ClientId);
        Runspace.SessionStateProxy.SetVariable("SimSecret", Secure(Info.ClientSecret));
        Runspace.SessionStateProxy.SetVariable("SimJwt", Secure(Info.AdminJwt));
        Runspace.SessionStateProxy.SetVariable("SimUserJwt", Secure(Info.UserJwt));
    }

    public virtual async Task DisposeAsync()
    {
        Runspace.Dispose();
        Http.Dispose();
        await Host.DisposeAsync();
    }

    /// <summary>Runs a script in the shared runspace (connected first); returns output and errors.</summary>
    public (Collection<PSObject> Output, List<ErrorRecord> Errors, List<string> Verbose) Invoke(string script, int maxRetries = 2)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = Runspace;
        ps.AddScript($"Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $SimJwt -MaxRetryCount {maxRetries} -RetryBackoffSeconds 0.05\n" + script);
        var output = ps.Invoke();
        return (output, ps.Streams.Error.ToList(), ps.Streams.Verbose.Select(v => v.Message).ToList());
    }

    public async Task<JsonNode> Hook(string path, object? body = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? (body is null ? HttpMethod.Get : HttpMethod.Post), Info.Url + "/_sim/" + path);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"/_sim/{path}: {(int)response.StatusCode}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public Task Config(string json) => PostRaw("config", json);

    public async Task PostRaw(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(Info.Url + "/_sim/" + path), content);
        Assert.True(response.IsSuccessStatusCode, $"/_sim/{path}: {(int)response.StatusCode}");
    }

    public async Task<List<JsonObject>> Requests() =>
        (await Hook("stats"))["requests"]!.AsArray().Select(n => n!.AsObject()).ToList();

    /// <summary>The true content of a recording, fetched here with a bearer token of our own.</summary>
    public async Task<byte[]> TrueContent(string recordingId)
    {
        var token = await Token();
        var uri = $"{Info.MediaUrl}/restapi/v1.0/account/{Info.AccountId}/recording/{recordingId}/content";
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private string? _token;

    private async Task<string> Token()
    {
        if (_token is not null)
        {
            return _token;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, Info.Url + "/restapi/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
                ["assertion"] = Info.AdminJwt,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Info.ClientId + ":" + Info.ClientSecret)));
        using var response = await Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode);
        _token = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!;
        return _token;
    }

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
