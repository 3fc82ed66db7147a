using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace RingCentral.CallLog.Client.Api;

/// <summary>
/// One listing read page by page: follows navigation.nextPage exactly as given, stops at a link
/// back to a page already read (<see cref="PageTrail"/>), drops the ids this run already gave out
/// (<see cref="RecentIdWindow"/>, when asked), and applies -Skip and -First to what remains.
/// </summary>
/// <remarks>
/// The caller asks for each page (<see cref="NextPageAsync"/>) and writes its records before it
/// asks for the next, so output streams as pages arrive and only one page is held at a time.
/// </remarks>
internal sealed class CallLogCursor
{
    private readonly CallLogApi _api;
    private readonly string _routeKey;
    private readonly bool _raw;
    private readonly ulong _skip;
    private readonly ulong _first;
    private readonly RecentIdWindow? _given;
    private readonly PageTrail _trail = new();
    private ulong _seen;
    private ulong _taken;

    /// <param name="api">The session's call log endpoints.</param>
    /// <param name="firstPage">The listing's first page.</param>
    /// <param name="routeKey">The rate-limit group every page request counts against.</param>
    /// <param name="raw">Keep each record's JSON text as received.</param>
    /// <param name="skip">Records to pass over before the first one given out.</param>
    /// <param name="first">Records to give out at most (<see cref="ulong.MaxValue"/>: all).</param>
    /// <param name="dropRepeats">Give each id out once, however the pages shift between requests.</param>
    public CallLogCursor(CallLogApi api, Uri firstPage, string routeKey, bool raw, ulong skip = 0, ulong first = ulong.MaxValue, bool dropRepeats = false)
    {
        _api = api;
        Next = firstPage;
        _routeKey = routeKey;
        _raw = raw;
        _skip = skip;
        _first = first;
        _given = dropRepeats ? new RecentIdWindow() : null;
    }

    /// <summary>The page <see cref="NextPageAsync"/> reads next (after a failure: the page that failed); null after the last page.</summary>
    public Uri? Next { get; private set; }

    /// <summary>Pages read so far.</summary>
    public int PagesRead { get; private set; }

    /// <summary>-First records were given out: the listing ends here, whatever pages remain.</summary>
    public bool FirstReached => _taken >= _first;

    /// <summary>Whether another page is to be read.</summary>
    public bool HasMore => Next is not null && !FirstReached;

    /// <summary>The page size to ask for: <paramref name="pageSize"/>, or less when -First (+ -Skip) needs less.</summary>
    public static int PageSizeFor(int pageSize, ulong skip, ulong first)
    {
        if (first != ulong.MaxValue)
        {
            var needed = first + skip;
            if (needed < (ulong)pageSize)
            {
                return Math.Max(1, (int)needed);
            }
        }

        return pageSize;
    }

    /// <summary>Reads the next page and returns the records it gives out, in the listing's order.</summary>
    /// <exception cref="RcApiException">The page could not be read, or its link points back to a page already read; <see cref="Next"/> stays on it.</exception>
    public async Task<IReadOnlyList<ListedRecord>> NextPageAsync(IRcEvents events, CancellationToken cancellationToken)
    {
        var uri = Next ?? throw new InvalidOperationException("The listing has no more pages.");
        _trail.Enter(uri);
        var page = await _api.GetPageAsync(uri, _routeKey, _raw, events, cancellationToken).ConfigureAwait(false);
        PagesRead++;
        Next = page.NextPage;
        return Take(page);
    }

    private List<ListedRecord> Take(CallLogPage page)
    {
        var records = page.Records;
        var taken = new List<ListedRecord>(records.Count);
        for (var i = 0; i < records.Count && !FirstReached; i++)
        {
            var record = records[i];
            if ((_given is not null && !_given.Add(record.Id)) || _seen++ < _skip)
            {
                continue;
            }

            taken.Add(new ListedRecord(record, page.RawRecords?[i]));
            _taken++;
        }

        return taken;
    }
}
