using RingCentral.CallLog.Report;
using Xunit;

namespace RingCentral.CallLog.Tests.Report;

public class CallReportAggregatorTests
{
    private static readonly DateTimeOffset s_end = new(2026, 11, 30, 18, 0, 0, TimeSpan.Zero);

    // The definitions of the help (docs/en-US/Export-RcCallReport.md), written out here again on purpose.
    private static readonly string[] s_missed = { "Missed", "Voicemail", "No Answer", "Busy", "Abandoned", "Rejected", "Hang Up" };
    private static readonly string[] s_connected = { "Accepted", "Call connected" };

    [Fact]
    public void Totals_match_a_count_made_independently_from_the_records()
    {
        var records = ReportRecords.Random(20_000, 42, s_end).ToList();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var report = Aggregate(records, zone, 5000);

        var live = records.Where(r => !r.Deleted).ToList();
        var inbound = live.Where(r => r.Direction == "Inbound").ToList();
        var missed = inbound.Where(r => s_missed.Contains(r.Result)).ToList();
        var connected = live.Where(r => s_connected.Contains(r.Result)).ToList();
        var talk = connected.Sum(r => (long)(r.Duration ?? 0));

        Assert.Equal(records.Count(r => r.Deleted), report.DeletedSkipped);
        Assert.Equal(live.Count, report.Calls);
        Assert.Equal(inbound.Count, report.Inbound);
        Assert.Equal(live.Count(r => r.Direction == "Outbound"), report.Outbound);
        Assert.Equal(missed.Count, report.Missed);
        Assert.Equal((double)missed.Count / inbound.Count, report.MissedRate, 12);
        Assert.Equal(talk, report.TalkSeconds);
        Assert.Equal((double)talk / connected.Count, report.AverageHandleSeconds, 9);
        Assert.Equal(live.Count(r => r.RecordingId is not null), report.Recordings);
        Assert.True(report.Missed > 1000 && report.TalkSeconds > 0, "the sample exercises the measures");

        // Results, duration buckets, days and hours, each from the records themselves.
        var results = live.GroupBy(r => r.Result ?? "Unknown").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(results.OrderBy(p => p.Key, StringComparer.Ordinal), report.Results().OrderBy(p => p.Key, StringComparer.Ordinal));
        int[] bounds = { 30, 60, 120, 300, 600, 1800 };
        for (var b = 0; b <= bounds.Length; b++)
        {
            var low = b == 0 ? int.MinValue : bounds[b - 1];
            var high = b == bounds.Length ? int.MaxValue : bounds[b];
            Assert.Equal(live.Count(r => (r.Duration ?? 0) >= low && (r.Duration ?? 0) < high), report.DurationBucket(b));
        }

        var local = live.Select(r => (Call: r, Time: TimeZoneInfo.ConvertTime(r.StartTime, zone))).ToList();
        foreach (var day in report.PerDay())
        {
            var onDay = local.Where(l => l.Time.Date == day.Key).ToList();
            Assert.Equal(onDay.Count(l => l.Call.Direction == "Inbound"), day.Value[0]);
            Assert.Equal(onDay.Count(l => l.Call.Direction == "Outbound"), day.Value[1]);
            Assert.Equal(onDay.Count(l => l.Call.Direction is not "Inbound" and not "Outbound"), day.Value[2]);
        }

        Assert.Equal(live.Count, report.PerDay().Sum(d => d.Value.Sum()));
        for (var h = 0; h < 24; h++)
        {
            Assert.Equal(local.Count(l => l.Time.DayOfWeek == DayOfWeek.Monday && l.Time.Hour == h), report.HourOfWeekday(0, h));
            Assert.Equal(local.Count(l => l.Time.DayOfWeek == DayOfWeek.Sunday && l.Time.Hour == h), report.HourOfWeekday(6, h));
        }

        var byExtension = missed.GroupBy(r => r.ExtensionId!).ToDictionary(g => g.Key, g => g.Count());
        var top = report.TopMissedExtensions(10);
        Assert.Equal(10, top.Count);
        Assert.Equal(byExtension.Values.OrderByDescending(v => v).Take(10), top.Select(t => t.Count));
        Assert.All(top, t => Assert.Equal(byExtension[t.Key], t.Count));
    }

    [Fact]
    public void Days_and_hours_are_those_of_the_chosen_time_zone()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        // 03:00 UTC on Tuesday 1 December is 22:00 on Monday 30 November in New York.
        var report = Aggregate(new[] { ReportRecords.Call("a", new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero)) }, newYork, 10);
        var day = Assert.Single(report.PerDay());
        Assert.Equal(new DateTime(2026, 11, 30), day.Key);
        Assert.Equal(1, report.HourOfWeekday(0, 22));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 22, 0, 0, TimeSpan.FromHours(-5)), report.Rows[0].LocalStart);

        var utc = Aggregate(new[] { ReportRecords.Call("a", new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero)) }, TimeZoneInfo.Utc, 10);
        Assert.Equal(new DateTime(2026, 12, 1), Assert.Single(utc.PerDay()).Key);
        Assert.Equal(1, utc.HourOfWeekday(1, 3));
    }

    [Fact]
    public void Every_day_from_the_first_to_the_last_is_shown_empty_days_included()
    {
        var report = Aggregate(
            new[]
            {
                ReportRecords.Call("a", new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero)),
                ReportRecords.Call("b", new DateTimeOffset(2026, 11, 4, 12, 0, 0, TimeSpan.Zero), "Outbound", "Call connected"),
            },
            TimeZoneInfo.Utc,
            10);
        var days = report.PerDay().ToList();
        Assert.Equal(4, days.Count);
        Assert.Equal(new[] { 1, 0, 0 }, days[0].Value);
        Assert.Equal(new[] { 0, 0, 0 }, days[1].Value);
        Assert.Equal(new[] { 0, 1, 0 }, days[3].Value);
    }

    [Fact]
    public void Keeps_only_max_rows_rows_in_input_order_but_counts_every_record()
    {
        var records = ReportRecords.Random(1000, 7, s_end).Where(r => !r.Deleted).ToList();
        var report = Aggregate(records, TimeZoneInfo.Utc, 25);
        Assert.Equal(records.Take(25).Select(r => r.Id), report.Rows.Select(r => r.CallId));
        Assert.Equal(records.Count, report.Calls);

        var none = Aggregate(records, TimeZoneInfo.Utc, 0);
        Assert.Empty(none.Rows);
        Assert.Equal(records.Count, none.Calls);
    }

    [Fact]
    public void Blocked_and_outbound_calls_are_not_missed_and_rates_are_zero_without_calls()
    {
        var report = Aggregate(
            new[]
            {
                ReportRecords.Call("a", s_end, "Inbound", "Blocked"),
                ReportRecords.Call("b", s_end, "Outbound", "No Answer"),
                ReportRecords.Call("c", s_end, "Inbound", "Voicemail", 40),
            },
            TimeZoneInfo.Utc,
            10);
        Assert.Equal(1, report.Missed);
        Assert.Equal(0.5, report.MissedRate);
        Assert.Equal(0, report.TalkSeconds);
        Assert.Equal(0, report.AverageHandleSeconds);

        var empty = Aggregate(Array.Empty<CallLogRecord>(), TimeZoneInfo.Utc, 10);
        Assert.Equal(0, empty.MissedRate);
        Assert.Equal(0, empty.AverageHandleSeconds);
        Assert.Empty(empty.PerDay());
    }

    [Fact]
    public void Takes_the_account_from_the_records_and_the_recordings_found_on_disk()
    {
        var found = new LocalRecording("r1", "/x/r1.mp3", "r1.mp3", "audio/mpeg");
        var report = new CallReportAggregator(TimeZoneInfo.Utc, 1, id => id == "r1" ? found : null);
        report.Add(ReportRecords.Call("a", s_end, recordingId: "r2"));
        report.Add(ReportRecords.Call("b", s_end, recordingId: "r1"));
        Assert.Equal(new[] { "400700" }, report.Accounts);
        Assert.Equal(2, report.Recordings);
        Assert.Equal(1, report.RecordingsOnDisk);
        Assert.Null(report.Rows[0].Recording);
    }

    internal static CallReportAggregator Aggregate(IEnumerable<CallLogRecord> records, TimeZoneInfo zone, int maxRows)
    {
        var report = new CallReportAggregator(zone, maxRows, _ => null);
        foreach (var record in records)
        {
            report.Add(record);
        }

        return report;
    }
}
