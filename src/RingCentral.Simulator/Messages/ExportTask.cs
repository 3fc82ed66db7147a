using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Messages;

/// <summary>
/// One account-wide message store export (<c>message-store-report</c>). Its status follows the clock:
/// Accepted for the first half of the delay, InProgress for the second, then Completed (or Failed while
/// the hook asks for failures at creation). Once completed its archives are built, once:
/// <c>archive/0</c> holds one <c>account/{accountId}/extension/{extensionId}/message-store.json</c> per
/// extension (<c>{"records": [message, …]}</c>, the list shape), <c>archive/1</c> and later the attachments
/// as <c>account/{accountId}/extension/{extensionId}/message-store/content/{messageId}/{attachmentId}.{ext}</c>,
/// a new archive whenever the next attachment would pass the size limit. RingCentral's guide shows the
/// folders but not the file names inside them (screenshots only): the names are this simulator's choice.
/// </summary>
internal sealed class ExportTask
{
    private readonly object _gate = new();
    private List<byte[]>? _archives;

    public required string Id { get; init; }
    public required string CreatorExtensionId { get; init; }
    public required long CreatedMs { get; init; }
    public required long FinishMs { get; init; }
    public required long FromMs { get; init; }
    public required long ToMs { get; init; }
    public IReadOnlyList<MessageKind>? Kinds { get; init; }
    public IReadOnlyList<string>? KindNames { get; init; }
    public required bool Fails { get; init; }

    public string Status(long nowMs) => nowMs >= FinishMs ? (Fails ? "Failed" : "Completed")
        : nowMs >= CreatedMs + ((FinishMs - CreatedMs) / 2) ? "InProgress" : "Accepted";

    public void Write(Utf8JsonWriter w, UriContext uris, long nowMs, bool justCreated)
    {
        var status = justCreated ? "Accepted" : Status(nowMs);
        w.WriteStartObject();
        w.WriteString("uri", uris.AccountPath + "/message-store-report/" + Id);
        w.WriteString("id", Id);
        w.WriteString("status", status);
        w.WriteString("accountId", uris.AccountId);
        w.WriteString("extensionId", CreatorExtensionId);
        RecordJsonWriter.WriteTime(w, "dateFrom", FromMs);
        RecordJsonWriter.WriteTime(w, "dateTo", ToMs);
        WriteTime(w, "startTime", CreatedMs);
        if (status is "Completed" or "Failed") WriteTime(w, "finishTime", FinishMs);
        if (KindNames is not null)
        {
            w.WriteStartArray("messageTypes");
            foreach (var k in KindNames) w.WriteStringValue(k);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>The zip files of a completed task, built on first use from the messages as they were at <see cref="FinishMs"/>.</summary>
    public IReadOnlyList<byte[]> Archives(MessageStore store, UriContext uris, long maxAttachmentBytes)
    {
        lock (_gate)
        {
            return _archives ??= Build(store, uris, maxAttachmentBytes);
        }
    }

    private List<byte[]> Build(MessageStore store, UriContext uris, long maxAttachmentBytes)
    {
        // Purged messages have no content left and are not exported; Deleted ones still have theirs.
        var messages = store.AccountWide(FromMs, ToMs, FinishMs)
            .Where(m => m.Availability != "Purged" && (Kinds is null || Kinds.Contains(m.Kind)))
            .OrderBy(m => m.Owner.Index).ThenByDescending(m => m.CreationMs).ToList();
        var archives = new List<byte[]>();
        var stamp = DateTimeOffset.FromUnixTimeMilliseconds(FinishMs);
        archives.Add(Zip(zip =>
        {
            foreach (var group in messages.GroupBy(m => m.Owner))
            {
                var body = JsonBody.Build(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("records");
                    foreach (var m in group) MessageJsonWriter.Write(w, m, uris, single: false);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }, 1 << 16);
                Add(zip, $"account/{uris.AccountId}/extension/{group.Key.Id}/message-store.json", stamp, body.Length, s => s.Write(body));
            }
        }));
        var pending = messages.SelectMany(m => m.Attachments.Select(a => (m, a))).ToList();
        for (var i = 0; i < pending.Count;)
        {
            var start = i;
            long bytes = 0;
            // At least one attachment per archive, then as many as fit under the limit.
            while (i < pending.Count && (i == start || bytes + pending[i].a.Body.Length <= maxAttachmentBytes)) bytes += pending[i++].a.Body.Length;
            var slice = pending.GetRange(start, i - start);
            archives.Add(Zip(zip =>
            {
                foreach (var (m, a) in slice)
                {
                    var name = $"account/{uris.AccountId}/extension/{m.Owner.Id}/message-store/content/{m.Id}/{a.Id}{Extension(a.ContentType)}";
                    Add(zip, name, DateTimeOffset.FromUnixTimeMilliseconds(m.CreationMs), a.Body.Length, s => Copy(a.Body, s));
                }
            }));
        }
        return archives;
    }

    public static string Extension(string contentType) => contentType switch
    {
        "audio/mpeg" => ".mp3",
        "audio/wav" or "audio/x-wav" => ".wav",
        "application/pdf" => ".pdf",
        "image/tiff" => ".tif",
        "text/plain" => ".txt",
        _ => ".bin",
    };

    private static byte[] Zip(Action<ZipArchive> fill)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true)) fill(zip);
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, DateTimeOffset stamp, long length, Action<Stream> write)
    {
        // Audio and PDF are stored: compressing them again gains little; JSON and text shrink well.
        var level = name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".txt", StringComparison.Ordinal) ? CompressionLevel.Optimal : CompressionLevel.Fastest;
        var entry = zip.CreateEntry(name, level);
        // Zip times have no zone and start in 1980; a fixed time per entry keeps the archive's bytes the same for the same data.
        entry.LastWriteTime = stamp.UtcDateTime.Year < 1980 ? new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero) : new DateTimeOffset(stamp.UtcDateTime, TimeSpan.Zero);
        using var s = entry.Open();
        write(s);
    }

    private static void Copy(AttachmentBody body, Stream to)
    {
        var buffer = new byte[64 * 1024];
        for (long pos = 0; pos < body.Length;)
        {
            var n = (int)Math.Min(buffer.Length, body.Length - pos);
            body.Fill(pos, buffer.AsSpan(0, n));
            to.Write(buffer, 0, n);
            pos += n;
        }
    }

    /// <summary>The task's own times: seconds, no fraction, Z, as the guide's samples show them.</summary>
    private static void WriteTime(Utf8JsonWriter w, string name, long ms)
        => w.WriteString(name, DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
