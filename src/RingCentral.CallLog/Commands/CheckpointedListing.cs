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
/// window's end and narrows the query to the window; at the end, saves a complete run.
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
        if (run.Previous is { SourceVersion: 1 })
        {
            cmdlet.WriteWarning($"The checkpoint '{path}' was written by an earlier version (format 1: no record fingerprints). It is upgraded when this run completes; records of the change window written before are written once more, as Updated.");
        }

        return run;
    }

    /// <summary>
    /// Only a run that wrote every record of its window moves the checkpoint. A failed or stopped
    /// run is never marked complete, so the next run repeats the window.
    /// </summary>
    public static void Finish(GetRcCallLogCommand cmdlet, CheckpointRun run)
    {
        if (!run.IsComplete)
        {
            return;
        }

        run.Save();
        var changes = run.Changes;
        cmdlet.WriteVerbose($"Checkpoint '{run.Path}' now at {run.Until:o}: {changes.New} new, {changes.Updated} updated, {changes.Deleted} deleted records written; {changes.Unchanged} unchanged.");
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
        catch (ArgumentException ex) when (ex.ParamName == "DateFrom")
        {
            cmdlet.ThrowInvalidArgument(new ArgumentException(ex.Message + " Give -DateFrom for the first run.", nameof(cmdlet.DateFrom), ex), path);
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
