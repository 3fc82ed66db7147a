using System;
using System.Collections.Generic;
using RingCentral.CallLog.Client;

namespace RingCentral.CallLog.Commands;

/// <summary>A checkpoint made for other filters or another account than this run's.</summary>
public sealed class CheckpointMismatchException : Exception
{
    public CheckpointMismatchException()
    {
    }

    public CheckpointMismatchException(string message)
        : base(message)
    {
    }

    public CheckpointMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// One incremental run of Get-RcCallLog -Checkpoint: its window, the ids it must not write again,
/// and the checkpoint it leaves behind when (and only when) it completes.
/// </summary>
internal sealed class CheckpointRun
{
    private readonly Dictionary<string, DateTimeOffset> _delivered;
    private readonly string _filter;
    private readonly string _account;
    private readonly TimeSpan _overlap;

    private CheckpointRun(string path, CallLogCheckpoint? previous, string filter, string account, DateTimeOffset from, DateTimeOffset until, TimeSpan overlap)
    {
        Path = path;
        Previous = previous;
        _filter = filter;
        _account = account;
        From = from;
        Until = until;
        _overlap = overlap;
        _delivered = previous is null ? new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal) : new Dictionary<string, DateTimeOffset>(previous.Delivered, StringComparer.Ordinal);
    }

    public string Path { get; }

    public CallLogCheckpoint? Previous { get; }

    public DateTimeOffset From { get; }

    public DateTimeOffset Until { get; }

    public int Written { get; private set; }

    public bool IsComplete { get; private set; }

    /// <exception cref="System.IO.InvalidDataException">The file is not a checkpoint.</exception>
    /// <exception cref="CheckpointMismatchException">It was made for other filters or another account.</exception>
    /// <exception cref="ArgumentException">There is no checkpoint yet and no -DateFrom to start from.</exception>
    public static CheckpointRun Start(string path, string filter, string account, DateTimeOffset? dateFrom, TimeSpan overlap, DateTimeOffset until)
    {
        var previous = CallLogCheckpoint.Load(path);
        if (previous is null)
        {
            if (dateFrom is null)
            {
                throw new ArgumentException($"There is no checkpoint at '{path}' yet: give -DateFrom for the first run, which backfills from that date.", "DateFrom");
            }

            return new CheckpointRun(path, null, filter, account, dateFrom.Value, until, overlap);
        }

        if (!string.Equals(previous.Filter, filter, StringComparison.Ordinal))
        {
            throw new CheckpointMismatchException($"The checkpoint '{path}' was made for other filters ({previous.Filter}) than this run's ({filter}). Use a checkpoint file per filter set.");
        }

        if (!string.Equals(previous.Account, account, StringComparison.Ordinal))
        {
            throw new CheckpointMismatchException($"The checkpoint '{path}' was made for another server, account or user ({previous.Account}) than this connection's ({account}). Use a checkpoint file per account.");
        }

        var from = previous.HighWaterMark - overlap;
        return new CheckpointRun(path, previous, filter, account, from, until > from ? until : from, overlap);
    }

    /// <summary>True for a record not written before (by id); remembers it.</summary>
    public bool Accept(CallLogRecord record)
    {
        if (_delivered.ContainsKey(record.Id))
        {
            return false;
        }

        _delivered[record.Id] = record.StartTime;
        Written++;
        return true;
    }

    public void MarkComplete() => IsComplete = true;

    public void Save() => CallLogCheckpoint.Advance(_filter, _account, Until, _overlap, _delivered).Save(Path);
}
