using System;
using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;
using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Export.Recordings;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// The binding rule Get-RcRecording and Save-RcRecording share: a recording id comes from
/// -RecordingId, a RecordingInfo's Id, or a record's RecordingId, and never from a call log
/// record's own Id (that is a call id).
/// </summary>
internal static class RecordingInput
{
    private static readonly Regex s_id = new(InputPatterns.Id, RegexOptions.CultureInvariant);

    public static bool IsValidId(string? id) => id is not null && s_id.IsMatch(id);

    public static RecordingInputResult FromId(string id) =>
        IsValidId(id)
            ? RecordingInputResult.Of(new RecordingTarget(new ContentNameValues { RecordingId = id }))
            : RecordingInputResult.Refuse(BadId(id, "RecordingId"), id);

    public static RecordingInputResult FromObject(PSObject input)
    {
        switch (input.BaseObject)
        {
            case string id:
                return FromId(id);
            case CallLogRecord record:
                return FromRecord(record);
            case RecordingInfo info:
                return FromInfo(info.Id, info.ContentUri, info.ContentType);
            default:
                return FromProperties(input);
        }
    }

    private static RecordingInputResult FromRecord(CallLogRecord record)
    {
        if (string.IsNullOrEmpty(record.RecordingId))
        {
            return RecordingInputResult.Skip($"Call log record {record.Id} has no recording; skipped.");
        }

        if (!IsValidId(record.RecordingId))
        {
            return RecordingInputResult.Refuse(BadId(record.RecordingId!, "InputObject"), record.RecordingId, record.Id);
        }

        return RecordingInputResult.Of(new RecordingTarget(new ContentNameValues
        {
            RecordingId = record.RecordingId!,
            CallLogId = record.Id,
            StartTime = record.StartTime,
            Direction = record.Direction,
            FromPhoneNumber = record.FromPhoneNumber,
            ToPhoneNumber = record.ToPhoneNumber,
            SessionId = record.SessionId,
            ExtensionId = record.ExtensionId,
            TelephonySessionId = record.TelephonySessionId,
            Duration = record.Duration,
            FromName = record.FromName,
            ToName = record.ToName,
            RecordingType = record.RecordingType,
            FromCallLogRecord = true,
        })
        {
            ContentUri = record.RecordingContentUri,
        });
    }

    private static RecordingInputResult FromInfo(string? id, string? contentUri, string? contentType)
    {
        if (!IsValidId(id))
        {
            return RecordingInputResult.Refuse(BadId(id ?? string.Empty, "InputObject"), id ?? string.Empty);
        }

        return RecordingInputResult.Of(new RecordingTarget(new ContentNameValues { RecordingId = id! })
        {
            ContentUri = contentUri,
            ContentType = contentType,
        });
    }

    /// <summary>
    /// Objects that went through Select-Object, Import-Csv or remoting: a RecordingId property
    /// marks a call log record (or a manifest row); Id with ContentUri marks recording metadata.
    /// A bare Id is refused: it may be a call id.
    /// </summary>
    private static RecordingInputResult FromProperties(PSObject input)
    {
        if (input.Properties["RecordingId"] is { } recordingIdProperty)
        {
            var recordingId = Text(recordingIdProperty.Value);
            var callId = Text(input.Properties["CallLogId"]?.Value) ?? Text(input.Properties["Id"]?.Value);
            if (string.IsNullOrEmpty(recordingId))
            {
                return RecordingInputResult.Skip($"Input {callId} has no recording; skipped.");
            }

            if (!IsValidId(recordingId))
            {
                return RecordingInputResult.Refuse(BadId(recordingId!, "InputObject"), recordingId, callId);
            }

            var isRecord = input.Properties["StartTime"] is not null;
            return RecordingInputResult.Of(new RecordingTarget(new ContentNameValues
            {
                RecordingId = recordingId!,
                CallLogId = callId,
                StartTime = Time(input.Properties["StartTime"]?.Value),
                Direction = Text(input.Properties["Direction"]?.Value),
                FromPhoneNumber = Text(input.Properties["FromPhoneNumber"]?.Value),
                ToPhoneNumber = Text(input.Properties["ToPhoneNumber"]?.Value),
                SessionId = Text(input.Properties["SessionId"]?.Value),
                ExtensionId = Text(input.Properties["ExtensionId"]?.Value),
                TelephonySessionId = Text(input.Properties["TelephonySessionId"]?.Value),
                Duration = int.TryParse(Text(input.Properties["Duration"]?.Value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var duration) ? duration : null,
                FromName = Text(input.Properties["FromName"]?.Value),
                ToName = Text(input.Properties["ToName"]?.Value),
                RecordingType = Text(input.Properties["RecordingType"]?.Value),
                FromCallLogRecord = isRecord,
            })
            {
                ContentUri = Text(input.Properties["RecordingContentUri"]?.Value),
                ContentType = Text(input.Properties["ContentType"]?.Value),
            });
        }

        if (input.Properties["ContentUri"] is not null && input.Properties["Id"] is not null)
        {
            return FromInfo(Text(input.Properties["Id"]!.Value), Text(input.Properties["ContentUri"]!.Value), Text(input.Properties["ContentType"]?.Value));
        }

        return RecordingInputResult.Refuse(new ArgumentException(
            "-InputObject needs a CallLogRecord, a RecordingInfo or an object with a RecordingId property (a call log record's Id is a call id, not a recording id).",
            "InputObject"));
    }

    private static ArgumentException BadId(string id, string parameter) =>
        new($"'{Printable(id)}' cannot be a recording id: only letters, digits, '-' and '_' are allowed.", parameter);

    internal static string Printable(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = '?';
            }
        }

        return new string(chars);
    }

    /// <summary>The named property of <paramref name="shape"/> as text (see <see cref="Text"/>).</summary>
    internal static string? PropertyText(PSObject? shape, string name) => Text(shape?.Properties[name]?.Value);

    /// <summary>A pipeline value as text: unwrapped, numbers and dates in the invariant culture, empty as null.</summary>
    internal static string? Text(object? value)
    {
        var raw = value is PSObject ps ? ps.BaseObject : value;
        var text = raw switch
        {
            null => null,
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => raw.ToString(),
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static DateTimeOffset? Time(object? value)
    {
        var raw = value is PSObject ps ? ps.BaseObject : value;
        return raw switch
        {
            DateTimeOffset offset => offset.ToUniversalTime(),
            DateTime time => new DateTimeOffset(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time).ToUniversalTime(),
            string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) => parsed,
            _ => null,
        };
    }
}
