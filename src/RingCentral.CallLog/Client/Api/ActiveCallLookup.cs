using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Client.Api;

/// <summary>
/// Finds call sessions among RingCentral's active calls as soon as they are listed (an ended call
/// shows there 3–10 s after its Disconnected event). Lookups are coalesced: one paced request (all
/// its pages) serves every session waiting at that moment, and a session not yet listed is asked
/// again on the next request until its wait runs out. Active calls are in the Heavy group
/// (RingCentral: 10 requests a minute), so requests are spread evenly over the group's window
/// instead of spending the whole budget at once and then waiting a minute.
/// </summary>
internal sealed class ActiveCallLookup
{
    /// <summary>The pace when the server has not said its limit yet: RingCentral's documented Heavy group, 10 per 60 s.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(6);

    private readonly Func<CancellationToken, Task<IReadOnlyList<CallLogRecord>>> _list;
    private readonly Func<RateLimitState?> _pace;
    private readonly Action<ActiveCallMatch> _resolved;
    private readonly object _gate = new();
    private readonly List<Wanted> _wanted = new();
    private readonly CancellationToken _end;
    private Task? _loop;
    private DateTime _nextRequest = DateTime.MinValue;
    private int _unanswered;

    /// <param name="list">Reads every page of the active calls once.</param>
    /// <param name="pace">The Heavy group's limit as the server last said it (null: not known yet).</param>
    /// <param name="resolved">Called (from a worker thread) once per session: found, or not listed in time.</param>
    /// <param name="end">Stops the lookups (Ctrl+C).</param>
    public ActiveCallLookup(Func<CancellationToken, Task<IReadOnlyList<CallLogRecord>>> list, Func<RateLimitState?> pace, Action<ActiveCallMatch> resolved, CancellationToken end)
    {
        _list = list;
        _pace = pace;
        _resolved = resolved;
        _end = end;
    }

    /// <summary>The shortest time between two requests, whatever the server allows (tests shorten it).</summary>
    public TimeSpan MinimumInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Active-call requests sent so far.</summary>
    public int Requests { get; private set; }

    /// <summary>Sessions asked for whose answer has not been handed over yet.</summary>
    public int Pending => Volatile.Read(ref _unanswered);

    /// <summary>Looks a session up until <paramref name="wait"/> has passed; <paramref name="tag"/> comes back with its answer.</summary>
    public void Want(string? telephonySessionId, string? sessionId, TimeSpan wait, object? tag)
    {
        if (telephonySessionId is null && sessionId is null)
        {
            throw new ArgumentException("A lookup needs a telephony session id or a session id.");
        }

        Interlocked.Increment(ref _unanswered);
        lock (_gate)
        {
            _wanted.Add(new Wanted(telephonySessionId, sessionId, DateTime.UtcNow + wait, wait, tag));
            _loop ??= Task.Run(LoopAsync);
        }
    }

    /// <summary>Completes when every session asked for has its answer; faults with the failure that stopped the lookups.</summary>
    public Task CompletionAsync()
    {
        lock (_gate)
        {
            return _loop ?? Task.CompletedTask;
        }
    }

    /// <summary>The lookups' failure, once they stopped for one.</summary>
    public Exception? Failure
    {
        get
        {
            lock (_gate)
            {
                return _loop is { IsFaulted: true } failed ? failed.Exception!.GetBaseException() : null;
            }
        }
    }

    private async Task LoopAsync()
    {
        while (true)
        {
            var now = DateTime.UtcNow;
            List<Wanted> expired;
            DateTime earliestDeadline;
            lock (_gate)
            {
                expired = _wanted.Where(w => w.Deadline <= now).ToList();
                _wanted.RemoveAll(w => w.Deadline <= now);
                if (_wanted.Count == 0 && expired.Count == 0)
                {
                    // Under the lock: a Want from now on starts a new loop.
                    _loop = null;
                    return;
                }

                earliestDeadline = _wanted.Count == 0 ? DateTime.MaxValue : _wanted.Min(w => w.Deadline);
            }

            foreach (var w in expired)
            {
                Answer(new ActiveCallMatch(w.TelephonySessionId, w.SessionId, w.Tag, Array.Empty<CallLogRecord>(), w.Wait));
            }

            if (expired.Count > 0)
            {
                continue;
            }

            if (now >= _nextRequest)
            {
                await AskAsync().ConfigureAwait(false);

                // After the answer: its rate-limit headers tell the group's pace.
                _nextRequest = now + Interval();
                continue;
            }

            var until = _nextRequest < earliestDeadline ? _nextRequest : earliestDeadline;
            await Task.Delay(until - now, _end).ConfigureAwait(false);
        }
    }

    /// <summary>One request (with its pages); every waiting session listed in it is answered.</summary>
    private async Task AskAsync()
    {
        Requests++;
        var records = await _list(_end).ConfigureAwait(false);
        var found = new List<(Wanted Wanted, IReadOnlyList<CallLogRecord> Records)>();
        lock (_gate)
        {
            foreach (var w in _wanted.ToList())
            {
                var matches = records.Where(w.Matches).ToList();
                if (matches.Count > 0)
                {
                    found.Add((w, matches));
                    _wanted.Remove(w);
                }
            }
        }

        foreach (var (w, matches) in found)
        {
            Answer(new ActiveCallMatch(w.TelephonySessionId, w.SessionId, w.Tag, matches, w.Wait));
        }
    }

    // Counted as answered only once handed over: a caller that sees Pending 0 has every answer in hand.
    private void Answer(ActiveCallMatch match)
    {
        _resolved(match);
        Interlocked.Decrement(ref _unanswered);
    }

    /// <summary>The group's window spread evenly over its limit, never below <see cref="MinimumInterval"/>.</summary>
    private TimeSpan Interval()
    {
        var state = _pace();
        var paced = state is { Limit: > 0, WindowSeconds: > 0 }
            ? TimeSpan.FromSeconds((double)state.WindowSeconds!.Value / state.Limit!.Value)
            : DefaultInterval;
        return paced > MinimumInterval ? paced : MinimumInterval;
    }

    private sealed class Wanted
    {
        public Wanted(string? telephonySessionId, string? sessionId, DateTime deadline, TimeSpan wait, object? tag)
        {
            TelephonySessionId = telephonySessionId;
            SessionId = sessionId;
            Deadline = deadline;
            Wait = wait;
            Tag = tag;
        }

        public string? TelephonySessionId { get; }

        public string? SessionId { get; }

        public DateTime Deadline { get; }

        public TimeSpan Wait { get; }

        public object? Tag { get; }

        // The telephony session id names the call uniquely; the session id is the fallback for inputs without it.
        public bool Matches(CallLogRecord r) => TelephonySessionId is not null
            ? string.Equals(r.TelephonySessionId, TelephonySessionId, StringComparison.Ordinal)
            : string.Equals(r.SessionId, SessionId, StringComparison.Ordinal);
    }
}

/// <summary>A session's answer: its active-call records, or none when it was not listed within <see cref="Wait"/>.</summary>
internal sealed class ActiveCallMatch
{
    public ActiveCallMatch(string? telephonySessionId, string? sessionId, object? tag, IReadOnlyList<CallLogRecord> records, TimeSpan wait)
    {
        TelephonySessionId = telephonySessionId;
        SessionId = sessionId;
        Tag = tag;
        Records = records;
        Wait = wait;
    }

    public string? TelephonySessionId { get; }

    public string? SessionId { get; }

    public object? Tag { get; }

    public IReadOnlyList<CallLogRecord> Records { get; }

    public TimeSpan Wait { get; }

    public bool Found => Records.Count > 0;
}
