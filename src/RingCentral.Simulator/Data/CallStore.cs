namespace RingCentral.Simulator.Data;

/// <summary>
/// Holds all records, newest first (startTime desc, then id). Readers take the current snapshot
/// array without locking; additions publish a new array. Filtered result lists are cached so the
/// following pages of the same query do not rescan.
/// </summary>
internal sealed class CallStore
{
    private static readonly Comparison<CallRecord> NewestFirst = (a, b) =>
    {
        var c = b.StartMs.CompareTo(a.StartMs);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    };

    private readonly object _gate = new();
    private readonly Dictionary<string, CallRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<long, CallRecord> _byRecording = [];
    private readonly QueryCache _cache = new(32);
    private CallRecord[] _sorted;
    private long _version;

    public CallStore(List<CallRecord> records)
    {
        records.Sort(NewestFirst);
        _sorted = [.. records];
        foreach (var r in _sorted) Index(r);
    }

    public IReadOnlyList<CallRecord> All => _sorted;
    public long Version => Interlocked.Read(ref _version);

    public void Add(IEnumerable<CallRecord> newRecords)
    {
        lock (_gate)
        {
            var merged = new List<CallRecord>(_sorted.Length + 16);
            merged.AddRange(_sorted);
            foreach (var r in newRecords) { merged.Add(r); Index(r); }
            merged.Sort(NewestFirst);
            _sorted = [.. merged];
            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>Marks that records were modified in place (invalidates cached lists).</summary>
    public void Touch() => Interlocked.Increment(ref _version);

    public void AttachRecording(CallRecord r, long recordingId)
    {
        lock (_gate) { r.RecordingId = recordingId; _byRecording[recordingId] = r; }
    }

    /// <summary>
    /// Deletes the recordings, all or none: false (nothing deleted) when any id names no recording.
    /// The call log records keep their recording ids, as RingCentral's do.
    /// </summary>
    public bool DeleteRecordings(IReadOnlyList<long> recordingIds)
    {
        lock (_gate)
        {
            if (!recordingIds.All(_byRecording.ContainsKey)) return false;
            foreach (var id in recordingIds) _byRecording.Remove(id);
            return true;
        }
    }

    public CallRecord? FindById(string id)
    {
        lock (_gate) return _byId.GetValueOrDefault(id);
    }

    public CallRecord? FindByRecording(long recordingId)
    {
        lock (_gate) return _byRecording.GetValueOrDefault(recordingId);
    }

    /// <summary>Records whose start time lies in [fromMs, toMs], newest first (raw: no visibility rules).</summary>
    public ArraySegment<CallRecord> Range(long fromMs, long toMs)
    {
        var a = _sorted;
        var start = FirstIndexAtOrBefore(a, toMs);
        var end = FirstIndexAtOrBefore(a, fromMs - 1);
        return new ArraySegment<CallRecord>(a, start, Math.Max(0, end - start));
    }

    /// <summary>The filtered list for a query; cached by its key for a short time.</summary>
    public IReadOnlyList<CallRecord> Query(CallFilter filter, string cacheKey, long nowMs)
    {
        var version = Version;
        if (_cache.TryGet(cacheKey, version, nowMs, out var cached)) return cached;
        var source = filter.IgnoreDates ? new ArraySegment<CallRecord>(_sorted) : Range(filter.FromMs, filter.ToMs);
        var result = new List<CallRecord>();
        // A record of the range that is not listed yet changes the list when it is: the cached
        // list lasts only until then, so pages shift as RingCentral's do when calls end.
        var nextVisibleMs = long.MaxValue;
        foreach (var r in source)
        {
            if (filter.Matches(r, nowMs)) result.Add(r);
            else if (r.VisibleAtMs > nowMs && r.VisibleAtMs < nextVisibleMs) nextVisibleMs = r.VisibleAtMs;
        }
        _cache.Put(cacheKey, version, nowMs, result, nextVisibleMs);
        return result;
    }

    private void Index(CallRecord r)
    {
        _byId[r.Id] = r;
        if (r.HasRecording) _byRecording[r.RecordingId] = r;
    }

    /// <summary>Index of the first record (newest first) whose start is at or before <paramref name="ms"/>.</summary>
    private static int FirstIndexAtOrBefore(CallRecord[] a, long ms)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (a[mid].StartMs > ms) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>A tiny LRU of query results; entries expire after 30 s or when data changes.</summary>
    private sealed class QueryCache(int capacity)
    {
        private const long MaxAgeMs = 30_000;
        private readonly LinkedList<(string Key, long Version, long At, long Until, IReadOnlyList<CallRecord> List)> _entries = new();

        public bool TryGet(string key, long version, long nowMs, out IReadOnlyList<CallRecord> list)
        {
            lock (_entries)
            {
                for (var n = _entries.First; n is not null; n = n.Next)
                {
                    if (n.Value.Key != key) continue;
                    if (n.Value.Version == version && nowMs - n.Value.At < MaxAgeMs && nowMs < n.Value.Until)
                    {
                        _entries.Remove(n);
                        _entries.AddFirst(n);
                        list = n.Value.List;
                        return true;
                    }
                    _entries.Remove(n);
                    break;
                }
            }
            list = [];
            return false;
        }

        public void Put(string key, long version, long nowMs, IReadOnlyList<CallRecord> list, long untilMs)
        {
            lock (_entries)
            {
                _entries.AddFirst((key, version, nowMs, untilMs, list));
                while (_entries.Count > capacity) _entries.RemoveLast();
            }
        }
    }
}
