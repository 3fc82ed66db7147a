using System;
using System.Globalization;
using System.Management.Automation;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Export.Checkpoints;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// A checkpointed Get-RcCallLog run, start and finish: refuses what cannot be combined with
/// -Checkpoint, reads the checkpoint (before any request), takes RingCentral's clock for the
/// window's end and narrows the query to the window; at the end, leaves a complete run's state
/// pending for Complete-RcCheckpoint.
/// </summary>
internal static class CheckpointedListing
{
    /// <summary>How far the client's clock may differ from RingCentral's before the run says so.</summary>
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(1);

    public static CheckpointRun Start(GetRcCallLogCommand cmdlet, CallLogQuery query, RcConnection connection, CallLogApi api)
    {
        Refuse(cmdlet);
        var path = cmdlet.GetUnresolvedProviderPathFromPSPath(cmdlet.Checkpoint);
        var account = connection.Server + "|account:" + connection.AccountId + (query.Scope.AccountLevel ? string.Empty : "|user:" + connection.ExtensionId);
        var run = Open(cmdlet, path, CallLogCheckpoint.DescribeFilter(query), account);
        try
        {
            var until = ServerNow(cmdlet, connection, api) - cmdlet.CheckpointSettleTime;
            run.Begin(until, cmdlet.ChangeWindow, cmdlet.NewOnly);
        }
        catch
        {
            run.Dispose();
            throw;
        }

        query.DateFrom = run.From;
        query.DateTo = run.Until;

        // Deleted records are listed only when asked for; a change-aware run must see them.
        query.ShowDeleted |= !cmdlet.NewOnly;
        var mode = cmdlet.NewOnly ? "new records only" : "new, updated and deleted records";
        cmdlet.WriteVerbose(run.Previous is null
            ? $"No checkpoint at '{path}' yet: backfilling from -DateFrom {run.From:o} to {run.Until:o} ({mode})."
            : $"Checkpoint '{path}' at {run.Previous.HighWaterMark:o} (format version {run.Previous.SourceVersion}, {run.Previous.EntryCount} records of the window remembered): reading {run.From:o} to {run.Until:o} ({mode}).");
        if (run.AbandonedPendingAt is { } abandoned)
        {
            cmdlet.WriteWarning($"A run at {abandoned.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z left a state in '{run.PendingPath}' that was never completed with Complete-RcCheckpoint (its consumer may have failed). This run starts from the committed checkpoint, so the records that run wrote are written again.");
        }

        if (run.LockTakenOverFrom is { } gone)
        {
            cmdlet.WriteVerbose($"The lock of the checkpoint was left by process {gone.ProcessId} on {gone.Host} (since {gone.Since:o}), which ended without releasing it: taken over.");
        }

        if (run.StaleTempsRemoved > 0)
        {
            cmdlet.WriteVerbose($"Removed {run.StaleTempsRemoved} temp file(s) that killed runs of this checkpoint left.");
        }

        if (run.Previous is { SourceVersion: 1 })
        {
            cmdlet.WriteWarning($"The checkpoint '{path}' was written by an earlier version (format 1: no record fingerprints). It is upgraded when this run completes; records of the change window written before are written once more, as Updated.");
        }

        return run;
    }

    /// <summary>
    /// Only a run that wrote every record of its window leaves a pending state (the checkpoint
    /// moves when Complete-RcCheckpoint promotes it). A failed or stopped run is never marked
    /// complete, so the next run repeats the window.
    /// </summary>
    public static void Finish(GetRcCallLogCommand cmdlet, CheckpointRun run)
    {
        if (!run.IsComplete)
        {
            return;
        }

        run.Save();
        var changes = run.Changes;
        cmdlet.WriteVerbose($"Run complete up to {run.Until:o}: {changes.New} new, {changes.Updated} updated, {changes.Deleted} deleted records written; {changes.Unchanged} unchanged; {changes.DeletedNeverWritten} deleted before they were ever written (not written). The new state is in '{run.PendingPath}'; the checkpoint moves when 'Complete-RcCheckpoint -Path {run.Path}' runs after the rows are stored.");
    }

    private static void Refuse(GetRcCallLogCommand cmdlet)
    {
        if (cmdlet.DateTo is not null)
        {
            cmdlet.ThrowInvalidArgument(new ArgumentException("-DateTo cannot be used with -Checkpoint: a checkpointed run always reads up to RingCentral's now minus -CheckpointSettleTime.", nameof(cmdlet.DateTo)), cmdlet.DateTo);
        }

        if (cmdlet.PagingParameters is { } paging && (paging.First != ulong.MaxValue || paging.Skip != 0))
        {
            cmdlet.ThrowInvalidArgument(new ArgumentException("-First and -Skip cannot be used with -Checkpoint: a checkpoint moves only after a complete run.", nameof(cmdlet.Checkpoint)), cmdlet.Checkpoint);
        }

        if (cmdlet.ChangeWindow <= TimeSpan.Zero || cmdlet.CheckpointSettleTime < TimeSpan.Zero)
        {
            cmdlet.ThrowInvalidArgument(new ArgumentException("-ChangeWindow must be positive and -CheckpointSettleTime cannot be negative.", nameof(cmdlet.ChangeWindow)), cmdlet.ChangeWindow);
        }
    }

    private static CheckpointRun Open(GetRcCallLogCommand cmdlet, string path, string filter, string account)
    {
        try
        {
            return CheckpointRun.Open(path, filter, account, CallLogListingCmdlet.ToOffset(cmdlet.DateFrom));
        }
        catch (CheckpointInUseException ex)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.CheckpointInUse, ErrorCategory.ResourceBusy, path));
            throw;
        }
        catch (System.IO.InvalidDataException ex)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.CheckpointInvalid, ErrorCategory.InvalidData, path));
            throw;
        }
        catch (CheckpointMismatchException ex)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.CheckpointMismatch, ErrorCategory.InvalidArgument, path));
            throw;
        }
        catch (CheckpointStartMissingException ex)
        {
            cmdlet.ThrowInvalidArgument(new ArgumentException(ex.Message + " " + Hints.ForCheckpointStart, nameof(cmdlet.DateFrom), ex), path);
            throw;
        }
    }

    /// <summary>
    /// RingCentral's clock (the Date of its answer), with a warning when the client's differs by
    /// more than a minute: a client clock ahead would otherwise store a mark in the future, and
    /// the calls of that gap would never be asked for again.
    /// </summary>
    private static DateTimeOffset ServerNow(GetRcCallLogCommand cmdlet, RcConnection connection, CallLogApi api)
    {
        DateTimeOffset? server;
        try
        {
            server = cmdlet.Run(ct => api.GetServerDateAsync(cmdlet.RcEvents, ct));
        }
        catch (RcApiException ex)
        {
            cmdlet.ThrowTerminating(ex.Rephrase(ex.Kind, ex.Message + " The checkpointed run could not read RingCentral's clock; nothing was written and the checkpoint is unchanged."), cmdlet.Checkpoint);
            throw;
        }

        var client = ClientClock.UtcNow(connection.Session);
        if (server is null)
        {
            cmdlet.WriteWarning("RingCentral's answer carried no Date header; this run's window ends by the client's clock.");
            return client;
        }

        var skew = client - server.Value;
        if (skew.Duration() > ClockTolerance)
        {
            var off = skew.Duration();
            var amount = string.Format(CultureInfo.InvariantCulture, "{0}h {1:00}m {2:00}s", (int)off.TotalHours, off.Minutes, off.Seconds);
            cmdlet.WriteWarning($"This computer's clock is {amount} {(skew > TimeSpan.Zero ? "ahead of" : "behind")} RingCentral's ({server.Value:o}). The run's window follows RingCentral's clock; fix the local clock for correct times elsewhere.");
        }

        return server.Value;
    }
}
