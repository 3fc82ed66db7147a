using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>
/// Save-RcRecording in a hosted runspace, where a test needs what only runs in-process: stopping the
/// pipeline from outside, a listener of its own on another loopback host. What a user sees of its
/// parameters is tested through the built module in tests/pester/Recordings.Tests.ps1.
/// </summary>
public sealed class SaveRcRecordingTests : IClassFixture<SaveRcRecordingFixture>, IDisposable
{
    private const string WithRecordings = "Get-RcCallLog -Account -DateFrom (Get-Date).AddDays(-6) -RecordingType All";
    private readonly HostedModule _sim;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "rec-sim-" + Guid.NewGuid().ToString("N"));

    public SaveRcRecordingTests(SaveRcRecordingFixture fixture)
    {
        _sim = fixture.Module;
        _sim.Runspace.SessionStateProxy.SetVariable("Dir", _dir);
        _sim.Hook("faults", null, HttpMethod.Delete).Wait();
        _sim.Config("""{"latencyMs":0,"mediaBaseUrl":null}""").Wait();
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static object? Prop(PSObject o, string name) => o.Properties[name]?.Value;

    /// <summary>The recording files in the folder (no sidecars, no .partial files).</summary>
    private string[] Recordings() => !Directory.Exists(_dir) ? Array.Empty<string>() : Directory.GetFiles(_dir).Where(f => f.EndsWith(".mp3", StringComparison.Ordinal) || f.EndsWith(".wav", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void The_next_run_removes_the_temporary_sidecars_a_dead_run_left_and_keeps_the_archive()
    {
        var (first, errors, _) = _sim.InvokeConnected($"{WithRecordings} -First 2 | Save-RcRecording -Path $Dir -PassThru");
        Assert.Empty(errors);
        var saved = first.Select(o => (string)Prop(o, "Path")!).ToList();
        Assert.Equal(2, saved.Count);

        // What a run killed (or stopped by a full disk) while writing sidecars leaves: zero-byte temporaries.
        var leftovers = new List<string>();
        foreach (var file in saved)
        {
            leftovers.Add(file + ".json.tmp");
            leftovers.Add(file + ".partial.json.tmp");
        }

        var stranger = Path.Combine(_dir, "notes.json.tmp");
        foreach (var path in leftovers.Append(stranger))
        {
            File.WriteAllBytes(path, Array.Empty<byte>());
        }

        var (again, againErrors, _) = _sim.InvokeConnected($"{WithRecordings} -First 3 | Save-RcRecording -Path $Dir -PassThru");
        Assert.Empty(againErrors);
        Assert.Equal(new[] { "Skipped", "Skipped", "Downloaded" }, again.Select(o => (string)Prop(o, "Status")!).OrderBy(s => s == "Downloaded").ToArray());
        Assert.All(leftovers, path => Assert.False(File.Exists(path), path + " is still there"));
        Assert.True(File.Exists(stranger), "a file that is not a recording's temporary sidecar stays");
        Assert.DoesNotContain(Directory.GetFiles(_dir, "*.tmp"), f => f != stranger);
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_followed_without_the_token()
    {
        using var foreign = new ForeignHost();
        await _sim.HookAsync("faults", $$"""{"kind":"redirect","path":"/content","count":1,"location":"http://127.0.0.2:{{foreign.Port}}/file"}""");
        var (output, errors, _) = _sim.InvokeConnected($"{WithRecordings} -First 1 | Save-RcRecording -Path $Dir -PassThru");
        Assert.Single(errors);
        Assert.Equal("Failed", Prop(output.Single(), "Status"));
        var received = Assert.Single(foreign.Received);
        Assert.DoesNotContain("authorization", received, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("access_token", received, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Stopping_cancels_downloads_stalled_mid_body_and_leaves_no_incomplete_final_file()
    {
        await _sim.Config("""{"latencyMs":400}""");
        using var ps = PowerShell.Create();
        ps.Runspace = _sim.Runspace;
        // A 10-minute stall timeout: a Stop that waited for the stalled bodies instead of cancelling
        // them could not return within the hang guard below.
        ps.AddScript("Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $AdminJwt -StallTimeoutSeconds 600\n" +
            $"{WithRecordings} -First 30 | Save-RcRecording -Path $Dir -ThrottleLimit 4 -PassThru");
        var running = ps.BeginInvoke();
        // A finished recording, not just any file: lock files and .partial files come first.
        await WaitUntilAsync(() => Task.FromResult(Directory.Exists(_dir) && Recordings().Length >= 1));

        // From now on every content body stops half-way and stays silent for 10 minutes: the requests
        // in flight meet the fault after their 400 ms latency, the next ones at once.
        await _sim.HookAsync("faults", """{"kind":"stall-body","path":"/content","count":100,"delayMs":600000}""");
        await Task.Delay(1500);
        Assert.False(running.IsCompleted, "the cmdlet should be reading stalled bodies");
        Assert.NotEmpty(Directory.GetFiles(_dir, "*.partial")); // a download is mid-body when the Stop comes

        try
        {
            // Hang guard only (see tests/README.md): generous, far below the 600 s stall it must cut short.
            await Task.Factory.FromAsync(ps.BeginStop(null, null), ps.EndStop).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        }
        finally
        {
            await _sim.Hook("faults", null, HttpMethod.Delete);
            await _sim.Config("""{"latencyMs":0}""");
        }

        var finals = Recordings();
        Assert.True(finals.Length < 30, "stopped before the end");
        foreach (var file in finals)
        {
            var id = Path.GetFileNameWithoutExtension(file).Split('_').Last();
            Assert.Equal(await _sim.TrueContent(id), File.ReadAllBytes(file));
        }
    }

    /// <summary>Polls a condition; the 60 s limit is a hang guard, not a measure.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "hang guard: the condition never came true");
            await Task.Delay(20);
        }
    }

    [Fact]
    public void Recordings_that_map_to_the_same_name_never_overwrite_each_other()
    {
        var (output, errors, _) = _sim.InvokeConnected($"{WithRecordings} -First 6 | Save-RcRecording -Path $Dir -FileNameTemplate '{{Direction}}' -PassThru");
        Assert.Empty(errors);
        Assert.Equal(6, output.Select(o => (string)Prop(o, "Path")!).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(6, Recordings().Length);
    }

    /// <summary>A bare HTTP listener on 127.0.0.2 that records every request it gets and answers 404.</summary>
    private sealed class ForeignHost : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Parse("127.0.0.2"), 0);
        private readonly CancellationTokenSource _stop = new();

        public ForeignHost()
        {
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public List<string> Received { get; } = new();

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    using var stream = client.GetStream();
                    var buffer = new byte[16384];
                    var text = new StringBuilder();
                    while (!text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var n = await stream.ReadAsync(buffer, _stop.Token);
                        if (n == 0)
                        {
                            break;
                        }

                        text.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    }

                    lock (Received)
                    {
                        Received.Add(text.ToString());
                    }

                    var answer = Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
                    await stream.WriteAsync(answer, _stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (IOException)
                {
                }
            }
        }
    }
}
