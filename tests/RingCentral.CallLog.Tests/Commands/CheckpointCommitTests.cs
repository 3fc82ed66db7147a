using System.Management.Automation;
using System.Security.Cryptography;
using RingCentral.CallLog.Client;
using Xunit;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>
/// A checkpointed run moves the checkpoint only past rows that are safely stored: it leaves its
/// state pending until Complete-RcCheckpoint, holds a lock for the whole run, writes Deleted only
/// for ids it wrote, and clears the temp files killed runs left.
/// </summary>
public class CheckpointCommitTests
{
    [Fact]
    public async Task A_run_leaves_the_checkpoint_as_it_was_and_a_run_after_an_uncompleted_one_writes_its_rows_again()
    {
        await using var runs = await ChangeAwareRuns.StartAsync(seed: 41);
        var checkpoint = Path.Combine(runs.Directory, "two-step.json");
        var run1 = runs.Run(checkpoint);
        var committed = Hash(checkpoint);
        Assert.False(File.Exists(checkpoint + ".pending"));

        await runs.HookAsync("calls", """{"count":5,"endedSecondsAgo":0,"visibleAfterSeconds":0}""");
        await runs.HookAsync("modify", """{"count":4,"kind":"result"}""");

        // The consumer failed at its end (the script never reached Complete-RcCheckpoint).
        var lost = runs.Run(checkpoint, complete: false);
        Assert.Null(lost.Failure);
        Assert.True(lost.Records.Count() >= 9, $"{lost.Records.Count()} rows");
        Assert.Equal(committed, Hash(checkpoint));
        Assert.True(File.Exists(checkpoint + ".pending"));

        // The next run starts from the committed state: the rows come again, and it says why, once.
        var again = runs.Run(checkpoint, complete: false);
        Assert.Null(again.Failure);
        Assert.Superset(again.Records.Select(r => r.Id).ToHashSet(), lost.Records.Select(r => r.Id).ToHashSet());
        var warning = Assert.Single(again.Warnings, w => w.Contains("never completed", StringComparison.Ordinal));
        Assert.Contains(File.GetLastWriteTimeUtc(checkpoint + ".pending").ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), warning, StringComparison.Ordinal);
        Assert.Equal(committed, Hash(checkpoint));

        // Completed now: the checkpoint moves, the pending state is gone, and nothing is missed.
        Assert.Empty(runs.Script($"Complete-RcCheckpoint -Path '{checkpoint}'").ErrorRecords);
        Assert.NotEqual(committed, Hash(checkpoint));
        Assert.False(File.Exists(checkpoint + ".pending"));
        await runs.AssertOutputIsGroundTruthAsync(checkpoint, run1, again);
        Assert.Empty(runs.Run(checkpoint).Output);
    }

    [Fact]
    public async Task Complete_RcCheckpoint_refuses_a_missing_or_foreign_pending_state_and_WhatIf_changes_nothing()
    {
        await using var runs = await ChangeAwareRuns.StartAsync(seed: 42);
        var checkpoint = Path.Combine(runs.Directory, "complete.json");
        runs.Run(checkpoint);
        var committed = Hash(checkpoint);

        var none = runs.Script($"Complete-RcCheckpoint -Path '{checkpoint}'");
        var error = none.FirstError;
        Assert.Equal("CheckpointNotPending,RingCentral.CallLog.Commands.CompleteRcCheckpointCommand", error.FullyQualifiedErrorId);
        Assert.Contains("-Path", error.Exception.Message, StringComparison.Ordinal);

        runs.Run(checkpoint, complete: false);
        var pending = Hash(checkpoint + ".pending");
        Assert.Empty(runs.Script($"Complete-RcCheckpoint -Path '{checkpoint}' -WhatIf").ErrorRecords);
        Assert.Equal(committed, Hash(checkpoint));
        Assert.Equal(pending, Hash(checkpoint + ".pending"));

        File.WriteAllText(checkpoint + ".pending", "{\"not\":\"a checkpoint\"}");
        var wrong = runs.Script($"Complete-RcCheckpoint -Path '{checkpoint}'");
        error = wrong.FirstError;
        Assert.StartsWith("CheckpointInvalid,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("-Path", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(committed, Hash(checkpoint));

        var folder = runs.Script($"Complete-RcCheckpoint -Path '{runs.Directory}'");
        Assert.StartsWith("InvalidArgumentPath,", folder.FirstError.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_run_while_the_first_is_running_fails_at_once_with_CheckpointInUse_naming_the_process()
    {
        await using var runs = await ChangeAwareRuns.StartAsync(seed: 43);
        var checkpoint = Path.Combine(runs.Directory, "overlap.json");

        // The first run is held mid-way by its consumer, in another runspace of this process.
        using var first = PowerShell.Create();
        first.Runspace = runs.Sim.NewRunspace();
        first.AddScript($"Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $AdminJwt; Get-RcCallLog -Account -DateFrom '{runs.DateFrom.UtcDateTime:o}' -View Detailed -Checkpoint '{checkpoint}' -CheckpointSettleTime 0 | ForEach-Object {{ Start-Sleep -Milliseconds 20 }}");
        var running = first.BeginInvoke();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(File.Exists(checkpoint + ".lock") && new FileInfo(checkpoint + ".lock").Length > 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var second = runs.Run(checkpoint, complete: false);
        var error = second.FirstError;
        Assert.Equal("CheckpointInUse,RingCentral.CallLog.Commands.GetRcCallLogCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
        Assert.Contains($"process {Environment.ProcessId} on {Environment.MachineName} since {DateTime.UtcNow:yyyy-MM-dd}", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(second.Records);
        var completing = runs.Script($"Complete-RcCheckpoint -Path '{checkpoint}'");
        Assert.StartsWith("CheckpointInUse,", completing.FirstError.FullyQualifiedErrorId, StringComparison.Ordinal);

        first.EndInvoke(running);
        Assert.True(first.Streams.Error.Count == 0, string.Join("; ", first.Streams.Error));
        Assert.False(File.Exists(checkpoint));
        Assert.Empty(runs.Script($"Complete-RcCheckpoint -Path '{checkpoint}'").ErrorRecords);
        Assert.Empty(runs.Run(checkpoint).ErrorRecords);
    }

    [Fact]
    public async Task Deleted_rows_come_only_for_ids_the_checkpoint_wrote_before()
    {
        await using var runs = await ChangeAwareRuns.StartAsync(seed: 44);
        var early = Path.Combine(runs.Directory, "early.json");
        runs.Run(early);

        // Deleted before the second checkpoint's first run: that run must not write them.
        var deletedFirst = (await runs.Sim.Hook("modify", new { count = 6, kind = "delete" }))["modified"]!.AsArray().Select(n => (string)n!).ToList();
        var fresh = Path.Combine(runs.Directory, "fresh.json");
        var first = runs.Run(fresh);
        Assert.DoesNotContain(first.Records, r => r.ChangeType == CallLogChangeType.Deleted);
        Assert.Empty(first.Records.Select(r => r.Id).Intersect(deletedFirst));

        // The older checkpoint wrote them: it writes them as Deleted, once.
        var later = runs.Run(early);
        Assert.Equal(deletedFirst.Order(StringComparer.Ordinal), later.Records.Where(r => r.ChangeType == CallLogChangeType.Deleted).Select(r => r.Id).Order(StringComparer.Ordinal));

        // Deleted after the fresh checkpoint wrote them: Deleted rows for exactly those.
        var deletedThen = (await runs.Sim.Hook("modify", new { count = 3, kind = "delete" }))["modified"]!.AsArray().Select(n => (string)n!).ToList();
        var second = runs.Run(fresh);
        Assert.Equal(deletedThen.Order(StringComparer.Ordinal), second.Records.Where(r => r.ChangeType == CallLogChangeType.Deleted).Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Empty(runs.Run(fresh).Output);
    }

    [Fact]
    public async Task The_next_run_removes_the_temp_files_killed_runs_left_and_only_those()
    {
        await using var runs = await ChangeAwareRuns.StartAsync(seed: 45);
        var checkpoint = Path.Combine(runs.Directory, "cp.json");
        runs.Run(checkpoint);
        var stale = new[] { checkpoint + ".1a2b3c4d.tmp", checkpoint + ".pending.0badf00d.tmp" };
        var others = new[] { checkpoint + ".notes.tmp", Path.Combine(runs.Directory, "other.json.1a2b3c4d.tmp"), checkpoint + ".1A2B3C4D.tmp.keep" };
        foreach (var file in stale.Concat(others))
        {
            File.WriteAllText(file, file.EndsWith("0badf00d.tmp", StringComparison.Ordinal) ? string.Empty : "[\"x\",1,\"0\"],\n");
        }

        Assert.Null(runs.Run(checkpoint).Failure);
        Assert.All(stale, f => Assert.False(File.Exists(f), f));
        Assert.All(others, f => Assert.True(File.Exists(f), f));
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
