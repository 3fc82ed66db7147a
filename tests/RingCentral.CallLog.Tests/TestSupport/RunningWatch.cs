using System.Diagnostics;
using System.Management.Automation;
using Xunit;

namespace RingCentral.CallLog.Tests.TestSupport;

/// <summary>A watch running in its own runspace, with its output, warnings and verbose text as they come.</summary>
internal sealed class RunningWatch : IDisposable
{
    public const string ConnectScript = "Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $AdminJwt\n";

    private readonly PowerShell _ps;
    private readonly IAsyncResult _running;

    /// <summary>Starts <paramref name="watch"/> (a pipeline that starts with Watch-RcCallEvent) connected as the admin, with -Verbose on its last command.</summary>
    public RunningWatch(HostedModule sim, string watch)
    {
        _ps = PowerShell.Create();
        _ps.Runspace = sim.NewRunspace();
        _ps.AddScript(ConnectScript + watch + " -Verbose");
        _ps.Streams.Error.DataAdded += (_, _) => { };
        _running = _ps.BeginInvoke(new PSDataCollection<PSObject>(), Output);
    }

    public PSDataCollection<PSObject> Output { get; } = new();

    /// <summary>What was written so far. By index: enumerating an open output collection may wait for the pipeline to end.</summary>
    public List<object> Written => Enumerable.Range(0, Output.Count).Select(i => Output[i].BaseObject).ToList();

    public List<RcCallEvent> Events => Written.OfType<RcCallEvent>().ToList();

    public List<ErrorRecord> Errors => _ps.Streams.Error.ToList();

    public List<string> Verbose => _ps.Streams.Verbose.Select(v => v.Message).ToList();

    public List<string> Warnings => _ps.Streams.Warning.Select(v => v.Message).ToList();

    /// <summary>The debug text, when the watch was started with -Debug.</summary>
    public List<string> Debug => _ps.Streams.Debug.Select(v => v.Message).ToList();

    /// <summary>Every text the watch wrote besides its objects.</summary>
    public string AllText => string.Join("\n", Verbose.Concat(Warnings).Concat(_ps.Streams.Error.Select(e => e.ToString())));

    public async Task WaitForAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "hang guard: " + what + "; verbose: " + string.Join(" | ", Verbose));
            await Task.Delay(50);
        }
    }

    public Task SubscribedAsync() => WaitForAsync(() => Verbose.Any(v => v.StartsWith("Subscribed to", StringComparison.Ordinal)), "subscribed");

    /// <summary>Waits for the end; returns the error that ended it, if any.</summary>
    public async Task<ErrorRecord?> EndAsync()
    {
        await WaitForAsync(() => _running.IsCompleted, "the watch ends by itself");
        try
        {
            _ps.EndInvoke(_running);
        }
        catch (RuntimeException ex)
        {
            return ex.ErrorRecord;
        }

        return _ps.Streams.Error.FirstOrDefault();
    }

    /// <summary>Ctrl+C: stops the pipeline and waits for it.</summary>
    public Task StopAsync() => Task.Factory.FromAsync(_ps.BeginStop(null, null), _ps.EndStop);

    public PSInvocationState State => _ps.InvocationStateInfo.State;

    public void Dispose() => _ps.Dispose();
}
