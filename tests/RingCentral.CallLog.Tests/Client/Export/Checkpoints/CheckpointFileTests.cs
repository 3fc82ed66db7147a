using System.Text;
using RingCentral.CallLog.Client.Export.Checkpoints;
using Xunit;
using Xunit.Abstractions;

namespace RingCentral.CallLog.Tests.Client.Export.Checkpoints;

/// <summary>The checkpoint file: its layout, its size, version 1 upgrades, damaged files, and flat memory while merging.</summary>
public sealed class CheckpointFileTests : IDisposable
{
    private static readonly DateTimeOffset Mark = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private readonly ITestOutputHelper _output;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rc-cpfile-" + Guid.NewGuid().ToString("N"));

    public CheckpointFileTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_directory);
    }

    public void Dispose() => Directory.Delete(_directory, true);

    [Fact]
    public void Entries_round_trip_newest_first_and_the_file_is_json()
    {
        var path = Path.Combine(_directory, "cp.json");
        var entries = new[] { new CheckpointEntry("b\"quoted", 3000, 7), new CheckpointEntry("a", 3000, 8), new CheckpointEntry("c", 1000, ulong.MaxValue) };
        using (var writer = CallLogCheckpoint.BeginWrite(path, "scope=account", "server|account:1", Mark.AddDays(-3), Mark))
        {
            foreach (var entry in entries)
            {
                writer.Add(entry);
            }

            writer.Commit();
        }

        var checkpoint = CallLogCheckpoint.Load(path)!;
        Assert.Equal(2, checkpoint.SourceVersion);
        Assert.Equal(Mark, checkpoint.HighWaterMark);
        Assert.Equal(Mark.AddDays(-3), checkpoint.Since);
        Assert.Equal(3, checkpoint.EntryCount);
        Assert.Equal(entries.Select(e => (e.Id, e.StartMs, e.Fingerprint)), checkpoint.ReadEntries().Select(e => (e.Id, e.StartMs, e.Fingerprint)));

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(3, json.RootElement.GetProperty("entries").GetArrayLength());
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public void An_uncommitted_writer_leaves_the_current_file_as_it_was()
    {
        var path = Path.Combine(_directory, "cp.json");
        File.WriteAllText(path, "previous");
        using (var writer = CallLogCheckpoint.BeginWrite(path, "f", "a", null, Mark))
        {
            writer.Add(new CheckpointEntry("x", 1, 1));
        }

        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public void A_first_run_without_a_start_date_is_a_typed_failure_that_keeps_no_lock()
    {
        var path = Path.Combine(_directory, "first.json");
        var error = Assert.Throws<CheckpointStartMissingException>(() => CheckpointRun.Open(path, "f", "a", null));
        Assert.Contains("start date", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));

        // The lock was released: a run given its start date opens the same checkpoint.
        using var run = CheckpointRun.Open(path, "f", "a", Mark);
        Assert.Null(run.Previous);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("damaged")]
    [InlineData("unordered")]
    [InlineData("future")]
    public void A_damaged_or_unknown_file_is_refused_with_what_to_do(string kind)
    {
        var path = Path.Combine(_directory, "cp.json");
        const string header = "{\"version\":2,\"filter\":\"f\",\"account\":\"a\",\"highWaterMark\":\"2026-11-20T12:00:00.000Z\",\"entries\":[";
        File.WriteAllText(path, kind switch
        {
            "truncated" => header + "\n[\"a\",2,\"01\"],\n[\"b\",1,\"0",
            "damaged" => header + "\n[\"a\",\"two\",\"01\"]\n]}\n",
            "unordered" => header + "\n[\"a\",1,\"01\"],\n[\"b\",2,\"01\"]\n]}\n",
            _ => header.Replace("\"version\":2", "\"version\":3", StringComparison.Ordinal) + "\n]}\n",
        });
        var error = Assert.Throws<InvalidDataException>(() => CallLogCheckpoint.Load(path));
        Assert.Contains(kind == "future" ? "version 3" : "not a readable call log checkpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("delete", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_version_1_checkpoint_is_upgraded_and_its_records_come_once_more_as_updated()
    {
        var path = Path.Combine(_directory, "v1.json");
        File.WriteAllText(path, """
            {
              "version": 1,
              "filter": "scope=account",
              "account": "server|account:1",
              "highWaterMark": "2026-11-20T12:00:00.000Z",
              "delivered": {
                "known": "2026-11-20T11:00:00.000Z"
              }
            }
            """);
        var checkpoint = CallLogCheckpoint.Load(path)!;
        Assert.Equal(1, checkpoint.SourceVersion);
        Assert.Equal(RecordFingerprint.Unknown, checkpoint.ReadEntries().Single().Fingerprint);

        using var writer = CallLogCheckpoint.BeginWrite(path, checkpoint.Filter, checkpoint.Account, null, Mark.AddHours(1));
        using var tracker = new ChangeTracker(checkpoint.ReadEntries(), writer, Mark.AddDays(-2), newOnly: false, upgradedBefore: checkpoint.HighWaterMark);
        Assert.Equal(CallLogChangeType.New, tracker.Classify(Record("after-the-mark", Mark.AddMinutes(30))));
        Assert.Equal(CallLogChangeType.Updated, tracker.Classify(Record("known", Mark.AddHours(-1))));          // written then, fields unknown
        Assert.Equal(CallLogChangeType.Updated, tracker.Classify(Record("before-overlap", Mark.AddHours(-5)))); // written then (before the mark)
        tracker.Finish();
        writer.Commit();

        var upgraded = CallLogCheckpoint.Load(path)!;
        Assert.Equal(2, upgraded.SourceVersion);
        Assert.Equal(new[] { "after-the-mark", "known", "before-overlap" }, upgraded.ReadEntries().Select(e => e.Id));
        Assert.DoesNotContain(upgraded.ReadEntries(), e => e.Fingerprint == RecordFingerprint.Unknown);
    }

    [Fact]
    public void Changes_are_found_among_records_that_share_a_start_time()
    {
        var path = Path.Combine(_directory, "same.json");
        var start = Mark.AddHours(-1);
        var a = Record("a", start);
        var b = Record("b", start);
        var c = Record("c", start.AddMinutes(-1));
        using (var writer = CallLogCheckpoint.BeginWrite(path, "f", "a", null, Mark))
        {
            using var first = new ChangeTracker(Array.Empty<CheckpointEntry>(), writer, Mark.AddDays(-2), false, null);
            Assert.All(new[] { a, b, c }, r => Assert.Equal(CallLogChangeType.New, first.Classify(r)));
            first.Finish();
            writer.Commit();
        }

        var checkpoint = CallLogCheckpoint.Load(path)!;
        using var next = CallLogCheckpoint.BeginWrite(path, "f", "a", null, Mark);
        using var tracker = new ChangeTracker(checkpoint.ReadEntries(), next, Mark.AddDays(-2), false, null);
        b.Result = "Voicemail";
        c.Deleted = true;

        // Listed in another order among equal start times: still matched by id.
        Assert.Equal(CallLogChangeType.Updated, tracker.Classify(b));
        Assert.Null(tracker.Classify(a));
        Assert.Equal(CallLogChangeType.Deleted, tracker.Classify(c));
        tracker.Finish();
        Assert.Equal(3, next.Count);
    }

    /// <summary>
    /// 100,000 records in the change window: the file's size (stated in the README), and a merge
    /// of a run over them that holds only the entries of one start time at once.
    /// </summary>
    [Fact]
    public void A_checkpoint_of_100000_records_is_a_few_megabytes_and_the_merge_holds_one_start_time_at_once()
    {
        const int count = 100_000;
        var path = Path.Combine(_directory, "big.json");
        var random = new Random(7);
        var ids = Enumerable.Range(0, count).Select(_ => RingCentralLikeId(random)).ToArray();
        var startMs = Enumerable.Range(0, count).Select(i => Mark.ToUnixTimeMilliseconds() - (i * 1728L) - random.Next(1000)).ToArray(); // 2 days, newest first
        using (var writer = CallLogCheckpoint.BeginWrite(path, "scope=account", "https://platform.ringcentral.com/|account:123456789", Mark.AddDays(-30), Mark))
        {
            using var tracker = new ChangeTracker(Array.Empty<CheckpointEntry>(), writer, Mark.AddDays(-3), false, null);
            for (var i = 0; i < count; i++)
            {
                tracker.Classify(Record(ids[i], DateTimeOffset.FromUnixTimeMilliseconds(startMs[i])));
            }

            tracker.Finish();
            writer.Commit();
        }

        var bytes = new FileInfo(path).Length;
        _output.WriteLine($"checkpoint of {count} records: {bytes} bytes ({bytes / (double)count:F1} bytes per record)");
        Assert.InRange(bytes, 4_000_000, 6_000_000);

        var checkpoint = CallLogCheckpoint.Load(path)!;
        Assert.Equal(count, checkpoint.EntryCount);
        using var next = CallLogCheckpoint.BeginWrite(path, "scope=account", "a", null, Mark.AddHours(1));
        using var merge = new ChangeTracker(checkpoint.ReadEntries(), next, Mark.AddDays(-3), false, null);
        var changed = 0;
        for (var i = 0; i < count; i++)
        {
            var record = Record(ids[i], DateTimeOffset.FromUnixTimeMilliseconds(startMs[i]));
            if (i % 1000 == 0)
            {
                record.Result = "Voicemail";
            }

            changed += merge.Classify(record) is null ? 0 : 1;
        }

        merge.Finish();
        Assert.Equal(count / 1000, changed);
        Assert.Equal(1, merge.PeakHeld);
        Assert.Equal(count, next.Count);
    }

    internal static CallLogRecord Record(string id, DateTimeOffset start) => new()
    {
        Id = id,
        StartTime = start,
        Duration = 42,
        Result = "Accepted",
        Direction = "Inbound",
        FromPhoneNumber = "+16505550100",
        ToExtensionNumber = "101",
    };

    // RingCentral's call log ids: 15 letters and digits (as in the fixtures).
    private static string RingCentralLikeId(Random random)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var text = new StringBuilder(15);
        for (var i = 0; i < 15; i++)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }
}
