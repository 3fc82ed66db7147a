using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace RingCentral.CallLog.Client;

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
        [RouteKeys.Identity] = "light",
        [RouteKeys.Auth] = "auth",
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
                var now = _clock();
                if (now >= state.BlockedUntil)
                {
                    if (state.BlockedUntil != DateTimeOffset.MinValue)
                    {
                        // The window we waited out is over: the server's budget is whole again.
                        state.BlockedUntil = DateTimeOffset.MinValue;
                        state.Available = state.Limit;
                    }

                    if (state.Available is null || state.Available > 0)
                    {
                        if (state.Available is not null)
                        {
                            state.Available--;
                        }
                        else if (!state.HeadersSeen && state.InFlight > 0)
                        {
                            // Nothing known yet about this group: learn from one answer before fanning out.
                            goto Wait;
                        }

                        state.InFlight++;
                        return new Lease(group, state);
                    }
                }

            Wait:
                if (now < state.BlockedUntil)
                {
                    wait = state.BlockedUntil - now;
                    reason = state.BlockReason ?? $"rate limit of group '{group}'";
                }
                else
                {
                    // Budget used up by requests still in flight: their answers will tell us more.
                    wait = TimeSpan.FromMilliseconds(20);
                    reason = string.Empty;
                }
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
        lease.Release();
        if (groupName is null || remaining is null)
        {
            lock (lease.State)
            {
                lease.State.HeadersSeen = true; // untracked group: nothing to pace by
            }

            return;
        }

        if (groupName != lease.Group)
        {
            _learnedGroups[routeKey] = groupName;
        }

        var state = _groups.GetOrAdd(groupName, _ => new GroupState());
        lock (state)
        {
            state.HeadersSeen = true;
            state.Limit = limit ?? state.Limit;
            state.WindowSeconds = window ?? state.WindowSeconds ?? 60;
            // Requests still in flight may not be counted in this answer yet: be conservative.
            state.Available = remaining.Value - state.InFlight;
            if (remaining.Value <= 0)
            {
                var until = _clock() + TimeSpan.FromSeconds(state.WindowSeconds.Value);
                if (until > state.BlockedUntil)
                {
                    state.BlockedUntil = until;
                    state.BlockReason = $"rate limit of group '{groupName}' ({state.Limit} requests per {state.WindowSeconds} s)";
                }
            }
        }
    }

    /// <summary>After a 429: send nothing in the group until the penalty is over.</summary>
    public void Block(string routeKey, TimeSpan duration, string reason)
    {
        var group = GroupOf(routeKey);
        var state = _groups.GetOrAdd(group, _ => new GroupState());
        lock (state)
        {
            var until = _clock() + duration;
            if (until > state.BlockedUntil)
            {
                state.BlockedUntil = until;
                state.BlockReason = reason;
            }
        }
    }

    internal static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static int? IntHeader(HttpResponseHeaders headers, string name) =>
        int.TryParse(Header(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    internal sealed class GroupState
    {
        public int? Limit { get; set; }

        public int? WindowSeconds { get; set; }

        /// <summary>Requests we may still send in this window (null: unknown).</summary>
        public int? Available { get; set; }

        public int InFlight { get; set; }

        public bool HeadersSeen { get; set; }

        public DateTimeOffset BlockedUntil { get; set; } = DateTimeOffset.MinValue;

        public string? BlockReason { get; set; }

        public RateLimitState Snapshot(string group)
        {
            lock (this)
            {
                return new RateLimitState { Group = group, Limit = Limit, Remaining = Available is null ? null : Math.Max(0, Available.Value), WindowSeconds = WindowSeconds };
            }
        }
    }

    /// <summary>A reserved place for one request; released when its answer (or failure) arrives.</summary>
    internal sealed class Lease
    {
        private int _released;

        public Lease(string group, GroupState state)
        {
            Group = group;
            State = state;
        }

        public string Group { get; }

        public GroupState State { get; }

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                lock (State)
                {
                    State.InFlight--;
                }
            }
        }
    }
}
