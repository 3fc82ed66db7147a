using System.Runtime.CompilerServices;
using RingCentral.CallLog;
using RingCentral.CallLog.Report;
using Xunit;

namespace RingCentral.CallLog.Tests.Report;

/// <summary>
/// Export-RcCallReport's memory promise as behaviour: the aggregator keeps the first rows (copies of
/// what they show) and tallies whose size is fixed by what they count, and no record it was given. (How much memory
/// a whole export takes is a figure for the benchmarks, not a test: see tests/README.md.)
/// </summary>
public class CallReportMemoryTests
{
    private const int MaxRows = 5000;
    private const int Records = 1_000_000;
    private const int SampleEvery = 1000;
    private static readonly DateTimeOffset s_end = new(2026, 11, 30, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Over_a_million_records_only_the_first_rows_and_fixed_size_tallies_are_kept()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var report = new CallReportAggregator(zone, MaxRows, _ => null);
        var sampled = Feed(report);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // A record held by the report is memory that grows with the input (rows copy what they show).
        var kept = sampled.Where(w => w.TryGetTarget(out _)).Count();
        Assert.True(kept == 0, $"{kept} of {sampled.Count} sampled records are still reachable from the report");
        Assert.True(report.Calls > 950_000);
        Assert.Equal(MaxRows, report.Rows.Count);
        // The tallies are bounded by the range (14 days, plus a day at each edge in the zone), the
        // results and extensions the generator uses, and the report's account cap.
        Assert.InRange(report.PerDay().Count(), 1, 16);
        Assert.InRange(report.Results().Count, 1, 20);
        Assert.InRange(report.TopMissedExtensions(int.MaxValue).Count, 1, 14);
        Assert.InRange(report.Accounts.Count, 1, 8);
    }

    /// <summary>
    /// Adds the records as a pipeline hands them over (made on the fly, dropped after), and keeps a weak
    /// reference to every <see cref="SampleEvery"/>th one, rows included. Not inlined, so that no local of
    /// this frame keeps a record alive during the collection.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference<CallLogRecord>> Feed(CallReportAggregator report)
    {
        var sampled = new List<WeakReference<CallLogRecord>>();
        var i = 0;
        foreach (var record in ReportRecords.Random(Records, 9, s_end))
        {
            report.Add(record);
            if (i % SampleEvery == 0)
            {
                sampled.Add(new WeakReference<CallLogRecord>(record));
            }

            i++;
        }

        return sampled;
    }
}
