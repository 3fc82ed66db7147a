using System;
using System.Collections.Generic;
using System.Linq;

namespace RingCentral.CallLog.Client.Events;

/// <summary>
/// Puts each call session's events back in sequence order when RingCentral delivers them out of
/// order. The next event of a session goes out at once; one that comes early waits at most
/// <see cref="Window"/> for those before it (a status filter leaves gaps that will never fill).
/// </summary>
internal sealed class SequenceOrder
{
    private readonly Dictionary<string, long> _lastWritten = new(StringComparer.Ordinal);
    private readonly List<(RcCallEvent Event, DateTime Arrived)> _waiting = new();

    public SequenceOrder(TimeSpan window)
    {
        Window = window;
    }

    public TimeSpan Window { get; }

    /// <summary>When the oldest waiting event is due; null when none waits.</summary>
    public DateTime? NextDue => _waiting.Count == 0 ? null : _waiting.Min(w => w.Arrived) + Window;

    /// <summary>Takes an arrived event; returns the events that may be written now, in order.</summary>
    public IReadOnlyList<RcCallEvent> Add(RcCallEvent e, DateTime now)
    {
        if (e.TelephonySessionId is null || e.Sequence is null)
        {
            return new[] { e };
        }

        _waiting.Add((e, now));
        return Release(now, false);
    }

    /// <summary>Events whose wait is over, in order (all of them when <paramref name="all"/>).</summary>
    public IReadOnlyList<RcCallEvent> Release(DateTime now, bool all)
    {
        var ready = new List<RcCallEvent>();
        foreach (var session in _waiting.GroupBy(w => w.Event.TelephonySessionId!).ToList())
        {
            var ordered = session.OrderBy(w => w.Event.Sequence).ToList();
            var lastOverdue = all ? ordered.Count - 1 : ordered.FindLastIndex(w => now - w.Arrived >= Window);
            var hasLast = _lastWritten.TryGetValue(session.Key, out var last);
            for (var i = 0; i < ordered.Count; i++)
            {
                var sequence = ordered[i].Event.Sequence!.Value;
                var next = hasLast ? sequence <= last + 1 : sequence == 1;
                if (i > lastOverdue && !next)
                {
                    break;
                }

                ready.Add(ordered[i].Event);
                _waiting.Remove(ordered[i]);
                last = Math.Max(hasLast ? last : 0, sequence);
                hasLast = true;
            }

            if (hasLast)
            {
                _lastWritten[session.Key] = last;
            }
        }

        ForgetOldSessions();
        return ready;
    }

    // A watch may run for days: sessions long finished need not be remembered.
    private void ForgetOldSessions()
    {
        if (_lastWritten.Count > 20000)
        {
            var waitingSessions = new HashSet<string>(_waiting.Select(w => w.Event.TelephonySessionId!), StringComparer.Ordinal);
            foreach (var key in _lastWritten.Keys.Where(k => !waitingSessions.Contains(k)).Take(10000).ToList())
            {
                _lastWritten.Remove(key);
            }
        }
    }
}
