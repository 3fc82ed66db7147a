using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace RingCentral.CallLog.Report;

/// <summary>
/// Writes the report as one self-contained HTML page: header, tiles, SVG charts and the calls table,
/// streamed to a TextWriter. Every value from the data is HTML-escaped; no content URI, token or
/// other server address is ever written (rows carry only what the table shows).
/// </summary>
internal static class CallReportWriter
{
    public const int TopExtensions = 10;

    public static void Write(TextWriter w, CallReportAggregator data, CallReportHeader header)
    {
        w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Write("<meta http-equiv=\"Content-Security-Policy\"");
        HtmlText.Attribute(w, "content", ReportAssets.ContentSecurityPolicy);
        w.Write(">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\"");
        HtmlText.Attribute(w, "content", "RingCentral.CallLog " + header.ModuleVersion);
        w.Write(">\n<title>");
        HtmlText.Write(w, header.Title);
        w.Write("</title>\n<style>");
        w.Write(ReportAssets.Css);
        w.Write("</style>\n</head>\n<body>\n");
        WriteHeader(w, data, header);
        w.Write("<main>\n");
        WriteTiles(w, data);
        if (data.Calls == 0)
        {
            // Empty charts and an empty table read like a broken page; one sentence says it.
            w.Write("<p class=\"no-calls\" data-no-calls>No calls in this period.</p>\n");
        }
        else
        {
            WriteCharts(w, data);
            WriteTable(w, data);
        }

        WriteDefinitions(w, data);
        w.Write("</main>\n<script>");
        w.Write(ReportAssets.Script);
        w.Write("</script>\n</body>\n</html>\n");
    }

    public static string Time(DateTimeOffset local) => local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>0:42, 12:05 or 1:02:03.</summary>
    public static string Clock(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Round(seconds));
        return t.TotalHours >= 1
            ? string.Format(CultureInfo.InvariantCulture, "{0}:{1:00}:{2:00}", (int)t.TotalHours, t.Minutes, t.Seconds)
            : string.Format(CultureInfo.InvariantCulture, "{0}:{1:00}", t.Minutes, t.Seconds);
    }

    private static void WriteHeader(TextWriter w, CallReportAggregator data, CallReportHeader header)
    {
        var zone = data.Zone;
        var accounts = data.Accounts.Count > 0 ? string.Join(", ", data.Accounts.Select(header.Label))
            : header.FallbackAccount is { } only ? header.Label(only)
            : "not named by the records";
        var period = Period(data);
        w.Write("<header class=\"page-head\">\n<div><h1>");
        HtmlText.Write(w, header.Title);
        w.Write("</h1><p class=\"sub\">");
        HtmlText.Write(w, data.Calls == 0 ? "No calls, " + period : data.Calls.ToString("N0", CultureInfo.InvariantCulture) + (data.Calls == 1 ? " call, " : " calls, ") + period);
        w.Write("</p></div>\n<dl class=\"meta\">");
        Meta(w, "account", "Account", accounts);
        Meta(w, "period", data.PeriodFrom is null && data.PeriodTo is null ? "Period covered" : "Period", period);
        Meta(w, "time-zone", "Time zone", zone.Id);
        Meta(w, "generated", "Generated", Time(TimeZoneInfo.ConvertTime(header.Generated, zone)) + " by RingCentral.CallLog " + header.ModuleVersion);
        w.Write("</dl>\n</header>\n");
    }

    /// <summary>
    /// The period asked for (-From/-To) in the report's zone, as days when both ends are midnights
    /// there (-To is exclusive: its day is not shown); without them, the first to the last call.
    /// </summary>
    internal static string Period(CallReportAggregator data)
    {
        var zone = data.Zone;
        var from = data.PeriodFrom ?? data.FirstStart;
        var to = data.PeriodTo ?? data.LastStart;
        if (from is null || to is null)
        {
            return "no calls";
        }

        var localFrom = TimeZoneInfo.ConvertTime(from.Value, zone);
        var localTo = TimeZoneInfo.ConvertTime(to.Value, zone);
        if (data.PeriodFrom is not null && data.PeriodTo is not null && localFrom.TimeOfDay == TimeSpan.Zero && localTo.TimeOfDay == TimeSpan.Zero && localTo > localFrom)
        {
            var lastDay = localTo.AddDays(-1);
            return localFrom.Date == lastDay.Date ? Day(localFrom) : Day(localFrom) + " \u2013 " + Day(lastDay);
        }

        return Time(localFrom).Substring(0, 16) + " \u2013 " + Time(localTo).Substring(0, 16);
    }

    private static string Day(DateTimeOffset local) => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Meta(TextWriter w, string key, string name, string value)
    {
        w.Write("<div");
        HtmlText.Attribute(w, "data-meta", key);
        w.Write("><dt>");
        HtmlText.Write(w, name);
        w.Write("</dt><dd>");
        HtmlText.Write(w, value);
        w.Write("</dd></div>");
    }

    private static void WriteTiles(TextWriter w, CallReportAggregator data)
    {
        var n = CultureInfo.InvariantCulture;
        w.Write("<section class=\"tiles\" aria-label=\"Totals\">\n");
        Tile(w, "calls", "Calls", data.Calls, data.Calls.ToString("N0", n), "all directions");
        Tile(w, "inbound", "Inbound", data.Inbound, data.Inbound.ToString("N0", n), Share(data.Inbound, data.Calls) + " of calls");
        Tile(w, "outbound", "Outbound", data.Outbound, data.Outbound.ToString("N0", n), Share(data.Outbound, data.Calls) + " of calls");
        Tile(w, "missed", "Missed", data.Missed, data.Missed.ToString("N0", n), "inbound, not answered");
        Tile(w, "missed-rate", "Missed rate", data.MissedRate, (data.MissedRate * 100).ToString("0.0", n) + " %", "of inbound calls");
        Tile(w, "talk-seconds", "Talk time", data.TalkSeconds, Hours(data.TalkSeconds), data.Connected.ToString("N0", n) + " connected calls");
        Tile(w, "average-handle-seconds", "Avg. handle", data.AverageHandleSeconds, Clock(data.AverageHandleSeconds), "per connected call");
        Tile(w, "recordings", "Recordings", data.Recordings, data.Recordings.ToString("N0", n), data.RecordingsOnDisk.ToString("N0", n) + " on disk");
        w.Write("</section>\n");
    }

    private static void Tile(TextWriter w, string metric, string label, double value, string shown, string note)
    {
        w.Write("<div class=\"tile\"");
        HtmlText.Attribute(w, "data-metric", metric);
        HtmlText.Attribute(w, "data-value", HtmlText.Number(value));
        w.Write("><span class=\"tile-label\">");
        HtmlText.Write(w, label);
        w.Write("</span><span class=\"tile-value\">");
        HtmlText.Write(w, shown);
        w.Write("</span><span class=\"tile-note\">");
        HtmlText.Write(w, note);
        w.Write("</span></div>\n");
    }

    private static string Share(long part, long whole) =>
        (whole == 0 ? 0 : 100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + " %";

    private static string Hours(long seconds)
    {
        var t = TimeSpan.FromSeconds(seconds);
        return t.TotalHours >= 1
            ? string.Format(CultureInfo.InvariantCulture, "{0:N0} h {1:00} m", Math.Floor(t.TotalHours), t.Minutes)
            : string.Format(CultureInfo.InvariantCulture, "{0} m {1:00} s", t.Minutes, t.Seconds);
    }

    private static void WriteCharts(TextWriter w, CallReportAggregator data)
    {
        w.Write("<section class=\"charts\">\n");
        Card(w, "wide", "Calls per day", "local days, by direction");
        CallsPerDayChart.Write(w, data);
        Legend(w, CallsPerDayChart.SeriesShown(data.PerDay().ToList()).Select(s => CallReportAggregator.DirectionSeries[s]));
        w.Write("</figure>\n");

        Card(w, "wide", "When calls come", "calls by weekday and local hour");
        HourByWeekdayChart.Write(w, data);
        w.Write("</figure>\n");

        Card(w, string.Empty, "Missed calls by extension", "the ten with most");
        var missed = data.TopMissedExtensions(TopExtensions)
            .Select(t => new BarListChart.Bar(t.Label, t.Count, "s-missed", "data-extension-id", t.Key)).ToList();
        BarListChart.Write(w, "missed-by-extension", "Missed calls by extension", missed, "No missed calls");
        w.Write("</figure>\n");

        Card(w, string.Empty, "Results", "every call");
        var results = data.Results().Select(r => new BarListChart.Bar(r.Key, r.Value, ResultClass(r.Key))).ToList();
        BarListChart.Write(w, "results", "Calls by result", results, "No calls");
        w.Write("</figure>\n");

        Card(w, "wide", "Call duration", "every call");
        HistogramChart.Write(w, data);
        w.Write("</figure>\n</section>\n");
    }

    private static string ResultClass(string result) =>
        CallMeasures.IsConnectedResult(result) ? "s-connected"
        : CallMeasures.IsMissedResult(result) ? "s-missed"
        : "s-result";

    private static void Card(TextWriter w, string cssClass, string title, string hint)
    {
        w.Write("<figure class=\"card " + cssClass + "\"><h2>");
        HtmlText.Write(w, title);
        w.Write("<span class=\"hint\">");
        HtmlText.Write(w, hint);
        w.Write("</span></h2>\n");
    }

    private static void Legend(TextWriter w, IEnumerable<string> series)
    {
        w.Write("<ul class=\"legend\">");
        foreach (var name in series)
        {
            w.Write("<li><span class=\"sw s-" + name.ToLowerInvariant() + "\"></span>");
            HtmlText.Write(w, name);
            w.Write("</li>");
        }

        w.Write("</ul>\n");
    }

    private static void WriteTable(TextWriter w, CallReportAggregator data)
    {
        var n = CultureInfo.InvariantCulture;
        var rows = data.Rows;
        w.Write("<section class=\"card calls\">\n<h2>Calls</h2>\n<p class=\"count\">");
        HtmlText.Write(w, rows.Count == data.Calls
            ? "All " + data.Calls.ToString("N0", n) + " calls; times in " + data.Zone.Id + "."
            : "The first " + rows.Count.ToString("N0", n) + " of " + data.Calls.ToString("N0", n) + " calls (in the order they were given; the totals and charts count every call); times in " + data.Zone.Id + ".");
        w.Write("</p>\n<div class=\"tools\" id=\"tools\" hidden><input id=\"filter\" type=\"search\" placeholder=\"Filter: name, number, result, extension\u2026\" aria-label=\"Filter the calls\"><span><span id=\"shown\">");
        HtmlText.Write(w, rows.Count.ToString("N0", n));
        w.Write("</span> shown</span></div>\n<div class=\"table-wrap\"><table id=\"calls\">\n<thead><tr><th>Start</th><th>Direction</th><th>From</th><th>To</th><th class=\"num\" data-numeric>Duration</th><th>Result</th><th>Extension</th><th data-nosort>Recording, message</th></tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            WriteRow(w, row);
        }

        w.Write("</tbody>\n</table></div>\n</section>\n");
    }

    private static void WriteRow(TextWriter w, CallReportRow row)
    {
        w.Write("<tr");
        HtmlText.Attribute(w, "data-call-id", row.CallId);
        w.Write("><td class=\"time\"");
        HtmlText.Attribute(w, "data-sort", row.LocalStart.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        w.Write(">");
        HtmlText.Write(w, Time(row.LocalStart));
        w.Write("</td><td>");
        HtmlText.Write(w, row.Direction);
        w.Write("</td><td>");
        HtmlText.Write(w, row.From);
        w.Write("</td><td>");
        HtmlText.Write(w, row.To);
        w.Write("</td><td class=\"num\"");
        HtmlText.Attribute(w, "data-sort", HtmlText.Number(row.Seconds));
        w.Write(">");
        HtmlText.Write(w, Clock(row.Seconds));
        w.Write("</td><td class=\"" + ResultClass(row.Result).Replace("s-", "res-") + "\">");
        HtmlText.Write(w, row.Result);
        w.Write("</td><td>");
        HtmlText.Write(w, row.Extension);
        w.Write("</td><td>");
        if (row.Recording is { } recording)
        {
            w.Write("<audio controls preload=\"none\"");
            HtmlText.Attribute(w, "data-recording-id", recording.RecordingId);
            w.Write("><source");
            HtmlText.Attribute(w, "src", recording.Source);
            HtmlText.Attribute(w, "type", recording.ContentType);
            w.Write("></audio><span class=\"print-only\">recorded</span>");
        }

        if (row.Message is { } message)
        {
            WriteMessage(w, message);
        }

        w.Write("</td></tr>\n");
    }

    /// <summary>A voicemail player with its transcription under it, and a link that opens each fax document.</summary>
    private static void WriteMessage(TextWriter w, LocalMessage message)
    {
        w.Write("<div class=\"message\"");
        HtmlText.Attribute(w, "data-message-id", message.MessageId);
        w.Write(">");
        if (message.Voicemail is { } voicemail)
        {
            w.Write("<audio controls preload=\"none\"");
            HtmlText.Attribute(w, "data-voicemail-id", message.MessageId);
            w.Write("><source");
            HtmlText.Attribute(w, "src", voicemail.Source);
            HtmlText.Attribute(w, "type", voicemail.ContentType);
            w.Write("></audio><span class=\"print-only\">voicemail</span>");
        }

        if (message.Transcription is { Length: > 0 } text)
        {
            w.Write("<p class=\"transcription\"");
            HtmlText.Attribute(w, "data-transcription-id", message.MessageId);
            w.Write(">");
            HtmlText.Write(w, text);
            w.Write("</p>");
        }

        foreach (var document in message.Documents)
        {
            // A new tab: the browser's own viewer shows the fax, and the report stays where it was.
            w.Write("<a class=\"document\" target=\"_blank\" rel=\"noopener\"");
            HtmlText.Attribute(w, "data-fax-id", message.MessageId);
            HtmlText.Attribute(w, "href", document.Source);
            HtmlText.Attribute(w, "type", document.ContentType);
            w.Write(">");
            HtmlText.Write(w, message.Documents.Count == 1 ? "Fax document" : "Fax document " + document.AttachmentId);
            w.Write("</a>");
        }

        w.Write("</div>");
    }

    private static void WriteDefinitions(TextWriter w, CallReportAggregator data)
    {
        w.Write("<footer><dl>");
        Definition(w, "Calls", "Every call log record given, both directions, voice and fax" + (data.DeletedSkipped > 0 ? "; " + data.DeletedSkipped.ToString("N0", CultureInfo.InvariantCulture) + " records marked deleted were left out." : "."));
        Definition(w, "Missed", "Inbound calls whose result is " + string.Join(", ", CallMeasures.MissedResults) + ". Missed rate = missed \u00f7 inbound calls.");
        Definition(w, "Talk time, handle time", "Talk time is the summed duration of connected calls (result " + string.Join(" or ", CallMeasures.ConnectedResults) + ", either direction); the average handle time is talk time \u00f7 connected calls.");
        Definition(w, "Days and hours", "Local to " + data.Zone.Id + ", by the call's start.");
        w.Write("</dl></footer>\n");
    }

    private static void Definition(TextWriter w, string term, string text)
    {
        w.Write("<dt>");
        HtmlText.Write(w, term);
        w.Write("</dt><dd>");
        HtmlText.Write(w, text);
        w.Write("</dd>");
    }
}
