using System.Diagnostics;
using CsCheck;
using RingCentral.CallLog.Tests.Json.Schema;
using Xunit;
using Xunit.Abstractions;

namespace RingCentral.CallLog.Tests.Json;

/// <summary>
/// Property-based tests of the call log readers with records generated from RingCentral's published
/// schema (<see cref="CallLogRecordGenerator"/>): every optional property sometimes present,
/// sometimes absent, sometimes null; ids as JSON numbers; enumeration values the spec does not list;
/// unknown members at every level; long and non-ASCII strings with escapes. Pages of 1 to 1000
/// records stream in random read sizes, and every contract property of every record and leg must
/// equal what was sent (<see cref="ContractExpectations"/>). A failure shrinks (CsCheck, then
/// <see cref="PageReducer"/>) to the smallest record that breaks the property; the report shows its
/// JSON, what differs, and the CsCheck seed that replays the failure.
/// </summary>
public class SchemaPropertyTests
{
    // Iterations per property: bounded, a few seconds each on the 2-core build machine.
    private const int PageIterations = 30;
    private const int BatchIterations = 60;

    private static readonly CallLogRecordGenerator s_generator = new(PublishedSchema.Default);

    private readonly ITestOutputHelper _output;

    public SchemaPropertyTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>Pages of 1 to 1000 records of either view: mostly small, often up to 200, one in 20 up to 1000.</summary>
    private static Gen<GeneratedPage> Pages { get; } = Gen.OneOf(
        s_generator.Page("Simple", s_generator.Records("Simple")),
        s_generator.Page("Detailed", s_generator.Records("Detailed")));

    [Fact]
    public Task The_page_reader_gives_every_contract_property_of_every_record_and_leg_as_sent() => Run(
        "page reader",
        Gen.Select(Pages, ReadPlan.Any),
        async sample =>
        {
            var (page, plan) = sample;
            var result = await StreamedReaders.ReadPageAsync(page, plan, raw: false);
            ContractAssert.RecordsMatch(page.Records, page.RecordTexts, result.Records, $"page reader, {plan}");
            Assert.Equal(page.NextPage, result.NextPage);
        },
        PageIterations,
        sample => Print(sample.Item1, sample.Item2),
        sample => PageReducer.Smaller(sample.Item1).Select(p => (p, sample.Item2)));

    [Fact]
    public Task The_raw_reader_gives_every_records_text_as_sent_and_its_contract_properties() => Run(
        "-Raw reader",
        Gen.Select(Pages, ReadPlan.Any),
        async sample =>
        {
            var (page, plan) = sample;
            var result = await StreamedReaders.ReadPageAsync(page, plan, raw: true);
            ContractAssert.RawTextsMatch(page.RecordTexts, result.RawRecords!, $"-Raw reader, {plan}");
            ContractAssert.RecordsMatch(page.Records, page.RecordTexts, result.Records, $"-Raw reader, {plan}");
            Assert.Equal(page.NextPage, result.NextPage);
        },
        PageIterations,
        sample => Print(sample.Item1, sample.Item2),
        sample => PageReducer.Smaller(sample.Item1).Select(p => (p, sample.Item2)));

    /// <summary>Batches of 1 (a plain answer) to 50 records (207 multipart, CRLF or LF), typed and raw.</summary>
    [Fact]
    public Task The_batch_reader_gives_every_record_of_an_answer_as_sent() => Run(
        "batch reader",
        Gen.Select(
            Gen.OneOf("Simple", "Detailed").SelectMany(view => s_generator.Page(view, s_generator.Record(view).Array[1, 50])),
            ReadPlan.Any,
            Gen.Bool,
            Gen.OneOf("\r\n", "\n")),
        async sample =>
        {
            var (page, plan, raw, lineEnd) = sample;
            var items = await StreamedReaders.ReadBatchAsync(page.RecordTexts, page.View, plan, raw, lineEnd);
            Assert.All(items, item => Assert.Null(item.Error));
            ContractAssert.RecordsMatch(page.Records, page.RecordTexts, items.Select(i => i.Record!).ToList(), $"batch reader (raw: {raw}), {plan}");
            if (raw)
            {
                ContractAssert.RawTextsMatch(page.RecordTexts, items.Select(i => i.RawRecord).ToList(), $"batch reader, {plan}");
            }
        },
        BatchIterations,
        sample => Print(sample.Item1, sample.Item2) + $", raw: {sample.Item3}, line ends {(sample.Item4 == "\n" ? "LF" : "CRLF")}",
        sample => PageReducer.Smaller(sample.Item1).Select(p => (p, sample.Item2, sample.Item3, sample.Item4)));

    /// <summary>
    /// The shrinking the properties rely on, shown on a planted defect: "a record whose callee's
    /// device carries an unknown member is misread". Whatever page first fails (often hundreds of
    /// records), the report must end at one record holding nothing but to.device and one unknown member.
    /// </summary>
    [Fact]
    public async Task A_failure_shrinks_to_the_smallest_record_that_breaks_the_property()
    {
        static bool Breaks(WireObject record) => record["to"] is WireObject to && to["device"] is WireObject device && device.Members.Any(m => m.Unknown);

        var failure = await Assert.ThrowsAsync<PropertyFailedException>(() => PropertyCheck.SampleAsync(
            s_generator.Page("Detailed", s_generator.Records("Detailed")),
            page => page.Records.Any(Breaks) ? throw new InvalidOperationException("planted defect") : Task.CompletedTask,
            iter: PageIterations,
            print: page => page.ToString(),
            smaller: PageReducer.Smaller));

        var smallest = Assert.IsType<GeneratedPage>(failure.Smallest);
        _output.WriteLine(failure.Message);
        var record = Assert.Single(smallest.Records);
        var to = Assert.IsType<WireObject>(Assert.Single(record.Members).Value);
        Assert.Equal("to", record.Members[0].Name);
        var device = Assert.IsType<WireObject>(Assert.Single(to.Members).Value);
        Assert.Equal("device", to.Members[0].Name);
        Assert.True(Assert.Single(device.Members).Unknown);
        Assert.Contains(smallest.RecordTexts[0], failure.Message, StringComparison.Ordinal);
    }

    private static string Print(GeneratedPage page, ReadPlan plan) => page + "\n" + plan;

    private async Task Run<T>(string what, Gen<T> gen, Func<T, Task> assert, int iterations, Func<T, string> print, Func<T, IEnumerable<T>> smaller)
    {
        var watch = Stopwatch.StartNew();
        await PropertyCheck.SampleAsync(gen, assert, iterations, print, _output.WriteLine, smaller);
        _output.WriteLine($"{what}: {iterations} samples in {watch.Elapsed.TotalSeconds:0.0} s");
    }
}
