using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;

namespace RingCentral.CallLog.Client.Export.Checkpoints;

/// <summary>
/// A 64-bit fingerprint of every field a record exposes (its public properties, legs included),
/// so a checkpoint can tell a changed record from an unchanged one without keeping the record.
/// Read by reflection, so a property added to the model is covered without touching this class.
/// </summary>
internal static class RecordFingerprint
{
    /// <summary>Marks an entry whose record was written but never fingerprinted (a version 1 checkpoint).</summary>
    public const ulong Unknown = 0;

    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    // Why it is written is not part of what is written.
    private static readonly string[] Excluded = { nameof(CallLogRecord.ChangeType) };

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesByType = new();

    public static ulong Of(CallLogRecord record)
    {
        var hash = OffsetBasis;
        foreach (var c in CanonicalText(record))
        {
            hash = (hash ^ c) * Prime;
        }

        // 0 is reserved for "unknown".
        return hash == Unknown ? 1 : hash;
    }

    /// <summary>The canonical text the fingerprint is taken of (tests compare records with it).</summary>
    public static string CanonicalText(object record)
    {
        var text = new StringBuilder(1024);
        Append(text, record);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object value)
    {
        foreach (var property in PropertiesByType.GetOrAdd(value.GetType(), Readable))
        {
            text.Append(property.Name).Append('=');
            AppendValue(text, property.GetValue(value));
            text.Append('\u001f');
        }
    }

    private static void AppendValue(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append('\u0000');
                break;
            case string s:
                text.Append('"').Append(s).Append('"');
                break;
            case DateTimeOffset time:
                text.Append(time.UtcTicks.ToString(CultureInfo.InvariantCulture));
                break;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            case bool flag:
                text.Append(flag ? '1' : '0');
                break;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    AppendValue(text, item);
                    text.Append('\u001e');
                }

                text.Append(']');
                break;
            default:
                text.Append('{');
                Append(text, value);
                text.Append('}');
                break;
        }
    }

    private static PropertyInfo[] Readable(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true } && !Excluded.Contains(p.Name))
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .ToArray();
}
