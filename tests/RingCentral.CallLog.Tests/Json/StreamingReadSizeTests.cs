using System.Collections.Concurrent;
using CsCheck;
using RingCentral.CallLog.Tests.Json.Schema;
using Xunit;

namespace RingCentral.CallLog.Tests.Json;

/// <summary>
/// Every reader of call log records (the page reader, the <c>-Raw</c> page reader and the batch
/// reader of 207 multipart answers) gets bodies that stream in 1, 7, 512, 4096 or 65536 bytes per
/// read, or in random sizes, with pages of 1 to 1000 of the heaviest records the published schema
/// allows (every optional property present, unknown members in every open object), in both views.
/// Every record must come out whole: every contract property equal to what was sent, every raw
/// text equal to the record's JSON.
/// </summary>
public class StreamingReadSizeTests
{
    private static readonly int[] s_pageSizes = [1, 2, 100, 1000];
    private static readonly ConcurrentDictionary<(string View, int Count), Lazy<GeneratedPage>> s_pages = new();

    public static TheoryData<string, int, int> Pages()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var view in new[] { "Simple", "Detailed" })
        {
            foreach (var count in s_pageSizes)
            {
                foreach (var size in ReadPlan.Sizes)
                {
                    data.Add(view, count, size);
                }
            }
        }

        return data;
    }

    public static TheoryData<string, int, int> Batches()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var view in new[] { "Simple", "Detailed" })
        {
            foreach (var count in new[] { 1, 2, 50, 1000 })
            {
                foreach (var size in ReadPlan.Sizes)
                {
                    data.Add(view, count, size);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_reader_gives_every_record_whole(string view, int count, int readSize)
    {
        var page = Page(view, count);
        var result = await StreamedReaders.ReadPageAsync(page, ReadPlan.Of(readSize), raw: false);

        ContractAssert.RecordsMatch(page.Records, page.RecordTexts, result.Records, $"{view} page of {count} read {ReadPlan.Of(readSize)}");
        Assert.Equal(page.NextPage, result.NextPage);
        Assert.NotNull(result.NextPage);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_raw_reader_gives_every_records_text_as_sent_and_its_values(string view, int count, int readSize)
    {
        var page = Page(view, count);
        var result = await StreamedReaders.ReadPageAsync(page, ReadPlan.Of(readSize), raw: true);

        ContractAssert.RawTextsMatch(page.RecordTexts, result.RawRecords!, $"-Raw {view} page of {count} read {ReadPlan.Of(readSize)}");
        ContractAssert.RecordsMatch(page.Records, page.RecordTexts, result.Records, $"-Raw {view} page of {count} read {ReadPlan.Of(readSize)}");
        Assert.Equal(page.NextPage, result.NextPage);
    }

    /// <summary>One id (a plain JSON answer), 2 and 50 ids (207 multipart), and 1000 records as 20 batches of 50.</summary>
    [Theory]
    [MemberData(nameof(Batches))]
    public async Task The_batch_reader_gives_every_record_whole(string view, int count, int readSize)
    {
        var page = Page(view, count);
        for (var start = 0; start < count; start += 50)
        {
            var records = page.Records.Skip(start).Take(50).ToList();
            var texts = page.RecordTexts.Skip(start).Take(50).ToList();
            foreach (var raw in new[] { false, true })
            {
                var what = $"{view} batch of {records.Count} (from {start}, raw: {raw}) read {ReadPlan.Of(readSize)}";
                var items = await StreamedReaders.ReadBatchAsync(texts, view, ReadPlan.Of(readSize), raw, lineEnd: start % 100 == 0 ? "\r\n" : "\n");

                Assert.All(items, item => Assert.Null(item.Error));
                ContractAssert.RecordsMatch(records, texts, items.Select(i => i.Record!).ToList(), what);
                if (raw)
                {
                    ContractAssert.RawTextsMatch(texts, items.Select(i => i.RawRecord).ToList(), what);
                }
            }
        }
    }

    [Fact]
    public void The_records_carry_every_property_the_schema_defines_and_unknown_ones_everywhere()
    {
        foreach (var view in new[] { "Simple", "Detailed" })
        {
            var page = Page(view, 100);
            var missing = page.Records.SelectMany(r => SchemaCoverage.MissingFromCompleteRecord(r, view)).Distinct().ToList();
            Assert.True(missing.Count == 0, $"{view} records lack: {string.Join(", ", missing)}");
            Assert.All(page.Records, r => Assert.Equal(view == "Detailed", ContractExpectations.Legs(r).Count > 0));
        }
    }

    /// <summary>The same heavy page for every read size: generated once per view and size, from a fixed seed.</summary>
    private static GeneratedPage Page(string view, int count) => s_pages.GetOrAdd((view, count), key => new Lazy<GeneratedPage>(() =>
    {
        var generator = new CallLogRecordGenerator(PublishedSchema.Default, complete: true);
        var layout = count % 2 == 0 ? WireLayout.Spaced : WireLayout.Compact;
        var pages = generator.Page(key.View, generator.Record(key.View).Array[key.Count], layout);
        return pages.Generate(new PCG(1, (ulong)(key.Count * 7919 + key.View.Length)), null!, out _);
    })).Value;
}
