using System.Globalization;
using System.Text.Json;
using RingCentral.Simulator.Data;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Endpoints;

/// <summary>
/// One page of a list answer (call log, active calls): <c>uri</c>, <c>records</c>, <c>paging</c>
/// {page, perPage, pageStart, pageEnd} and <c>navigation</c> {nextPage?, firstPage}, with the uris as
/// RingCentral writes them: absolute, the request's own query with <c>page</c> set.
/// </summary>
internal static class ListPage
{
    public static Task WriteAsync(HttpContext ctx, SimulatorState sim, IReadOnlyList<CallRecord> all, ListRequest req, Action<Utf8JsonWriter, CallRecord> writeRecord)
        => WriteAsync(ctx, sim, all, req.Page, req.PerPage, writeRecord, req.Detailed ? 2600 : 1100, totals: false);

    /// <summary>
    /// A page of any list. With <paramref name="totals"/> (the message store's <c>MessagingPagingInfo</c>) it also
    /// carries <c>totalPages</c>/<c>totalElements</c> and the navigation's <c>previousPage</c> and <c>lastPage</c>.
    /// </summary>
    public static Task WriteAsync<T>(HttpContext ctx, SimulatorState sim, IReadOnlyList<T> all, int page, int perPage, Action<Utf8JsonWriter, T> writeRecord, int recordSizeHint, bool totals)
    {
        var start = (long)(page - 1) * perPage;
        var count = (int)Math.Clamp(all.Count - start, 0, perPage);
        var totalPages = Math.Max(1, (all.Count + perPage - 1) / perPage);
        return JsonBody.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("uri", UriWithPage(sim, ctx.Request, null));
            w.WriteStartArray("records");
            for (var i = 0; i < count; i++) writeRecord(w, all[(int)start + i]);
            w.WriteEndArray();
            w.WriteStartObject("paging");
            w.WriteNumber("page", page);
            if (totals) w.WriteNumber("totalPages", totalPages);
            w.WriteNumber("perPage", perPage);
            if (totals) w.WriteNumber("totalElements", all.Count);
            if (count > 0)
            {
                // No pageStart/pageEnd on an empty page, as RingCentral (and no totals on the call log).
                w.WriteNumber("pageStart", start);
                w.WriteNumber("pageEnd", start + count - 1);
            }
            w.WriteEndObject();
            w.WriteStartObject("navigation");
            if (start + count < all.Count)
            {
                w.WriteStartObject("nextPage");
                w.WriteString("uri", UriWithPage(sim, ctx.Request, page + 1));
                w.WriteEndObject();
            }
            if (totals && page > 1)
            {
                w.WriteStartObject("previousPage");
                w.WriteString("uri", UriWithPage(sim, ctx.Request, Math.Min(page - 1, totalPages)));
                w.WriteEndObject();
            }
            w.WriteStartObject("firstPage");
            w.WriteString("uri", UriWithPage(sim, ctx.Request, 1));
            w.WriteEndObject();
            if (totals)
            {
                w.WriteStartObject("lastPage");
                w.WriteString("uri", UriWithPage(sim, ctx.Request, totalPages));
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }, Math.Max(4096, count * recordSizeHint));
    }

    /// <summary>The request's absolute uri with the query kept as sent, but <c>page</c> set to <paramref name="page"/> (and no access token) when given.</summary>
    private static string UriWithPage(SimulatorState sim, HttpRequest req, int? page)
    {
        var raw = req.QueryString.HasValue ? req.QueryString.Value![1..] : "";
        var parts = raw.Length == 0 ? [] : raw.Split('&').Where(p => p.Length > 0).ToList();
        if (page is int p)
        {
            var value = "page=" + p.ToString(CultureInfo.InvariantCulture);
            var i = parts.FindIndex(x => x.Equals("page", StringComparison.Ordinal) || x.StartsWith("page=", StringComparison.Ordinal));
            if (i >= 0) parts[i] = value; else parts.Add(value);
            parts.RemoveAll(x => x.StartsWith("access_token=", StringComparison.Ordinal));
        }
        var query = parts.Count == 0 ? "" : "?" + string.Join('&', parts);
        return sim.PlatformBase + req.Path.Value + query;
    }
}
