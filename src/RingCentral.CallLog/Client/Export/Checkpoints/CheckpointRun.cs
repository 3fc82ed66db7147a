using System;
using System.Collections.Generic;

namespace RingCentral.CallLog.Client.Export.Checkpoints;

/// <summary>
/// One incremental run of Get-RcCallLog -Checkpoint: its window, why each record is written, and
/// the checkpoint it leaves behind when (and only when) it completes.
/// </summary>
internal sealed class CheckpointRun : IDisposable
{
    private readonly string _filter;
    private readonly string _account;
    private CheckpointWriter? _writer;
    private ChangeTracker? _tracker;

    private CheckpointRun(string path, CallLogCheckpoint? previous, string filter, string account, DateTimeOffset? dateFrom)
    {
        Path = path;
        Previous = previous;
        _filter = filter;
        _account = account;
        DateFrom = dateFrom;
    }

    public string Path { get; }

    public CallLogCheckpoint? Previous { get; }

    public DateTimeOffset? DateFrom { get; }

    public DateTimeOffset From { get; private set; }

    public DateTimeOffset Until { get; private set; }

    public ChangeTracker Changes => _tracker ?? throw new InvalidOperationException("The run has not begun.");

    public bool IsComplete { get; private set; }

    /// <summary>Reads and checks the checkpoint (no request is sent before this succeeds).</summary>
    /// <exception cref="System.IO.InvalidDataException">The file is not a checkpoint.</exception>
    /// <exception cref="CheckpointMismatchException">It was made for other filters or another account.</exception>
    /// <exception cref="ArgumentException">There is no checkpoint yet and no start date.</exception>
    public static CheckpointRun Open(string path, string filter, string account, DateTimeOffset? dateFrom)
    {
        var previous = CallLogCheckpoint.Load(path);
        if (previous is null)
        {
            if (dateFrom is null)
            {
                throw new ArgumentException($"There is no checkpoint at '{path}' yet: the first run needs a start date, from which it backfills.", "DateFrom");
            }

            return new CheckpointRun(path, null, filter, account, dateFrom);
        }

        if (!string.Equals(previous.Filter, filter, StringComparison.Ordinal))
        {
            throw new CheckpointMismatchException($"The checkpoint '{path}' was made for other filters ({previous.Filter}) than this run's ({filter}). Use a checkpoint file per filter set.");
        }

        if (!string.Equals(previous.Account, account, StringComparison.Ordinal))
        {
            throw new CheckpointMismatchException($"The checkpoint '{path}' was made for another server, account or user ({previous.Account}) than this connection's ({account}). Use a checkpoint file per account.");
        }

        return new CheckpointRun(path, previous, filter, account, dateFrom);
    }

    /// <summary>
    /// Fixes the window: from the previous mark (or the earlier of it and <paramref name="until"/>,
    /// should a mark lie ahead of RingCentral's clock) minus the change window, to
    /// <paramref name="until"/>; and starts the next checkpoint beside the current one.
    /// </summary>
    public void Begin(DateTimeOffset until, TimeSpan changeWindow, bool newOnly)
    {
        if (Previous is null)
        {
            From = DateFrom!.Value;
        }
        else
        {
            var mark = Previous.HighWaterMark < until ? Previous.HighWaterMark : until;
            From = mark - changeWindow;

            // The export holds records from the first run's -DateFrom on, however far the window reaches.
            if (Previous.Since is { } since && since > From)
            {
                From = since;
            }
        }

        Until = until > From ? until : From;
        _writer = CallLogCheckpoint.BeginWrite(Path, _filter, _account, Previous is null ? From : Previous.Since, Until);
        var entries = Previous?.ReadEntries() ?? Array.Empty<CheckpointEntry>();
        var upgradedBefore = Previous is { SourceVersion: 1 } ? Previous.HighWaterMark : (DateTimeOffset?)null;
        _tracker = new ChangeTracker(entries, _writer, Until - changeWindow, newOnly, upgradedBefore);
    }

    public void MarkComplete() => IsComplete = true;

    /// <summary>Keeps the entries the listing did not show and puts the new checkpoint in place.</summary>
    public void Save()
    {
        if (!IsComplete || _writer is null)
        {
            throw new InvalidOperationException("Only a complete run moves the checkpoint.");
        }

        Changes.Finish();
        Changes.Dispose();
        _writer.Commit();
        _writer = null;
    }

    /// <summary>A run that did not complete leaves the checkpoint as it was.</summary>
    public void Dispose()
    {
        _tracker?.Dispose();
        _writer?.Dispose();
        _writer = null;
    }
}
