using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace RingCentral.CallLog.Client;

/// <summary>
/// Where an incremental export stands: the filter and account it was made for, the high-water
/// mark (every record that started before it and was visible then has been delivered), and the
/// ids delivered inside the overlap window, so a repeated window writes nothing twice.
/// </summary>
internal sealed class CallLogCheckpoint
{
    private const int FormatVersion = 1;

    public CallLogCheckpoint(string filter, string account, DateTimeOffset highWaterMark, IDictionary<string, DateTimeOffset> delivered)
    {
        Filter = filter;
        Account = account;
        HighWaterMark = highWaterMark;
        Delivered = new Dictionary<string, DateTimeOffset>(delivered, StringComparer.Ordinal);
    }

    /// <summary>The filters the checkpoint was made for, in a canonical text form.</summary>
    public string Filter { get; }

    /// <summary>Server, account and (for extension-level exports) extension.</summary>
    public string Account { get; }

    public DateTimeOffset HighWaterMark { get; }

    /// <summary>Ids already written, with their start times (only those inside the overlap).</summary>
    public Dictionary<string, DateTimeOffset> Delivered { get; }

    /// <summary>Reads a checkpoint file; null when it does not exist.</summary>
    /// <exception cref="InvalidDataException">The file is not a checkpoint this module wrote.</exception>
    public static CallLogCheckpoint? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.GetProperty("version").GetInt32() != FormatVersion)
            {
                throw new InvalidDataException($"The checkpoint '{path}' has format version {root.GetProperty("version").GetInt32()}; this module reads version {FormatVersion}.");
            }

            var delivered = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            foreach (var item in root.GetProperty("delivered").EnumerateObject())
            {
                delivered[item.Name] = ParseTime(item.Value.GetString());
            }

            return new CallLogCheckpoint(
                root.GetProperty("filter").GetString() ?? throw new InvalidDataException("no filter"),
                root.GetProperty("account").GetString() ?? throw new InvalidDataException("no account"),
                ParseTime(root.GetProperty("highWaterMark").GetString()),
                delivered);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentNullException)
        {
            throw new InvalidDataException($"'{path}' is not a readable call log checkpoint ({ex.Message}). Fix or delete it; deleting it makes the next run a backfill from -DateFrom.", ex);
        }
    }

    /// <summary>The checkpoint after a complete run up to <paramref name="until"/>.</summary>
    public static CallLogCheckpoint Advance(string filter, string account, DateTimeOffset until, TimeSpan overlap, IEnumerable<KeyValuePair<string, DateTimeOffset>> delivered)
    {
        // Only ids the next run can see again (inside its overlap) need remembering.
        var keepFrom = until - overlap;
        var kept = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var pair in delivered)
        {
            if (pair.Value >= keepFrom)
            {
                kept[pair.Key] = pair.Value;
            }
        }

        return new CallLogCheckpoint(filter, account, until, kept);
    }

    /// <summary>Writes the checkpoint atomically: a temporary file beside it, then a rename.</summary>
    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        var temp = full + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteString("filter", Filter);
            writer.WriteString("account", Account);
            writer.WriteString("highWaterMark", FormatTime(HighWaterMark));
            writer.WriteStartObject("delivered");
            foreach (var pair in Delivered.OrderByDescending(p => p.Value))
            {
                writer.WriteString(pair.Key, FormatTime(pair.Value));
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.Flush();
            stream.Flush(true);
        }

        try
        {
            if (File.Exists(full))
            {
                File.Replace(temp, full, null);
            }
            else
            {
                File.Move(temp, full);
            }
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>The filters that decide which records an export holds, in a stable text form.</summary>
    public static string DescribeFilter(CallLogQuery query)
    {
        var text = new StringBuilder();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                text.Append(text.Length == 0 ? string.Empty : ";").Append(name).Append('=').Append(value);
            }
        }

        Add("scope", query.Scope.AccountLevel ? "account" : "extension:" + (query.Scope.ExtensionId ?? "~"));
        Add("direction", string.Join(",", query.Direction.OrderBy(v => v, StringComparer.Ordinal)));
        Add("type", string.Join(",", query.Type.OrderBy(v => v, StringComparer.Ordinal)));
        Add("transport", string.Join(",", query.Transport.OrderBy(v => v, StringComparer.Ordinal)));
        Add("phoneNumber", query.PhoneNumber is null ? null : CallLogQuery.NormalizePhoneNumber(query.PhoneNumber));
        Add("extensionNumber", query.ExtensionNumber);
        Add("sessionId", query.SessionId);
        Add("telephonySessionId", query.TelephonySessionId);
        Add("recordingType", query.RecordingType);
        Add("showDeleted", query.ShowDeleted ? "true" : null);
        Add("showBlocked", query.ShowBlocked == false ? "false" : null);
        return text.ToString();
    }

    private static string FormatTime(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string? text) =>
        DateTimeOffset.Parse(text ?? throw new FormatException("a time is missing"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
