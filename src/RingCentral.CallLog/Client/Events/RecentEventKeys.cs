using System.Collections.Generic;

namespace RingCentral.CallLog.Client.Events;

/// <summary>The keys of the most recent events, bounded: a replay after a recovery is recognised, memory does not grow for days.</summary>
internal sealed class RecentEventKeys
{
    private readonly int _capacity;
    private readonly HashSet<string> _keys = new(System.StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public RecentEventKeys(int capacity)
    {
        _capacity = capacity;
    }

    /// <summary>False when the key was seen recently.</summary>
    public bool Add(string key)
    {
        if (!_keys.Add(key))
        {
            return false;
        }

        _order.Enqueue(key);
        if (_order.Count > _capacity)
        {
            _keys.Remove(_order.Dequeue());
        }

        return true;
    }
}
