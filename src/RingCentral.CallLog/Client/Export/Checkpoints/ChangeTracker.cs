using System;
using System.Collections.Generic;

namespace RingCentral.CallLog.Client.Export.Checkpoints;

/// <summary>
/// Compares a run's listing with what the checkpoint says was written, record by record, and
/// writes the next checkpoint's entries as it goes. Both come newest first (RingCentral lists by
/// start time, descending), so the two are merged like sorted lists: only the entries that share
/// one start time are held at once, and memory stays flat however large the window.
/// </summary>
internal sealed class ChangeTracker : IDisposable
{
    private readonly IEnumerator<CheckpointEntry> _previous;
    private readonly CheckpointWriter _next;
    private readonly long _keepFromMs;
    private readonly bool _newOnly;
    private readonly long? _upgradedBeforeMs;
    private readonly Dictionary<string, CheckpointEntry> _sameStart = new(StringComparer.Ordinal);
    private long _groupStartMs = long.MaxValue;
    private bool _hasPeeked;
    private bool _previousEnded;

    /// <param name="previous">The checkpoint's entries, newest first (empty on the first run).</param>
    /// <param name="next">Where the entries the next run needs go.</param>
    /// <param name="keepFrom">The next run's window start: older entries are not kept.</param>
    /// <param name="newOnly">Each id once; changes and deletions are not written.</param>
    /// <param name="upgradedBefore">For a version 1 checkpoint, its mark: everything before it was written then.</param>
    public ChangeTracker(IEnumerable<CheckpointEntry> previous, CheckpointWriter next, DateTimeOffset keepFrom, bool newOnly, DateTimeOffset? upgradedBefore)
    {
        _previous = previous.GetEnumerator();
        _next = next;
        _keepFromMs = keepFrom.ToUnixTimeMilliseconds();
        _newOnly = newOnly;
        _upgradedBeforeMs = upgradedBefore?.ToUnixTimeMilliseconds();
    }

    public int New { get; private set; }

    public int Updated { get; private set; }

    public int Deleted { get; private set; }

    public int Unchanged { get; private set; }

    /// <summary>Deleted records this checkpoint had not written: not written now either.</summary>
    public int DeletedNeverWritten { get; private set; }

    /// <summary>Listed after a record that started later: compared with nothing, written as Updated.</summary>
    public int OutOfOrder { get; private set; }

    /// <summary>Entries of the window the listing no longer showed; kept, so nothing is concluded from their absence.</summary>
    public int NotListed { get; private set; }

    /// <summary>The most previous entries held at once (those sharing one start time): what memory grows with.</summary>
    public int PeakHeld { get; private set; }

    /// <summary>Why <paramref name="record"/> is written, or null when it is not (unchanged, or known in -NewOnly).</summary>
    public CallLogChangeType? Classify(CallLogRecord record)
    {
        var startMs = record.StartTime.ToUnixTimeMilliseconds();
        if (startMs > _groupStartMs)
        {
            // RingCentral lists newest first; a record out of that order cannot be matched with
            // the (already passed) entries of its start time. Written with its current values.
            OutOfOrder++;
            Updated++;
            return CallLogChangeType.Updated;
        }

        MoveTo(startMs);
        var fingerprint = RecordFingerprint.Of(record);
        CallLogChangeType? change;
        ulong written;
        if (_sameStart.TryGetValue(record.Id, out var known))
        {
            _sameStart.Remove(record.Id);
            if (_newOnly || known.Fingerprint == fingerprint)
            {
                change = null;
                written = known.Fingerprint;
                Unchanged++;
            }
            else
            {
                change = record.Deleted ? CallLogChangeType.Deleted : CallLogChangeType.Updated;
                written = fingerprint;
            }
        }
        else
        {
            var upgraded = _upgradedBeforeMs is long before && startMs < before;
            if (record.Deleted && !_newOnly && !upgraded)
            {
                // Deleted before this checkpoint ever wrote it: there is no row to delete
                // downstream, so nothing is written, and nothing is remembered (it stays deleted).
                DeletedNeverWritten++;
                return null;
            }

            written = fingerprint;
            change = _newOnly ? CallLogChangeType.New
                : record.Deleted ? CallLogChangeType.Deleted
                : upgraded ? CallLogChangeType.Updated
                : CallLogChangeType.New;
        }

        Keep(new CheckpointEntry(record.Id, startMs, written));
        switch (change)
        {
            case CallLogChangeType.New: New++; break;
            case CallLogChangeType.Updated: Updated++; break;
            case CallLogChangeType.Deleted: Deleted++; break;
        }

        return change;
    }

    /// <summary>Closes the previous checkpoint file.</summary>
    public void Dispose() => _previous.Dispose();

    /// <summary>After the last page: the entries the listing did not show are kept as they were.</summary>
    public void Finish() => MoveTo(long.MinValue);

    /// <summary>Passes every entry that started after <paramref name="startMs"/> and gathers those that started then.</summary>
    private void MoveTo(long startMs)
    {
        if (startMs < _groupStartMs)
        {
            KeepUnlisted();
            _groupStartMs = startMs;
        }

        while (Peek() is { } entry && entry.StartMs >= startMs)
        {
            _hasPeeked = false;
            if (entry.StartMs == startMs)
            {
                _sameStart[entry.Id] = entry;
                PeakHeld = Math.Max(PeakHeld, _sameStart.Count);
            }
            else
            {
                KeepNotListed(entry);
            }
        }
    }

    private void KeepUnlisted()
    {
        foreach (var entry in _sameStart.Values)
        {
            KeepNotListed(entry);
        }

        _sameStart.Clear();
    }

    private CheckpointEntry? Peek()
    {
        if (_hasPeeked)
        {
            return _previous.Current;
        }

        if (_previousEnded || !_previous.MoveNext())
        {
            _previousEnded = true;
            return null;
        }

        _hasPeeked = true;
        return _previous.Current;
    }

    private void KeepNotListed(CheckpointEntry entry)
    {
        if (entry.StartMs >= _keepFromMs)
        {
            NotListed++;
        }

        Keep(entry);
    }

    private void Keep(CheckpointEntry entry)
    {
        if (entry.StartMs >= _keepFromMs)
        {
            _next.Add(entry);
        }
    }
}
