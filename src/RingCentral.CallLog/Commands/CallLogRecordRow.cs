using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Reads a call log record back from an object with its property names, such as a row of
/// Import-Csv calls.csv: the nightly CSV is the natural source of a weekly report. Every settable
/// CallLogRecord property is taken by name; what a CSV cell cannot carry (the legs) stays empty.
/// </summary>
internal static class CallLogRecordRow
{
    private static readonly PropertyInfo[] s_settable = typeof(CallLogRecord)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetSetMethod(nonPublic: true) is not null && p.PropertyType != typeof(CallLogLegCollection))
        .ToArray();

    /// <summary>The record, or null with the reason the object is not one.</summary>
    public static CallLogRecord? Read(PSObject row, out string? problem)
    {
        problem = null;
        if (row.Properties["StartTime"] is null || row.Properties["Id"] is null)
        {
            problem = "it has no StartTime and Id properties";
            return null;
        }

        var record = new CallLogRecord();
        foreach (var property in s_settable)
        {
            var text = RecordingInput.Text(row.Properties[property.Name]?.Value);
            if (text is null)
            {
                continue;
            }

            if (!TryConvert(text, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, out var value))
            {
                problem = $"its {property.Name} '{text}' cannot be read as {property.PropertyType.Name}";
                return null;
            }

            property.SetValue(record, value);
        }

        return record;
    }

    private static bool TryConvert(string text, Type type, out object? value)
    {
        value = null;
        if (type == typeof(string))
        {
            value = text;
        }
        else if (type == typeof(DateTimeOffset))
        {
            // Export-Csv writes dates in the culture of the machine that wrote the file.
            const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
            if (DateTimeOffset.TryParse(text, CultureInfo.CurrentCulture, Styles, out var time)
                || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out time))
            {
                value = time;
            }
        }
        else if (type == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
        {
            value = i;
        }
        else if (type == typeof(long) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
        {
            value = l;
        }
        else if (type == typeof(bool) && bool.TryParse(text, out var b))
        {
            value = b;
        }
        else if (type.IsEnum && Enum.IsDefined(type, text))
        {
            value = Enum.Parse(type, text);
        }

        return value is not null;
    }
}
