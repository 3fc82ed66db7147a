using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Export.Checkpoints;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// What Get-RcCallLog and Get-RcActiveCall share beyond the scope and view: the page size, and the
/// writing of a listing's records as each page arrives. The paging itself (nextPage, -First/-Skip,
/// repeated ids, a link back to a page already read) is <see cref="CallLogCursor"/>'s.
/// </summary>
public abstract class CallLogListingCmdlet : CallLogScopedCmdlet
{
    /// <summary>Records per request, 1..1000. RingCentral's rate limit counts requests, so the default is the maximum.</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int PageSize { get; set; } = 1000;

    /// <summary>The page size to ask for: no more than -First (+ -Skip) needs.</summary>
    internal int EffectivePageSize(PagingParameters? paging) =>
        CallLogCursor.PageSizeFor(PageSize, paging?.Skip ?? 0, paging?.First ?? ulong.MaxValue);

    /// <summary>
    /// Follows the pages from <paramref name="firstPage"/> and writes their records. (Get-RcActiveCall's
    /// entry point; listings that need more build their own <see cref="CallLogCursor"/>.)
    /// </summary>
    internal void WritePages(CallLogApi api, Uri firstPage, string routeKey, bool raw, PagingParameters? paging, string activity) =>
        WritePages(OpenCursor(api, firstPage, routeKey, raw, paging, dropRepeats: false), paging, activity);

    /// <summary>A cursor over the listing that applies -Skip and -First (when given).</summary>
    internal static CallLogCursor OpenCursor(CallLogApi api, Uri firstPage, string routeKey, bool raw, PagingParameters? paging, bool dropRepeats) =>
        new(api, firstPage, routeKey, raw, paging?.Skip ?? 0, paging?.First ?? ulong.MaxValue, dropRepeats);

    /// <summary>
    /// Reads the cursor's pages and writes their records from the pipeline thread as each page
    /// arrives. With <paramref name="changes"/> (a checkpointed run), each record is written with
    /// the change it represents, and not at all when it represents none.
    /// </summary>
    internal void WritePages(CallLogCursor cursor, PagingParameters? paging, string activity, ChangeTracker? changes = null)
    {
        if (paging?.IncludeTotalCount == true)
        {
            // Call-log answers carry no totals, and counting would cost a request per page.
            WriteObject(paging.NewTotalCount(0, 0.0));
        }

        ulong written = 0;
        var progress = new ProgressRecord(0x5242, activity, "Requesting the first page");
        while (cursor.HasMore)
        {
            IReadOnlyList<ListedRecord> records;
            try
            {
                records = Run(ct => cursor.NextPageAsync(RcEvents, ct));
            }
            catch (RcApiException ex)
            {
                ThrowPageFailure(ex, cursor, written);
                return;
            }

            for (var i = 0; i < records.Count; i++)
            {
                var listed = records[i];
                CallLogChangeType? change = null;
                if (changes is not null && (change = changes.Classify(listed.Record)) is null)
                {
                    continue;
                }

                WriteObject(Output(listed, change));
                written++;
            }

            if (cursor.FirstReached)
            {
                // -First is met: the listing ends here, as a pipeline that stops early would.
                return;
            }

            progress.StatusDescription = RecordsFromPages(written, cursor.PagesRead);
            WriteProgress(progress);
        }

        if (cursor.FirstReached)
        {
            return;
        }

        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
        WriteVerbose(RecordsFromPages(written, cursor.PagesRead) + ".");
    }

    /// <summary>
    /// Says exactly what is missing: nothing is ever silently left out. When the first page failed
    /// nothing was partial, so the error says only what happened.
    /// </summary>
    private void ThrowPageFailure(RcApiException ex, CallLogCursor cursor, ulong written)
    {
        var uri = cursor.Next!;
        var pages = cursor.PagesRead;
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
    }

    private static string RecordsFromPages(ulong records, int pages) =>
        string.Format(CultureInfo.InvariantCulture, "{0} {1} from {2} {3}", records, records == 1 ? "record" : "records", pages, pages == 1 ? "page" : "pages");

    /// <summary>
    /// What is written for a record: the record, stamped with its change in a checkpointed run; with
    /// -Raw its JSON text, or in a checkpointed run an object that carries both.
    /// </summary>
    private static object Output(ListedRecord listed, CallLogChangeType? change)
    {
        if (listed.Raw is { } json)
        {
            return change is { } type ? new CallLogRawChange(listed.Record.Id, type, json) : json;
        }

        if (change is not null)
        {
            listed.Record.ChangeType = change;
        }

        return listed.Record;
    }

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
