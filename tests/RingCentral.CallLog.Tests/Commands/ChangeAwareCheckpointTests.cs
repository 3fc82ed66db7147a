using System.Security.Cryptography;
using RingCentral.CallLog.Client;
using Xunit;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>
/// Checkpointed runs follow changes: the rows of several runs, applied in order, are exactly the
/// simulator's final state, by RingCentral's clock, whatever happens between and during runs.
/// </summary>
public class ChangeAwareCheckpointTests
{
    [Fact]
    public async Task Three_runs_with_new_late_long_changed_and_deleted_calls_give_the_final_state()
    {
        await using var runs = await ChangeAwareRuns.StartAsync(seed: 31);
        var checkpoint = Path.Combine(runs.Directory, "three.json");
        var run1 = runs.Run(checkpoint);
        Assert.Null(run1.Failure);
        Assert.True(run1.Records.Count() > 100);
        Assert.All(run1.Records, r => Assert.NotEqual(CallLogChangeType.Updated, r.ChangeType));

        await runs.HookAsync("calls", """{"count":5,"endedSecondsAgo":0,"visibleAfterSeconds":0}""");                        // new
        await runs.HookAsync("calls", """{"count":3,"endedSecondsAgo":1800,"visibleAfterSeconds":0}""");                     // listed late, under a start before the mark
        var changed = (await Modified(runs, "recording")).Concat(await Modified(runs, "result")).ToList();
        var deleted = await Modified(runs, "delete");
        // Added after the changes, so no deletion can fall on it (which of the calls they pick depends on the hour).
        await runs.HookAsync("calls", """{"count":1,"endedSecondsAgo":0,"visibleAfterSeconds":0,"durationSeconds":10800}"""); // a 3-hour call, listed when it ends
        var run2 = runs.Run(checkpoint);
        Assert.Null(run2.Failure);
        Assert.Contains(run2.Records, r => r.ChangeType == CallLogChangeType.New && r.Duration == 10800);

        // The other calls just added may be among those changed or deleted: never written before, they come
        // as New (changed) or not at all (deleted). Every other changed call comes as Updated, every
        // other deleted call as Deleted.
        var writtenBefore = run1.Records.Select(r => r.Id).ToHashSet();
        var typeOf = run2.Records.ToDictionary(r => r.Id, r => r.ChangeType);
        Assert.Equal(8, changed.Count);
        Assert.All(changed.Except(deleted), id => Assert.Equal(writtenBefore.Contains(id) ? CallLogChangeType.Updated : CallLogChangeType.New, typeOf[id]));
        Assert.Equal(4, deleted.Count);
        Assert.Equal(
            deleted.Where(writtenBefore.Contains).Order(),
            run2.Records.Where(r => r.ChangeType == CallLogChangeType.Deleted && deleted.Contains(r.Id)).Select(r => r.Id).Order());
        Assert.DoesNotContain(run2.Records, r => deleted.Contains(r.Id) && r.ChangeType != CallLogChangeType.Deleted);

        await runs.HookAsync("calls", """{"count":4,"endedSecondsAgo":0,"visibleAfterSeconds":0}""");
        await runs.HookAsync("modify", """{"count":6,"kind":"mix"}""");
        var run3 = runs.Run(checkpoint);
        Assert.Null(run3.Failure);

        await runs.AssertOutputIsGroundTruthAsync(checkpoint, run1, run2, run3);

        // Nothing changed since: a fourth run writes nothing.
        Assert.Empty(runs.Run(checkpoint).Output);
    }

    [Fact]
    public async Task Three_runs_over_a_live_simulator_that_changes_records_during_the_runs_give_the_final_state()
    {
        // Live mode: calls end every 5 s, and a listed record changes every 0.2 s (recordings
        // attached, results corrected, deletions), during the runs as well as between them.
        await using var runs = await ChangeAwareRuns.StartAsync(seed: 36, o =>
        {
            o.Live = true;
            o.LiveChangeEverySeconds = 0.2;
        });
        var checkpoint = Path.Combine(runs.Directory, "live.json");
        var run1 = runs.Run(checkpoint);
        await Task.Delay(3000);
        await runs.HookAsync("calls", """{"count":2,"endedSecondsAgo":1800,"visibleAfterSeconds":0}""");
        await runs.HookAsync("calls", """{"count":1,"endedSecondsAgo":0,"visibleAfterSeconds":0,"durationSeconds":10800}""");
        var run2 = runs.Run(checkpoint);
        await Task.Delay(3000);

        // The final state: live mode holds still, and the third run reads it.
        await runs.HookAsync("config", """{"livePaused":true}""");
        var run3 = runs.Run(checkpoint);
        Assert.All(new[] { run1, run2, run3 }, r => Assert.Null(r.Failure));
        Assert.Contains(run2.Records.Concat(run3.Records), r => r.ChangeType == CallLogChangeType.Updated);
        Assert.Contains(run2.Records.Concat(run3.Records), r => r.ChangeType == CallLogChangeType.Deleted);
        await runs.AssertOutputIsGroundTruthAsync(checkpoint, run1, run2, run3);
    }

    [Fact]
    public async Task A_client_clock_three_hours_ahead_loses_nothing_and_warns_once_per_run()
    {
        await using var runs = await ChangeAwareRuns.StartAsync(seed: 32);
        ClientClock.Override(runs.Session, () => DateTimeOffset.UtcNow.AddHours(3));
        var checkpoint = Path.Combine(runs.Directory, "ahead.json");
        var run1 = runs.Run(checkpoint);
        Assert.Null(run1.Failure);
        Assert.Single(run1.Warnings, w => w.Contains("ahead of RingCentral's", StringComparison.Ordinal));
        Assert.Single(run1.Warnings);

        // The mark follows RingCentral's clock, so it is not in the future...
        Assert.True(ChangeAwareRuns.HighWaterMark(checkpoint) <= DateTimeOffset.UtcNow);

        // ...and calls that end after the first run are exported by the second.
        await runs.HookAsync("calls", """{"count":5,"endedSecondsAgo":0,"visibleAfterSeconds":0}""");
        await runs.HookAsync("calls", """{"count":1,"endedSecondsAgo":0,"visibleAfterSeconds":0,"durationSeconds":10800}""");
        var run2 = runs.Run(checkpoint);
        Assert.Single(run2.Warnings);
        Assert.True(run2.Records.Count(r => r.ChangeType == CallLogChangeType.New) >= 6);
        await runs.AssertOutputIsGroundTruthAsync(checkpoint, run1, run2);
    }

    [Fact]
    public async Task Stopped_failed_and_downstream_failed_runs_leave_the_checkpoint_and_the_next_run_misses_nothing()
    {
        await using var runs = await ChangeAwareRuns.StartAsync(seed: 33);
        var checkpoint = Path.Combine(runs.Directory, "stopped.json");
        var run1 = runs.Run(checkpoint);
        var before = Hash(checkpoint);
        await runs.HookAsync("calls", """{"count":5,"endedSecondsAgo":0,"visibleAfterSeconds":0}""");
        await runs.HookAsync("modify", """{"count":6,"kind":"mix"}""");

        // Downstream failure (say a full disk under Export-Csv) after 2 rows.
        var downstream = runs.Run(checkpoint, tail: "| ForEach-Object -Begin { $n = 0 } -Process { if (++$n -eq 2) { throw 'disk full' } }");
        Assert.Contains("disk full", downstream.Failure?.Message ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(before, Hash(checkpoint));

        // Stopped from downstream.
        Assert.Equal(2, runs.Run(checkpoint, tail: "| Select-Object -First 2", complete: false).Output.Count);
        Assert.Equal(before, Hash(checkpoint));

        // Failed: the listing answers 503 until the retries run out.
        await runs.HookAsync("faults", """{"kind":"status","status":503,"path":"/call-log","count":50}""");
        var failed = runs.Run(checkpoint);
        Assert.True(failed.Failure is not null || failed.Errors.Count > 0);
        Assert.Equal(before, Hash(checkpoint));
        await runs.Sim.Hook("faults", method: HttpMethod.Delete);

        // Nothing beside the checkpoint but its (released, empty) lock: no pending state, no temp file.
        Assert.Equal(new[] { checkpoint, checkpoint + ".lock" }, Directory.GetFiles(runs.Directory).Order(StringComparer.Ordinal));
        Assert.Equal(0, new FileInfo(checkpoint + ".lock").Length);
        var run2 = runs.Run(checkpoint);
        Assert.Null(run2.Failure);
        await runs.AssertOutputIsGroundTruthAsync(checkpoint, run1, run2);
    }

    [Fact]
    public async Task NewOnly_writes_each_id_once_and_ignores_changes()
    {
        await using var runs = await ChangeAwareRuns.StartAsync(seed: 34);
        var checkpoint = Path.Combine(runs.Directory, "new-only.json");
        var run1 = runs.Run(checkpoint, "-NewOnly");
        Assert.All(run1.Records, r => Assert.Equal(CallLogChangeType.New, r.ChangeType));
        Assert.DoesNotContain(run1.Records, r => r.Deleted);
        // Changed before the calls are added: a change could otherwise fall on a new call, which -NewOnly
        // writes with the change already in it, and which the change-aware run then rightly does not repeat.
        await runs.HookAsync("modify", """{"count":6,"kind":"mix"}""");
        var added = await runs.Sim.Hook("calls", new { count = 3, endedSecondsAgo = 0, visibleAfterSeconds = 0 });
        var addedIds = added["added"]!.AsArray().Select(e => (string?)e).ToHashSet();
        var run2 = runs.Run(checkpoint, "-NewOnly");
        Assert.All(run2.Records, r => Assert.Equal(CallLogChangeType.New, r.ChangeType));
        Assert.Empty(run1.Records.Select(r => r.Id).Intersect(run2.Records.Select(r => r.Id)));
        Assert.Superset(addedIds!, run2.Records.Select(r => r.Id).ToHashSet());

        // The same checkpoint, change-aware again: what -NewOnly ignored comes now.
        var run3 = runs.Run(checkpoint);
        Assert.True(run3.Records.Count(r => r.ChangeType != CallLogChangeType.New) >= 6);
        await runs.AssertOutputIsGroundTruthAsync(checkpoint, run1, run2, run3);
    }

    [Fact]
    public async Task Raw_runs_carry_the_change_type_beside_the_json()
    {
        await using var runs = await ChangeAwareRuns.StartAsync(seed: 35);
        var checkpoint = Path.Combine(runs.Directory, "raw.json");
        var run1 = runs.Run(checkpoint, "-Raw");
        var rows = run1.Output.OfType<CallLogRawChange>().ToList();
        Assert.Equal(run1.Output.Count, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("{", r.Json, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains("\"id\":\"" + r.Id + "\"", r.Json, StringComparison.Ordinal));
        await runs.HookAsync("modify", """{"count":3,"kind":"delete"}""");
        var deleted = runs.Run(checkpoint, "-Raw").Output.OfType<CallLogRawChange>().ToList();
        Assert.Equal(3, deleted.Count(r => r.ChangeType == CallLogChangeType.Deleted));
        Assert.All(deleted, r => Assert.Contains("\"deleted\":true", r.Json, StringComparison.Ordinal));
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Changes <c>count</c> listed records of one kind through the hook; their ids.</summary>
    private static async Task<List<string>> Modified(ChangeAwareRuns runs, string kind, int count = 4) =>
        (await runs.Sim.Hook("modify", new { count, kind }))["modified"]!.AsArray().Select(n => (string)n!).ToList();
}
