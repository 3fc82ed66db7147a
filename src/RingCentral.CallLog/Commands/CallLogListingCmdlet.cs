using System;
using System.Globalization;
using System.Management.Automation;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// What Get-RcCallLog and Get-RcActiveCall share beyond the scope and view: the page size, and a
/// paging loop that follows navigation.nextPage exactly as given and writes each record as its
/// page arrives. A link back to a page already read ends the run (<see cref="PageTrail"/>).
/// </summary>
public abstract class CallLogListingCmdlet : CallLogScopedCmdlet
{
    /// <summary>Records per request, 1..1000. RingCentral's rate limit counts requests, so the default is the maximum.</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int PageSize { get; set; } = 1000;

    /// <summary>The page size to ask for: no more than -First (+ -Skip) needs.</summary>
    internal int EffectivePageSize(PagingParameters? paging)
    {
        var size = PageSize;
        if (paging is not null && paging.First != ulong.MaxValue)
        {
            var needed = paging.First + paging.Skip;
            if (needed < (ulong)size)
            {
                size = Math.Max(1, (int)needed);
            }
        }

        return size;
    }

    /// <summary>
    /// Follows the pages from <paramref name="firstPage"/> and writes their records (those
    /// <paramref name="accept"/> lets through, when given).
    /// </summary>
    internal void WritePages(CallLogApi api, Uri firstPage, string routeKey, bool raw, PagingParameters? paging, string activity, Func<CallLogRecord, bool>? accept = null)
    {
        var skip = paging?.Skip ?? 0;
        var first = paging?.First ?? ulong.MaxValue;
        if (paging?.IncludeTotalCount == true)
        {
            // Call-log answers carry no totals, and counting would cost a request per page.
            WriteObject(paging.NewTotalCount(0, 0.0));
        }

        if (first == 0)
        {
            return;
        }

        ulong written = 0;
        ulong seen = 0;
        var pages = 0;
        Uri? next = firstPage;
        var trail = new PageTrail();
        var progress = new ProgressRecord(0x5242, activity, "Requesting the first page");
        while (next is not null)
        {
            var uri = next;
            CallLogPage page;
            try
            {
                trail.Enter(uri);
                page = Run(ct => api.GetPageAsync(uri, routeKey, raw, RcEvents, ct));
            }
            catch (RcApiException ex)
            {
                // Say exactly what is missing: nothing is ever silently left out. When the first
                // page failed nothing was partial, so the error says only what happened.
                if (pages == 0)
                {
                    // A 404 on a listing's first page is the extension asked for: say which one.
                    var message = ex.Kind == RcErrorKind.NotFound && ExtensionId is not null
                        ? $"Extension {ExtensionId} not found (-ExtensionId). {ex.Message}"
                        : ex.Message;
                    ThrowTerminating(ex.Rephrase(ex.Kind, message), ExtensionId is null ? uri : ExtensionId);
                    return;
                }

                var detail = string.Format(CultureInfo.InvariantCulture, " Page {0} ({1}) was not fetched; {2} records of {3} earlier {4} written, and the rest of the range is missing.", pages + 1, UrlText.Of(uri), written, pages, pages == 1 ? "page were" : "pages were");
                ThrowTerminating(ex.Rephrase(ex.Kind, ex.Message + detail), uri);
                return;
            }

            pages++;
            for (var i = 0; i < page.Records.Count; i++)
            {
                if (accept is not null && !accept(page.Records[i]))
                {
                    continue;
                }

                if (seen++ < skip)
                {
                    continue;
                }

                WriteObject(raw ? RawOutput(page.Records[i], page.RawRecords![i]) : page.Records[i]);
                if (++written >= first)
                {
                    return;
                }
            }

            next = page.NextPage;
            progress.StatusDescription = RecordsFromPages(written, pages);
            WriteProgress(progress);
        }

        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
        WriteVerbose(RecordsFromPages(written, pages) + ".");
    }

    private static string RecordsFromPages(ulong records, int pages) =>
        string.Format(CultureInfo.InvariantCulture, "{0} {1} from {2} {3}", records, records == 1 ? "record" : "records", pages, pages == 1 ? "page" : "pages");

    /// <summary>Raw JSON text; with a change type (a checkpointed run), an object that carries both.</summary>
    private static object RawOutput(CallLogRecord record, string json) =>
        record.ChangeType is { } change ? new CallLogRawChange(record.Id, change, json) : json;

    internal static DateTimeOffset? ToOffset(DateTime? time)
    {
        if (time is null)
        {
            return null;
        }

        // A DateTime of kind Unspecified (what -DateFrom 2026-11-01 gives) is local time, as everywhere in PowerShell.
        var value = time.Value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time.Value, DateTimeKind.Local) : time.Value;
        return new DateTimeOffset(value);
    }
}
