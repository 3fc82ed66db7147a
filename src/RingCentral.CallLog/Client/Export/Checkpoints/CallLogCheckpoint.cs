using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using RingCentral.CallLog.Client.Api;

namespace RingCentral.CallLog.Client.Export.Checkpoints;

/// <summary>
/// Where an incremental export stands: the filter and account it was made for, the high-water
/// mark (every record that started before it and was listed then has been written), and one
/// entry per record written inside the change window (id, start, fingerprint), newest first.
/// </summary>
/// <remarks>
/// The file is JSON, laid out one entry per line so it can be read and written as a stream
/// (memory stays flat however many records the window holds):
/// <code>
/// {"version":2,"filter":"…","account":"…","dateFrom":"…","highWaterMark":"…","entries":[
/// ["id",1764000000000,"9f0c2d…"],
/// …
/// ]}
/// </code>
/// Version 1 files (ids and start times of the overlap only, indented) are read and upgraded.
/// </remarks>
internal sealed class CallLogCheckpoint
{
    public const int FormatVersion = 2;
    private const string EntriesEnd = "]}";

    private readonly List<CheckpointEntry>? _upgradedEntries;

    private CallLogCheckpoint(string path, int sourceVersion, string filter, string account, DateTimeOffset? since, DateTimeOffset highWaterMark, int entryCount, List<CheckpointEntry>? upgradedEntries)
    {
        Since = since;
        Path = path;
        SourceVersion = sourceVersion;
        Filter = filter;
        Account = account;
        HighWaterMark = highWaterMark;
        EntryCount = entryCount;
        _upgradedEntries = upgradedEntries;
    }

    public string Path { get; }

    /// <summary>The format version the file was written in (1 is upgraded when the next run saves).</summary>
    public int SourceVersion { get; }

    /// <summary>The filters the checkpoint was made for, in a canonical text form.</summary>
    public string Filter { get; }

    /// <summary>Server, account and (for extension-level exports) extension.</summary>
    public string Account { get; }

    /// <summary>Where the first run began (its -DateFrom): no run reads before it. Unknown for version 1.</summary>
    public DateTimeOffset? Since { get; }

    public DateTimeOffset HighWaterMark { get; }

    public int EntryCount { get; }

    /// <summary>Reads and checks a checkpoint file (a streaming pass); null when it does not exist.</summary>
    /// <exception cref="InvalidDataException">The file is not a checkpoint this module wrote.</exception>
    public static CallLogCheckpoint? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            string? firstLine;
            using (var reader = new StreamReader(path, Encoding.UTF8))
            {
                firstLine = reader.ReadLine();
            }

            if (firstLine is not null && firstLine.StartsWith("{\"version\":", StringComparison.Ordinal))
            {
                return LoadCurrent(path, firstLine);
            }

            return LoadVersion1(path);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentNullException or OverflowException)
        {
            throw new InvalidDataException($"'{path}' is not a readable call log checkpoint ({ex.Message}). Fix or delete it; deleting it makes the next run a backfill from its start date.", ex);
        }
    }

    /// <summary>The entries, newest first, read from the file as they are consumed.</summary>
    public IEnumerable<CheckpointEntry> ReadEntries()
    {
        if (_upgradedEntries is not null)
        {
            foreach (var entry in _upgradedEntries)
            {
                yield return entry;
            }

            yield break;
        }

        using var reader = new StreamReader(Path, Encoding.UTF8);
        reader.ReadLine();
        string? line;
        while ((line = reader.ReadLine()) is not null && line != EntriesEnd)
        {
            yield return ParseEntry(line);
        }
    }

    /// <summary>Starts the file a complete run leaves behind; nothing replaces <paramref name="path"/> before <see cref="CheckpointWriter.Commit"/>.</summary>
    public static CheckpointWriter BeginWrite(string path, string filter, string account, DateTimeOffset? since, DateTimeOffset highWaterMark) =>
        new(path, Header(filter, account, since, highWaterMark), EntriesEnd);

    /// <summary>The filters that decide which records an export holds, in a stable text form.</summary>
    /// <remarks>Made from <see cref="CallLogQuery.Parameters"/>, the list the query string is made from.</remarks>
    public static string DescribeFilter(CallLogQuery query)
    {
        var parts = new List<string> { "scope=" + (query.Scope.AccountLevel ? "account" : "extension:" + (query.Scope.ExtensionId ?? "~")) };
        foreach (var group in query.Parameters().Where(p => p.IsFilter).GroupBy(p => p.Name, StringComparer.Ordinal))
        {
            parts.Add(group.Key + "=" + string.Join(",", group.Select(p => p.Value).OrderBy(v => v, StringComparer.Ordinal)));
        }

        return string.Join(";", parts);
    }

    internal static string FormatEntry(CheckpointEntry entry)
    {
        var text = new StringBuilder(64);
        text.Append("[\"").Append(JsonEncodedText.Encode(entry.Id).ToString()).Append("\",")
            .Append(entry.StartMs.ToString(CultureInfo.InvariantCulture)).Append(",\"")
            .Append(entry.Fingerprint.ToString("x16", CultureInfo.InvariantCulture)).Append("\"]");
        return text.ToString();
    }

    private static CheckpointEntry ParseEntry(string line)
    {
        var text = line.EndsWith(",", StringComparison.Ordinal) ? line.Substring(0, line.Length - 1) : line;
        using var document = JsonDocument.Parse(text);
        var entry = document.RootElement;
        if (entry.ValueKind != JsonValueKind.Array || entry.GetArrayLength() != 3
            || entry[0].ValueKind != JsonValueKind.String || entry[1].ValueKind != JsonValueKind.Number || entry[2].ValueKind != JsonValueKind.String)
        {
            throw new FormatException($"an entry line is damaged: {line}");
        }

        var fingerprint = ulong.Parse(entry[2].GetString()!, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return new CheckpointEntry(entry[0].GetString()!, entry[1].GetInt64(), fingerprint);
    }

    private static CallLogCheckpoint LoadCurrent(string path, string firstLine)
    {
        using var header = JsonDocument.Parse(firstLine + EntriesEnd);
        var root = header.RootElement;
        var version = root.GetProperty("version").GetInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"The checkpoint '{path}' has format version {version}; this module reads versions 1 and {FormatVersion}. Use the module version that wrote it, or delete the file to backfill again from the start date.");
        }

        var checkpoint = new CallLogCheckpoint(
            path,
            version,
            root.GetProperty("filter").GetString() ?? throw new FormatException("no filter"),
            root.GetProperty("account").GetString() ?? throw new FormatException("no account"),
            root.TryGetProperty("dateFrom", out var since) && since.ValueKind == JsonValueKind.String ? ParseTime(since.GetString()) : null,
            ParseTime(root.GetProperty("highWaterMark").GetString()),
            0,
            null);

        // One pass over the entries: a damaged or unordered file is refused before any request.
        var count = 0;
        var previous = long.MaxValue;
        var ended = false;
        using (var reader = new StreamReader(path, Encoding.UTF8))
        {
            reader.ReadLine();
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                if (line == EntriesEnd)
                {
                    ended = true;
                    break;
                }

                var entry = ParseEntry(line);
                if (entry.StartMs > previous)
                {
                    throw new FormatException("the entries are not in order");
                }

                previous = entry.StartMs;
                count++;
            }
        }

        if (!ended)
        {
            throw new FormatException("the file ends before its last entry");
        }

        return new CallLogCheckpoint(path, version, checkpoint.Filter, checkpoint.Account, checkpoint.Since, checkpoint.HighWaterMark, count, null);
    }

    private static CallLogCheckpoint LoadVersion1(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var version = root.GetProperty("version").GetInt32();
        if (version != 1)
        {
            throw new InvalidDataException($"The checkpoint '{path}' has format version {version}; this module reads versions 1 and {FormatVersion}. Use the module version that wrote it, or delete the file to backfill again from the start date.");
        }

        var entries = new List<CheckpointEntry>();
        foreach (var item in root.GetProperty("delivered").EnumerateObject())
        {
            entries.Add(new CheckpointEntry(item.Name, ParseTime(item.Value.GetString()).ToUnixTimeMilliseconds(), RecordFingerprint.Unknown));
        }

        entries.Sort((a, b) => b.StartMs.CompareTo(a.StartMs));
        return new CallLogCheckpoint(
            path,
            1,
            root.GetProperty("filter").GetString() ?? throw new FormatException("no filter"),
            root.GetProperty("account").GetString() ?? throw new FormatException("no account"),
            null,
            ParseTime(root.GetProperty("highWaterMark").GetString()),
            entries.Count,
            entries);
    }

    private static string Header(string filter, string account, DateTimeOffset? since, DateTimeOffset highWaterMark)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteString("filter", filter);
            writer.WriteString("account", account);
            if (since is not null)
            {
                writer.WriteString("dateFrom", FormatTime(since.Value));
            }

            writer.WriteString("highWaterMark", FormatTime(highWaterMark));
            writer.WriteStartArray("entries");
            writer.Flush();
        }

        // The writer leaves the object and the array open: the entries follow, one per line.
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string FormatTime(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string? text) =>
        DateTimeOffset.Parse(text ?? throw new FormatException("a time is missing"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
