using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace RingCentral.CallLog.Client.Http;

/// <summary>
/// Paces every request of one connection by RingCentral's rate-limit groups, shared by all threads
/// (parallel downloads included). The X-Rate-Limit-* headers carry no reset time, so when a group's
/// remaining budget reaches 0 its next request is held for a whole window; after a 429 nothing is
/// sent in that group until Retry-After has passed (a request sent during the penalty restarts it).
/// </summary>
internal sealed class RateLimitPacer
{
    // Until a response names the group, our routes are assumed to be in RingCentral's documented groups.
    private static readonly Dictionary<string, string> s_assumedGroups = new(StringComparer.Ordinal)
    {
        [RouteKeys.CallLog] = "heavy",
        [RouteKeys.ActiveCalls] = "heavy",
        [RouteKeys.Recording] = "heavy",
        [RouteKeys.RecordingContent] = "heavy",
        [RouteKeys.RecordingDelete] = "heavy",
        [RouteKeys.RecordingSettings] = "light",
        [RouteKeys.MessageContent] = "medium",
        [RouteKeys.Identity] = "light",
        [RouteKeys.MessageStore] = "light",
        [RouteKeys.MessageDelete] = "medium",
        [RouteKeys.Auth] = "auth",
        [RouteKeys.MessageStoreExport] = "heavy",
    };

    private static readonly TimeSpan MaxNap = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<string, string> _learnedGroups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GroupState> _groups = new(StringComparer.Ordinal);
    private readonly Func<DateTimeOffset> _clock;

    public RateLimitPacer(Func<DateTimeOffset>? clock = null)
    {
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    /// <summary>The group a route is in: as the server last said, else as documented.</summary>
    public string GroupOf(string routeKey) =>
        _learnedGroups.TryGetValue(routeKey, out var learned) ? learned
        : s_assumedGroups.TryGetValue(routeKey, out var assumed) ? assumed
        : routeKey;

    public RateLimitState? Snapshot(string routeKey)
    {
        var group = GroupOf(routeKey);
        return _groups.TryGetValue(group, out var state) ? state.Snapshot(group) : null;
    }

    /// <summary>Waits until a request on this route may be sent, and reserves its place.</summary>
    public async Task<Lease> AcquireAsync(string routeKey, IRcEvents events, CancellationToken cancellationToken)
    {
        var group = GroupOf(routeKey);
        var state = _groups.GetOrAdd(group, _ => new GroupState());
        var announced = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan wait;
            string reason;
            lock (state)
            {
                if (state.TryAdmit(_clock(), out var sequence, out var solo))
                {
                    return new Lease(group, state, sequence, solo);
                }

                (wait, reason) = state.WaitFor(_clock(), group);
            }

            if (!announced && wait >= TimeSpan.FromMilliseconds(250) && reason.Length > 0)
            {
                events.Waiting(reason, wait);
                announced = true;
            }

            // Short naps: the state may change meanwhile (another thread's answer, a clock that moved).
            await Task.Delay(wait < MaxNap ? wait : MaxNap, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records what a response said about its group (headers may be missing or name a new group).</summary>
    public void Observe(string routeKey, Lease lease, HttpResponseHeaders headers)
    {
        var groupName = Header(headers, "X-Rate-Limit-Group")?.ToLowerInvariant();
        var limit = IntHeader(headers, "X-Rate-Limit-Limit");
        var remaining = IntHeader(headers, "X-Rate-Limit-Remaining");
        var window = IntHeader(headers, "X-Rate-Limit-Window");
        if (groupName is null || remaining is null)
        {
            lock (lease.State)
            {
                lease.State.ApplyNoHeaders();
            }

            lease.Release();
            return;
        }

        if (groupName != lease.Group)
        {
            _learnedGroups[routeKey] = groupName;
        }

        var state = _groups.GetOrAdd(groupName, _ => new GroupState());
        lock (state)
        {
            // A group first named by this answer has no history of our requests: start it from here.
            var ours = ReferenceEquals(state, lease.State);
            state.Apply(ours ? lease.Sequence : state.LastSent, lease.Solo, limit, remaining.Value, window, _clock(), groupName);
        }

        lease.Release();
    }

    /// <summary>After a 429: send nothing in the group until the penalty is over.</summary>
    public void Block(string routeKey, TimeSpan duration, string reason)
    {
        var group = GroupOf(routeKey);
        var state = _groups.GetOrAdd(group, _ => new GroupState());
        lock (state)
        {
            state.BlockUntil(_clock() + duration, reason);
        }
    }

    internal static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static int? IntHeader(HttpResponseHeaders headers, string name) =>
        int.TryParse(Header(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// What we know of one group, and how many requests we may still send in its window. The count
    /// is only ever lowered by what answers say, so it never exceeds the truth even when parallel
    /// answers arrive out of order: an answer may be news older than it looks (its request may have
    /// overtaken earlier ones at the server), so from it we take Remaining, minus every request sent
    /// after it, minus every earlier one still in flight, and keep the smaller of that and what we
    /// had. Only an answer to a request sent while nothing else was in flight is exact, and may raise
    /// the count (the server's window moved on). A count used up with nothing left in flight to tell
    /// us more waits a whole window, like a Remaining of 0. All members are used under lock(this).
    /// </summary>
    internal sealed class GroupState
    {
        private readonly SortedSet<long> _inFlight = new();
        private int? _budget;
        private bool _paced;
        private bool _unpaced;
        private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;
        private string? _blockReason;

        public int? Limit { get; private set; }

        public int? WindowSeconds { get; private set; }

        public long LastSent { get; private set; }

        /// <summary>Requests we may still send in this window (null: unknown).</summary>
        public int? Budget => _budget;

        public bool TryAdmit(DateTimeOffset now, out long sequence, out bool solo)
        {
            sequence = 0;
            solo = _inFlight.Count == 0;
            if (now < _blockedUntil)
            {
                return false;
            }

            if (_blockedUntil != DateTimeOffset.MinValue)
            {
                // The window we waited out is over: the server's budget is whole again.
                _blockedUntil = DateTimeOffset.MinValue;
                _budget = Limit is null ? null : Limit - _inFlight.Count;
            }

            if (_budget is int budget)
            {
                if (budget <= 0)
                {
                    if (solo)
                    {
                        // Used up, and nothing in flight can tell us more: wait a whole window.
                        BlockUntil(now + TimeSpan.FromSeconds(WindowSeconds ?? 60), $"rate limit of this group ({Limit} requests per {WindowSeconds ?? 60} s)");
                    }

                    return false;
                }

                _budget = budget - 1;
            }
            else if (!_unpaced && !solo)
            {
                // Nothing exact known yet: learn from one answer before fanning out.
                return false;
            }

            sequence = ++LastSent;
            _inFlight.Add(sequence);
            return true;
        }

        public (TimeSpan Wait, string Reason) WaitFor(DateTimeOffset now, string group) =>
            now < _blockedUntil
                ? (_blockedUntil - now, _blockReason ?? $"rate limit of group '{group}'")
                : (TimeSpan.FromMilliseconds(20), string.Empty); // answers in flight will tell us more

        /// <summary>An answer without rate-limit headers: a group the server does not limit (until it says otherwise).</summary>
        public void ApplyNoHeaders()
        {
            if (!_paced)
            {
                _unpaced = true;
            }
        }

        public void Apply(long sequence, bool solo, int? limit, int remaining, int? window, DateTimeOffset now, string group)
        {
            _paced = true;
            _unpaced = false;
            Limit = limit ?? Limit;
            WindowSeconds = window ?? WindowSeconds ?? 60;
            var estimate = remaining - (int)(LastSent - sequence) - _inFlight.Count(s => s < sequence);
            _budget = solo ? estimate : _budget is int known ? Math.Min(known, estimate) : null;
            if (remaining <= 0)
            {
                BlockUntil(now + TimeSpan.FromSeconds(WindowSeconds.Value), $"rate limit of group '{group}' ({Limit} requests per {WindowSeconds} s)");
            }
        }

        public void BlockUntil(DateTimeOffset until, string reason)
        {
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
                _blockReason = reason;
            }
        }

        public void Finished(long sequence) => _inFlight.Remove(sequence);

        public RateLimitState Snapshot(string group)
        {
            lock (this)
            {
                return new RateLimitState { Group = group, Limit = Limit, Remaining = _budget is null ? null : Math.Max(0, _budget.Value), WindowSeconds = WindowSeconds };
            }
        }
    }

    /// <summary>A reserved place for one request; released when its answer (or failure) arrives.</summary>
    internal sealed class Lease
    {
        private int _released;

        public Lease(string group, GroupState state, long sequence, bool solo)
        {
            Group = group;
            State = state;
            Sequence = sequence;
            Solo = solo;
        }

        public string Group { get; }

        public GroupState State { get; }

        /// <summary>Order in which the request was let through, within its group.</summary>
        public long Sequence { get; }

        /// <summary>Nothing else of the group was in flight when it was sent: its answer is exact.</summary>
        public bool Solo { get; }

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                lock (State)
                {
                    State.Finished(Sequence);
                }
            }
        }
    }
}
