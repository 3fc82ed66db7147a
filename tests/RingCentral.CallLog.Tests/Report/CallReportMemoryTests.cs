using System.Diagnostics;
using System.Text;
using RingCentral.CallLog.Report;
using Xunit;
using Xunit.Abstractions;

namespace RingCentral.CallLog.Tests.Report;

/// <summary>Runs alone: the heap it measures is the whole process's, so no other test may allocate meanwhile.</summary>
[CollectionDefinition(nameof(CallReportMemoryTests), DisableParallelization = true)]
public sealed class CallReportMemoryRunsAlone
{
}

[Collection(nameof(CallReportMemoryTests))]
public class CallReportMemoryTests
{
    private static readonly DateTimeOffset s_end = new(2026, 11, 30, 18, 0, 0, TimeSpan.Zero);
    private readonly ITestOutputHelper _output;

    public CallReportMemoryTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Memory_stays_flat_over_a_million_records()
    {
        // The records are made on the fly and dropped, as from a pipeline: only the aggregates and
        // the first 5000 rows may stay.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var report = new CallReportAggregator(zone, 5000, _ => null);
        var clock = Stopwatch.StartNew();
        long afterWarmUp = 0;
        var i = 0;
        foreach (var record in ReportRecords.Random(1_000_000, 9, s_end))
        {
            report.Add(record);
            if (++i == 100_000)
            {
                afterWarmUp = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        var atEnd = GC.GetTotalMemory(forceFullCollection: true);
        var aggregateTime = clock.Elapsed;
        clock.Restart();
        using var counter = new CountingWriter();
        CallReportWriter.Write(counter, report, new CallReportHeader("Calls", s_end, "1.2.3", null));
        _output.WriteLine($"1,000,000 records aggregated in {aggregateTime.TotalSeconds:0.00} s; heap after 100,000: {afterWarmUp / 1048576.0:0.0} MB, after 1,000,000: {atEnd / 1048576.0:0.0} MB; page {counter.Chars / 1048576.0:0.0} M chars written in {clock.Elapsed.TotalSeconds:0.00} s");

        Assert.True(report.Calls > 950_000);
        Assert.Equal(5000, report.Rows.Count);
        Assert.True(atEnd - afterWarmUp < 2 * 1048576, $"the heap grew by {(atEnd - afterWarmUp) / 1048576.0:0.0} MB from 100,000 to 1,000,000 records");
    }

    private sealed class CountingWriter : TextWriter
    {
        public long Chars { get; private set; }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Chars++;

        public override void Write(string? value) => Chars += value?.Length ?? 0;
    }
}
