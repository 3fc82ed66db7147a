using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.Json;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Export.Checkpoints;
using RingCentral.CallLog.Json;
using RingCentral.CallLog.Tests.TestSupport;
using RingCentral.Simulator;
using Xunit;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>
/// Get-RcCallLog -Checkpoint runs in a hosted runspace against an in-process simulator, and the
/// simulator's ground truth to hold their output against.
/// </summary>
internal sealed class ChangeAwareRuns : IAsyncDisposable
{
    private ChangeAwareRuns(HostedModule sim, Runspace runspace, string directory, DateTimeOffset dateFrom)
    {
        Sim = sim;
        Runspace = runspace;
        Directory = directory;
        DateFrom = dateFrom;
    }

    public HostedModule Sim { get; }

    public Runspace Runspace { get; }

    public string Directory { get; }

    public DateTimeOffset DateFrom { get; }

    /// <summary>A simulator whose history ended an hour ago (every record listed), signed in as the admin.</summary>
    public static async Task<ChangeAwareRuns> StartAsync(int seed, Action<SimulatorOptions>? tweak = null)
    {
        var now = DateTimeOffset.UtcNow;
        var options = new SimulatorOptions
        {
            Seed = seed, Extensions = 4, CallsPerDay = 400, Days = 1, Heavy = "0/0", Light = "0/0", Auth = "0/0", StartTime = now.AddHours(-1),
        };
        tweak?.Invoke(options);
        var sim = await HostedModule.StartAsync(options);
        var runspace = sim.NewRunspace();
        HostedModule.Invoke(runspace, "Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $AdminJwt");
        var directory = Path.Combine(Path.GetTempPath(), "rc-change-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new ChangeAwareRuns(sim, runspace, directory, now.AddHours(-26));
    }

    public RcSession Session => ((RcConnection)HostedModule.Invoke(Runspace, "Get-RcConnection")[0].BaseObject).Session;

    /// <summary>
    /// One run; <paramref name="tail"/> is appended to the pipeline (say "| Select-Object -First 2").
    /// With <paramref name="complete"/>, a run that ended without a terminating error is followed by
    /// Complete-RcCheckpoint, as the recipe's script does once the rows are stored.
    /// </summary>
    public RunResult Run(string checkpoint, string extra = "", string tail = "", bool complete = true)
    {
        var result = Script($"Get-RcCallLog -Account -View Detailed -DateFrom $DateFrom -Checkpoint '{checkpoint}' -CheckpointSettleTime 0 {extra} {tail}");
        if (complete && result.Failure is null && result.Errors.Count == 0)
        {
            var completion = Script($"Complete-RcCheckpoint -Path '{checkpoint}'");
            Assert.Null(completion.Failure);
            Assert.Empty(completion.Errors);
        }

        return result;
    }

    /// <summary>Any script in the signed-in runspace: its output, warnings, errors and the exception that ended it.</summary>
    public RunResult Script(string script)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = Runspace;
        ps.AddScript(script);
        Runspace.SessionStateProxy.SetVariable("DateFrom", DateFrom.UtcDateTime);
        Collection<PSObject> output;
        Exception? failure = null;
        try
        {
            output = ps.Invoke();
        }
        catch (RuntimeException ex)
        {
            output = new Collection<PSObject>();
            failure = ex;
        }

        var errors = ps.Streams.Error.ToList();
        if (failure is IContainsErrorRecord ended)
        {
            errors.Add(ended.ErrorRecord);
        }

        return new RunResult(
            output.Select(o => o.BaseObject).ToList(),
            ps.Streams.Warning.Select(w => w.Message).ToList(),
            ps.Streams.Error.Select(e => e.ToString()).ToList(),
            failure)
        {
            ErrorRecords = errors,
        };
    }

    public Task HookAsync(string path, string json) => Sim.HookAsync(path, json);

    /// <summary>Every record the simulator holds that started in [DateFrom, until], mapped as the module maps a listed one.</summary>
    public async Task<List<(CallLogRecord Record, bool Deleted, DateTimeOffset VisibleAt)>> GroundTruthAsync(DateTimeOffset until)
    {
        var uri = $"{Sim.Info.Url}/_sim/records?dateFrom={Uri.EscapeDataString(DateFrom.UtcDateTime.ToString("o"))}&dateTo={Uri.EscapeDataString(until.UtcDateTime.ToString("o"))}";
        using var document = JsonDocument.Parse(await Sim.Hooks.GetStringAsync(new Uri(uri)));
        var records = new List<(CallLogRecord, bool, DateTimeOffset)>();
        foreach (var element in document.RootElement.GetProperty("records").EnumerateArray())
        {
            var record = ModelMapper.ToRecord(JsonSerializer.Deserialize(element.GetRawText(), WireJsonContext.Default.CallLogRecordDto)!);
            var hidden = element.GetProperty("_sim");
            records.Add((record, hidden.GetProperty("deleted").GetBoolean(), hidden.GetProperty("visibleAt").GetDateTimeOffset()));
        }

        return records;
    }

    public static DateTimeOffset HighWaterMark(string checkpoint)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(checkpoint));
        return DateTimeOffset.Parse(document.RootElement.GetProperty("highWaterMark").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Applies the runs' rows in order (last row per id wins) and holds the result against the
    /// ground truth up to the last run's mark: the same ids, every exposed field equal, the
    /// deleted ones marked Deleted.
    /// </summary>
    public async Task AssertOutputIsGroundTruthAsync(string checkpoint, params RunResult[] runs)
    {
        var latest = new Dictionary<string, CallLogRecord>(StringComparer.Ordinal);
        foreach (var record in runs.SelectMany(r => r.Records))
        {
            Assert.NotNull(record.ChangeType);
            latest[record.Id] = record;
        }

        // A call listed only after the last run's mark may or may not be in that run (it depends
        // on the instant its page was read); it is held to the ground truth only when exported.
        var mark = HighWaterMark(checkpoint);
        var all = await GroundTruthAsync(mark);
        // A record deleted before any run wrote it has no row to delete: absent is its final state.
        var truth = all.Where(t => t.VisibleAt <= mark || latest.ContainsKey(t.Record.Id))
            .Where(t => !t.Deleted || latest.ContainsKey(t.Record.Id)).ToList();
        Assert.True(truth.Count > 100, $"only {truth.Count} records in the ground truth");
        var missing = truth.Where(t => !latest.ContainsKey(t.Record.Id)).Select(t => t.Record.Id).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} not exported, e.g. " + string.Join(", ", missing.Take(5)));
        var extra = latest.Keys.Except(truth.Select(t => t.Record.Id)).ToList();
        Assert.True(extra.Count == 0, $"{extra.Count} of {latest.Count} exported but not in the ground truth ({truth.Count}, up to {HighWaterMark(checkpoint):o}), e.g. " + string.Join(", ", extra.Take(5).Select(id => id + " " + latest[id].StartTime.ToString("o"))));
        foreach (var (expected, deleted, _) in truth)
        {
            var row = latest[expected.Id];
            if (deleted)
            {
                Assert.Equal(CallLogChangeType.Deleted, row.ChangeType);
            }
            else
            {
                Assert.NotEqual(CallLogChangeType.Deleted, row.ChangeType);
            }

            // The hook writes every record's uri in its extension's form; the account-level listing
            // gives the account's. Every other exposed field must be equal.
            Assert.Equal(expected.Uri!.Replace("/extension/" + expected.ExtensionId, string.Empty, StringComparison.Ordinal), row.Uri);
            expected.Uri = row.Uri;
            var changeType = row.ChangeType;
            row.ChangeType = null;
            Assert.Equal(RecordFingerprint.CanonicalText(expected), RecordFingerprint.CanonicalText(row));
            row.ChangeType = changeType;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Sim.DisposeAsync();
        System.IO.Directory.Delete(Directory, true);
    }
}

/// <summary>What one run wrote: records (or raw changes), warnings, errors, and the exception that ended it.</summary>
internal sealed record RunResult(List<object> Output, List<string> Warnings, List<string> Errors, Exception? Failure)
{
    public IEnumerable<CallLogRecord> Records => Output.OfType<CallLogRecord>();

    /// <summary>The error records written, then the one of the exception that ended the run.</summary>
    public List<ErrorRecord> ErrorRecords { get; init; } = new();

    /// <summary>The first error of the run (statement-terminating errors of a script are written, not thrown).</summary>
    public ErrorRecord FirstError => Assert.IsAssignableFrom<ErrorRecord>(ErrorRecords.FirstOrDefault());
}
