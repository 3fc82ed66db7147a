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

namespace RingCentral.CallLog.Tests.TestSupport;

/// <summary>
/// An in-process simulator (with test hooks) plus runspaces that load the module, for cmdlet-level
/// tests. A test either starts one for itself (<see cref="StartAsync"/>, <c>await using</c>) or
/// shares one across a class through a <see cref="HostedModuleFixture"/> that supplies the options.
/// </summary>
public sealed class HostedModule : IAsyncDisposable
{
    private readonly List<Runspace> _runspaces = new();
    private Runspace? _shared;
    private string? _token;

    private HostedModule(SimulatorHost host)
    {
        Host = host;
    }

    public SimulatorHost Host { get; }

    public SimulatorInfo Info => Host.Info;

    /// <summary>For the simulator's /_sim hooks and the test's own requests; never follows redirects.</summary>
    public HttpClient Hooks { get; } = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>One runspace shared by the tests of a class fixture, made on first use.</summary>
    public Runspace Runspace => _shared ??= NewRunspace();

    public static async Task<HostedModule> StartAsync(SimulatorOptions options)
    {
        options.TestHooks = true;
        return new HostedModule(await SimulatorHost.StartAsync(options));
    }

    /// <summary>A new runspace with the module imported and the simulator's credentials as variables.</summary>
    public Runspace NewRunspace()
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(typeof(CallLogRecord).Assembly.Location);
        var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        runspace.SessionStateProxy.SetVariable("SimUrl", Info.Url);
        runspace.SessionStateProxy.SetVariable("SimClientId", Info.ClientId);
        runspace.SessionStateProxy.SetVariable("SimSecret", Secure(Info.ClientSecret));
        runspace.SessionStateProxy.SetVariable("AdminJwt", Secure(Info.AdminJwt));
        runspace.SessionStateProxy.SetVariable("UserJwt", Secure(Info.UserJwt));
        _runspaces.Add(runspace);
        return runspace;
    }

    /// <summary>Runs a script in a runspace; any error it writes fails the test.</summary>
    public static Collection<PSObject> Invoke(Runspace runspace, string script)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(script);
        var output = ps.Invoke();
        if (ps.Streams.Error.Count > 0)
        {
            throw new InvalidOperationException("Script wrote errors: " + string.Join("; ", ps.Streams.Error.Select(e => e.ToString())));
        }

        return output;
    }

    /// <summary>Runs a script in the shared runspace, connected first as the admin; returns output, errors and verbose text.</summary>
    public (Collection<PSObject> Output, List<ErrorRecord> Errors, List<string> Verbose) InvokeConnected(string script, int maxRetries = 2)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = Runspace;
        ps.AddScript($"Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $AdminJwt -MaxRetryCount {maxRetries} -RetryBackoffSeconds 0.05\n" + script);
        var output = ps.Invoke();
        return (output, ps.Streams.Error.ToList(), ps.Streams.Verbose.Select(v => v.Message).ToList());
    }

    /// <summary>Posts JSON text, as written, to a /_sim hook.</summary>
    public async Task HookAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        await SendHookAsync(HttpMethod.Post, path, content);
    }

    /// <summary>Calls a /_sim hook (GET without a body, POST with one, or the given method) and returns its JSON answer.</summary>
    public async Task<JsonNode> Hook(string path, object? body = null, HttpMethod? method = null)
    {
        using var content = body is null ? null : new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        return JsonNode.Parse(await SendHookAsync(method ?? (body is null ? HttpMethod.Get : HttpMethod.Post), path, content))!;
    }

    private async Task<string> SendHookAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, Info.Url + "/_sim/" + path) { Content = content };
        using var response = await Hooks.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"/_sim/{path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    public Task Config(string json) => HookAsync("config", json);

    /// <summary>The requests the simulator has seen since its stats were last reset.</summary>
    public async Task<List<JsonObject>> Requests() =>
        (await Hook("stats"))["requests"]!.AsArray().Select(n => n!.AsObject()).ToList();

    /// <summary>The true content of a recording, fetched here with a bearer token of our own.</summary>
    public async Task<byte[]> TrueContent(string recordingId)
    {
        var token = await Token();
        var uri = $"{Info.MediaUrl}/restapi/v1.0/account/{Info.AccountId}/recording/{recordingId}/content";
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Hooks.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var runspace in _runspaces)
        {
            runspace.Dispose();
        }

        Hooks.Dispose();
        await Host.DisposeAsync();
    }

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
        using var response = await Hooks.SendAsync(request);
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
