using System;
using System.Collections.Generic;

namespace RingCentral.CallLog.Client.Api;

/// <summary>
/// The ids of the last records a listing wrote, so one run never writes a record twice when the
/// pages shift under it, with memory that stays flat however long the run.
/// </summary>
/// <remarks>
/// A listing pages newest first by offset. With its end fixed (dateTo), the pages shift only by
/// calls that become visible, or are deleted, between two page requests: a record pushed down
/// comes back at the top of the next page, within a page of where it was first written. Keeping
/// the last <see cref="Capacity"/> ids (five pages of 1000) catches every such repeat, where a set
/// of every id of the run grew by ~100 MB over a million records.
/// </remarks>
internal sealed class RecentIdWindow
{
    public const int Capacity = 5000;

    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly int _capacity;

    public RecentIdWindow(int capacity = Capacity)
    {
        _capacity = capacity;
    }

    /// <summary>True when <paramref name="id"/> was not among the recent ids (it is remembered now).</summary>
    public bool Add(string id)
    {
        if (!_ids.Add(id))
        {
            return false;
        }

        _order.Enqueue(id);
        if (_order.Count > _capacity)
        {
            _ids.Remove(_order.Dequeue());
        }

        return true;
    }

    public int Count => _ids.Count;
}
