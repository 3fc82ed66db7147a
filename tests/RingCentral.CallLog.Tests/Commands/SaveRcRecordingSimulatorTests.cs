using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RingCentral.CallLog.Client.Export.Recordings;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>Save-RcRecording and Get-RcRecording, run in PowerShell against the simulator.</summary>
public sealed class SaveRcRecordingSimulatorTests : IClassFixture<SaveRcRecordingFixture>, IDisposable
{
    private const string WithRecordings = "Get-RcCallLog -Account -DateFrom (Get-Date).AddDays(-6) -RecordingType All";
    private readonly HostedModule _sim;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "rec-sim-" + Guid.NewGuid().ToString("N"));

    public SaveRcRecordingSimulatorTests(SaveRcRecordingFixture fixture)
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
    private string[] Recordings() => Directory.GetFiles(_dir).Where(f => f.EndsWith(".mp3", StringComparison.Ordinal) || f.EndsWith(".wav", StringComparison.Ordinal)).ToArray();

    private Task<System.Text.Json.Nodes.JsonNode> ResetStats() => _sim.Hook("stats/reset", new { });

    private async Task<List<System.Text.Json.Nodes.JsonObject>> ContentRequests() =>
        (await _sim.Requests()).Where(r => ((string)r["path"]!).EndsWith("/content", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task Fifty_recordings_download_in_parallel_with_the_right_bytes_and_a_second_run_skips_them_all()
    {
        await _sim.Config("""{"latencyMs":150}""");
        await ResetStats();
        var (output, errors, _) = _sim.InvokeConnected($"{WithRecordings} -First 50 | Save-RcRecording -Path $Dir -ThrottleLimit 4 -PassThru");
        Assert.Empty(errors);
        Assert.Equal(50, output.Count);
        Assert.All(output, o => Assert.Equal("Downloaded", Prop(o, "Status")));

        var stats = await _sim.Hook("stats");
        var maxConcurrent = (int)stats["maxConcurrentContent"]!;
        // Real concurrency (more than one at once), never more than -ThrottleLimit. Usually exactly 4;
        // a loaded machine may start the fourth only after the first has finished.
        Assert.True(maxConcurrent is >= 2 and <= 4, $"the simulator saw at most {maxConcurrent} content requests at once; expected 2 to 4 (ThrottleLimit 4)");
        var content = await ContentRequests();
        Assert.Equal(50, content.Count);
        Assert.All(content, r => Assert.Equal("Bearer", (string?)r["authorization"]));
        var metadataRequests = (await _sim.Requests()).Select(r => (string)r["path"]!).Where(p => p.Contains("/recording/", StringComparison.Ordinal) && !p.EndsWith("/content", StringComparison.Ordinal)).ToList();
        Assert.True(metadataRequests.Count == 0, string.Join("\n", metadataRequests));

        await _sim.Config("""{"latencyMs":0}""");
        foreach (var o in output)
        {
            var path = (string)Prop(o, "Path")!;
            Assert.Equal(_dir, Path.GetDirectoryName(path));
            Assert.Matches(@"^\d{8}-\d{6}_(Inbound|Outbound)_\d+\.(mp3|wav)$", Path.GetFileName(path));
            var truth = await _sim.TrueContent((string)Prop(o, "RecordingId")!);
            Assert.Equal(truth, File.ReadAllBytes(path));
            Assert.Equal((long)truth.Length, (long)Prop(o, "Bytes")!);
            Assert.NotNull(Prop(o, "CallLogId"));
        }

        Assert.Empty(Directory.GetFiles(_dir, "*.partial"));

        await ResetStats();
        (output, errors, _) = _sim.InvokeConnected($"{WithRecordings} -First 50 | Save-RcRecording -Path $Dir -ThrottleLimit 4 -PassThru");
        Assert.Empty(errors);
        Assert.Equal(50, output.Count);
        Assert.All(output, o => Assert.Equal("Skipped", Prop(o, "Status")));
        Assert.Empty(await ContentRequests());
        Assert.DoesNotContain(await _sim.Requests(), r => ((string)r["path"]!).Contains("/recording/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrency_never_exceeds_the_throttle_limit()
    {
        await _sim.Config("""{"latencyMs":100}""");
        await ResetStats();
        var (output, errors, _) = _sim.InvokeConnected($"{WithRecordings} -First 12 | Save-RcRecording -Path $Dir -ThrottleLimit 2 -PassThru");
        Assert.Empty(errors);
        Assert.Equal(12, output.Count);
        Assert.InRange((int)(await _sim.Hook("stats"))["maxConcurrentContent"]!, 1, 2);
    }

    [Fact]
    public async Task A_leftover_partial_is_completed_with_a_Range_request()
    {
        var (first, errors, _) = _sim.InvokeConnected($"{WithRecordings} -First 1 | Save-RcRecording -Path $Dir -PassThru");
        Assert.Empty(errors);
        var path = (string)Prop(first.Single(), "Path")!;
        var truth = File.ReadAllBytes(path);
        // What an interrupted run leaves: a third of the bytes, and the .partial's sidecar with the content's ETag.
        var sidecar = RingCentral.CallLog.Client.Export.Recordings.RecordingSidecar.TryRead(path + ".json")!;
        File.WriteAllBytes(path + ".partial", truth[..(truth.Length / 3)]);
        new RingCentral.CallLog.Client.Export.Recordings.RecordingSidecar { RecordingId = sidecar.RecordingId, ContentType = sidecar.ContentType, ETag = sidecar.ETag }.Write(path + ".partial.json");
        File.Delete(path);
        File.Delete(path + ".json");

        await ResetStats();
        var (again, errors2, _) = _sim.InvokeConnected($"{WithRecordings} -First 1 | Save-RcRecording -Path $Dir -PassThru");
        Assert.Empty(errors2);
        Assert.Equal("Downloaded", Prop(again.Single(), "Status"));
        var request = Assert.Single(await ContentRequests());
        Assert.Equal($"bytes={truth.Length / 3}-", (string?)request["range"]);
        Assert.Equal(206, (int)request["status"]!);
        Assert.Equal(truth, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + ".partial"));
        Assert.Equal(Prop(again.Single(), "Sha256"), RingCentral.CallLog.Client.Export.Recordings.RecordingSidecar.TryRead(path + ".json")!.Sha256);
    }

    [Fact]
    public async Task A_truncated_download_leaves_no_final_file_reports_an_error_and_a_rerun_completes_it()
    {
        await _sim.HookAsync("faults", """{"kind":"truncate","path":"/content","count":10}""");
        var (output, errors, _) = _sim.InvokeConnected($"{WithRecordings} -First 1 | Save-RcRecording -Path $Dir -PassThru", maxRetries: 1);
        var error = Assert.Single(errors);
        Assert.Equal("RingCentralResponseInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        var failed = output.Single();
        Assert.Equal("Failed", Prop(failed, "Status"));
        Assert.Equal(Prop(failed, "RecordingId"), error.TargetObject);
        Assert.Contains("expected", (string)Prop(failed, "Error")!, StringComparison.Ordinal);
        Assert.Empty(Recordings());
        Assert.Single(Directory.GetFiles(_dir, "*.partial"));

        await _sim.Hook("faults", null, HttpMethod.Delete);
        await ResetStats();
        var (rerun, errors2, _) = _sim.InvokeConnected($"{WithRecordings} -First 1 | Save-RcRecording -Path $Dir -PassThru");
        Assert.Empty(errors2);
        var done = rerun.Single();
        Assert.Equal("Downloaded", Prop(done, "Status"));
        Assert.StartsWith("bytes=", (string?)(await ContentRequests()).Single()["range"], StringComparison.Ordinal);
        Assert.Equal(await _sim.TrueContent((string)Prop(done, "RecordingId")!), File.ReadAllBytes((string)Prop(done, "Path")!));
        Assert.Empty(Directory.GetFiles(_dir, "*.partial"));
    }

    [Fact]
    public async Task A_content_uri_on_another_loopback_host_gets_no_token_and_is_an_UntrustedHost_error()
    {
        using var foreign = new ForeignHost();
        await _sim.Config($$"""{"mediaBaseUrl":"http://127.0.0.2:{{foreign.Port}}"}""");
        var (output, errors, _) = _sim.InvokeConnected($"{WithRecordings} -First 3 | Save-RcRecording -Path $Dir -PassThru; Save-RcRecording -RecordingId $(({WithRecordings} -First 1).RecordingId) -Path $Dir -PassThru");
        Assert.Equal(4, errors.Count);
        Assert.All(errors, e => Assert.Equal("RingCentralUntrustedHost", e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.All(errors, e => Assert.Equal(ErrorCategory.SecurityError, e.CategoryInfo.Category));
        Assert.All(output, o => Assert.Equal("Failed", Prop(o, "Status")));
        Assert.All(foreign.Received, r => Assert.DoesNotContain("authorization", r, StringComparison.OrdinalIgnoreCase));
        Assert.All(foreign.Received, r => Assert.DoesNotContain("access_token", r, StringComparison.OrdinalIgnoreCase));
        Assert.False(Directory.Exists(_dir) && Directory.GetFiles(_dir).Length > 0);
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
    public async Task WhatIf_creates_no_directory_no_file_and_sends_no_recording_request()
    {
        await ResetStats();
        var (output, errors, _) = _sim.InvokeConnected($"{WithRecordings} -First 3 | Save-RcRecording -Path (Join-Path $Dir 'sub') -WhatIf -PassThru; Save-RcRecording -RecordingId 123 -Path $Dir -WhatIf");
        Assert.Empty(errors);
        Assert.Empty(output);
        Assert.False(Directory.Exists(_dir));
        Assert.DoesNotContain(await _sim.Requests(), r => ((string)r["path"]!).Contains("/recording/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_input_is_refused_before_any_request()
    {
        Directory.CreateDirectory(_dir);
        var file = Path.Combine(_dir, "a-file.txt");
        File.WriteAllText(file, "x");
        _sim.Runspace.SessionStateProxy.SetVariable("AFile", file);
        await ResetStats();
        var (_, errors, _) = _sim.InvokeConnected("Save-RcRecording -RecordingId 123 -Path $AFile");
        Assert.Contains("Path", Assert.Single(errors).Exception.Message, StringComparison.Ordinal);
        (_, errors, _) = _sim.InvokeConnected("Save-RcRecording -RecordingId 123 -Path $Dir -FileNameTemplate '{Nope}'");
        Assert.Contains("FileNameTemplate", Assert.Single(errors).Exception.Message, StringComparison.Ordinal);
        (_, errors, _) = _sim.InvokeConnected("Save-RcRecording -RecordingId '../etc' -Path $Dir");
        Assert.Single(errors);
        (_, errors, _) = _sim.InvokeConnected("Get-RcRecording -RecordingId 'a:b'");
        Assert.Single(errors);
        Assert.DoesNotContain(await _sim.Requests(), r => ((string)r["path"]!).Contains("/recording", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_RcRecording_takes_the_recording_id_never_the_call_id_and_skips_records_without_recording()
    {
        await ResetStats();
        var (output, errors, verbose) = _sim.InvokeConnected(
            "$rec = Get-RcCallLog -Account -DateFrom (Get-Date).AddDays(-6) -RecordingType All -First 2\n" +
            "$none = Get-RcCallLog -Account -DateFrom (Get-Date).AddDays(-6) -First 300 | Where-Object { -not $_.RecordingId } | Select-Object -First 1\n" +
            "@($rec) + @($none) | Get-RcRecording -Verbose\n" +
            "$rec[0] | Select-Object Id, RecordingId, StartTime | Get-RcRecording\n" +
            "Get-RcRecording -RecordingId 999999999");
        Assert.Equal(3, output.Count);
        Assert.All(output, o => Assert.IsType<RecordingInfo>(o.BaseObject));
        Assert.All(output, o => Assert.Matches("^audio/(mpeg|wav)$", (string)Prop(o, "ContentType")!));
        Assert.True(verbose.Exists(v => v.Contains("has no recording", StringComparison.Ordinal)), string.Join("\n", verbose));
        var error = Assert.Single(errors);
        Assert.Equal("RecordingNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("999999999", error.TargetObject);

        var recordingPaths = (await _sim.Requests()).Select(r => (string)r["path"]!).Where(p => p.Contains("/recording/", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, recordingPaths.Count);
        var records = _sim.InvokeConnected($"{WithRecordings} -First 2").Output;
        var callIds = records.Select(r => (string)Prop(r, "Id")!).ToHashSet();
        Assert.DoesNotContain(recordingPaths, p => callIds.Contains(p[(p.LastIndexOf('/') + 1)..]));
    }

    [Fact]
    public async Task Stopping_is_prompt_and_leaves_no_incomplete_final_file()
    {
        await _sim.Config("""{"latencyMs":400}""");
        using var ps = PowerShell.Create();
        ps.Runspace = _sim.Runspace;
        ps.AddScript("Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $AdminJwt\n" +
            $"{WithRecordings} -First 30 | Save-RcRecording -Path $Dir -ThrottleLimit 4 -PassThru");
        var running = ps.BeginInvoke();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !(Directory.Exists(_dir) && Directory.GetFiles(_dir).Length >= 2))
        {
            await Task.Delay(20);
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        ps.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"Stop took {watch.Elapsed}");
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        _ = running;

        await _sim.Config("""{"latencyMs":0}""");
        var finals = Recordings();
        Assert.True(finals.Length < 30, "stopped before the end");
        foreach (var file in finals)
        {
            var id = Path.GetFileNameWithoutExtension(file).Split('_').Last();
            Assert.Equal(await _sim.TrueContent(id), File.ReadAllBytes(file));
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
