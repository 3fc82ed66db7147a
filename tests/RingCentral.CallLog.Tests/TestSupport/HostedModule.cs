using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Security;
using System.Text;
using RingCentral.Simulator;

namespace RingCentral.CallLog.Tests.TestSupport;

/// <summary>An in-process simulator plus runspaces that load the module, for cmdlet-level tests.</summary>
internal sealed class HostedModule : IAsyncDisposable
{
    private readonly List<Runspace> _runspaces = new();

    private HostedModule(SimulatorHost host)
    {
        Host = host;
    }

    public SimulatorHost Host { get; }

    public SimulatorInfo Info => Host.Info;

    public HttpClient Hooks { get; } = new();

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

    public async Task HookAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Hooks.PostAsync(new Uri(Info.Url + "/_sim/" + path), content);
        response.EnsureSuccessStatusCode();
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
