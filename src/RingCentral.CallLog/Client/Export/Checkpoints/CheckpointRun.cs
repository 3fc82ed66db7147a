using System;
using System.Collections.Generic;

namespace RingCentral.CallLog.Client.Export.Checkpoints;

/// <summary>
/// One incremental run of Get-RcCallLog -Checkpoint: its window, why each record is written, and
/// the state it leaves behind when (and only when) it completes: <c>&lt;checkpoint&gt;.pending</c>,
/// which Complete-RcCheckpoint promotes once the consumer has stored the rows. The checkpoint's
/// lock is held from <see cref="Open"/> to <see cref="Dispose"/>.
/// </summary>
internal sealed class CheckpointRun : IDisposable
{
    private readonly string _filter;
    private readonly string _account;
    private CheckpointLock? _lock;
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

    /// <summary>Where this run's state goes when it completes.</summary>
    public string PendingPath => CheckpointFiles.Pending(Path);

    /// <summary>When the run that left a pending state, never completed, wrote it (that state is discarded); otherwise null.</summary>
    public DateTimeOffset? AbandonedPendingAt { get; private set; }

    /// <summary>The run whose lock this run took over because its process had ended without releasing it; otherwise null.</summary>
    public LockHolder? LockTakenOverFrom { get; private set; }

    /// <summary>Temp files of killed runs deleted when this run began.</summary>
    public int StaleTempsRemoved { get; private set; }

    public CallLogCheckpoint? Previous { get; }

    public DateTimeOffset? DateFrom { get; }

    public DateTimeOffset From { get; private set; }

    public DateTimeOffset Until { get; private set; }

    public ChangeTracker Changes => _tracker ?? throw new InvalidOperationException("The run has not begun.");

    public bool IsComplete { get; private set; }

    /// <summary>
    /// Takes the checkpoint's lock, reads and checks the committed checkpoint (no request is sent
    /// before this succeeds), removes the temp files of killed runs, and discards a pending state
    /// that was never completed: this run starts from the committed state, so the rows of that run
    /// come again (duplicates, never loss).
    /// </summary>
    /// <exception cref="CheckpointInUseException">Another run holds the lock.</exception>
    /// <exception cref="System.IO.InvalidDataException">The file is not a checkpoint.</exception>
    /// <exception cref="CheckpointMismatchException">It was made for other filters or another account.</exception>
    /// <exception cref="CheckpointStartMissingException">There is no checkpoint yet and no start date.</exception>
    public static CheckpointRun Open(string path, string filter, string account, DateTimeOffset? dateFrom)
    {
        var held = CheckpointLock.Acquire(path);
        try
        {
            var run = OpenLocked(path, filter, account, dateFrom);
            run._lock = held;
            run.LockTakenOverFrom = held.TakenOverFrom;
            run.StaleTempsRemoved = CheckpointFiles.RemoveStaleTemps(System.IO.Path.GetFullPath(path));
            var pending = run.PendingPath;
            if (System.IO.File.Exists(pending))
            {
                run.AbandonedPendingAt = new DateTimeOffset(System.IO.File.GetLastWriteTimeUtc(pending), TimeSpan.Zero);
                System.IO.File.Delete(pending);
            }

            return run;
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    private static CheckpointRun OpenLocked(string path, string filter, string account, DateTimeOffset? dateFrom)
    {
        var previous = CallLogCheckpoint.Load(path);
        if (previous is null)
        {
            if (dateFrom is null)
            {
                throw new CheckpointStartMissingException($"There is no checkpoint at '{path}' yet: the first run needs a start date, from which it backfills.");
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
        _writer = CallLogCheckpoint.BeginWrite(PendingPath, _filter, _account, Previous is null ? From : Previous.Since, Until);
        var entries = Previous?.ReadEntries() ?? Array.Empty<CheckpointEntry>();
        var upgradedBefore = Previous is { SourceVersion: 1 } ? Previous.HighWaterMark : (DateTimeOffset?)null;
        _tracker = new ChangeTracker(entries, _writer, Until - changeWindow, newOnly, upgradedBefore);
    }

    public void MarkComplete() => IsComplete = true;

    /// <summary>Keeps the entries the listing did not show and puts the new state in place as <see cref="PendingPath"/>; the checkpoint itself is not touched.</summary>
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

    /// <summary>A run that did not complete leaves the checkpoint as it was; the lock is released.</summary>
    public void Dispose()
    {
        try
        {
            _tracker?.Dispose();
            _writer?.Dispose();
            _writer = null;
        }
        finally
        {
            _lock?.Dispose();
            _lock = null;
        }
    }
}
