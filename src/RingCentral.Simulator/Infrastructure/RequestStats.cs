using System.Text.Json;

namespace RingCentral.Simulator.Infrastructure;

/// <summary>What the simulator saw: every request (last 200 000), grants, revokes, 429s, peak parallel downloads.</summary>
internal sealed class RequestStats
{
    private const int Cap = 200_000;
    private readonly Queue<RequestEntry> _requests = new();
    private readonly Dictionary<string, int> _grants = new(StringComparer.Ordinal);
    private long _seq;
    private int _revokes;
    private int _rateLimited;
    private int _contentNow;
    private int _maxContent;

    public RequestEntry Add(string method, string path, string query, string? authorization, bool tokenInQuery, string? range)
    {
        var e = new RequestEntry
        {
            Seq = Interlocked.Increment(ref _seq), Method = method, Path = path, Query = query,
            Authorization = authorization, AccessTokenInQuery = tokenInQuery, Range = range,
        };
        lock (_requests)
        {
            _requests.Enqueue(e);
            while (_requests.Count > Cap) _requests.Dequeue();
        }
        return e;
    }

    public void Grant(string grantType)
    {
        lock (_grants) _grants[grantType] = _grants.GetValueOrDefault(grantType) + 1;
    }

    public void Revoke() => Interlocked.Increment(ref _revokes);
    public void RateLimited() => Interlocked.Increment(ref _rateLimited);

    /// <summary>Counts a content download in progress; dispose the result when it ends.</summary>
    public IDisposable ContentStarted()
    {
        var now = Interlocked.Increment(ref _contentNow);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxContent)) && Interlocked.CompareExchange(ref _maxContent, now, seen) != seen)
        {
        }
        return new Ender(this);
    }

    private sealed class Ender(RequestStats s) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) Interlocked.Decrement(ref s._contentNow);
        }
    }

    public void Reset()
    {
        lock (_requests) _requests.Clear();
        lock (_grants) _grants.Clear();
        Interlocked.Exchange(ref _revokes, 0);
        Interlocked.Exchange(ref _rateLimited, 0);
        Interlocked.Exchange(ref _maxContent, Volatile.Read(ref _contentNow));
    }

    public void Write(Utf8JsonWriter w)
    {
        RequestEntry[] snapshot;
        lock (_requests) snapshot = [.. _requests];
        w.WriteStartObject();
        w.WriteStartArray("requests");
        foreach (var e in snapshot)
        {
            w.WriteStartObject();
            w.WriteNumber("seq", e.Seq);
            w.WriteString("method", e.Method);
            w.WriteString("path", e.Path);
            w.WriteString("query", e.Query);
            w.WriteNumber("status", e.Status);
            WriteNullable(w, "group", e.Group);
            WriteNullable(w, "authorization", e.Authorization);
            w.WriteBoolean("accessTokenInQuery", e.AccessTokenInQuery);
            WriteNullable(w, "range", e.Range);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("maxConcurrentContent", Volatile.Read(ref _maxContent));
        w.WriteStartObject("tokenGrants");
        lock (_grants)
        {
            foreach (var (k, v) in _grants) w.WriteNumber(k, v);
        }
        w.WriteEndObject();
        w.WriteNumber("revokes", Volatile.Read(ref _revokes));
        w.WriteNumber("rateLimited", Volatile.Read(ref _rateLimited));
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }
}
