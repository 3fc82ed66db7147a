using System;

namespace RingCentral.CallLog;

/// <summary>
/// The flat properties a call log record and each of its legs share: time, result and the two
/// parties. Every value is a string, number or date, so Export-Csv writes one meaningful cell each.
/// </summary>
public abstract class CallLogEntry
{
    private protected CallLogEntry()
    {
    }

    /// <summary>When the call started (UTC).</summary>
    public DateTimeOffset StartTime { get; internal set; }

    /// <summary>Call length in seconds.</summary>
    public int? Duration { get; internal set; }

    public long? DurationMs { get; internal set; }

    public string? Type { get; internal set; }

    public string? Direction { get; internal set; }

    public string? Action { get; internal set; }

    public string? Result { get; internal set; }

    public string? Reason { get; internal set; }

    public string? ReasonDescription { get; internal set; }

    public string? Transport { get; internal set; }

    public string? InternalType { get; internal set; }

    public string? FromPhoneNumber { get; internal set; }

    public string? FromExtensionNumber { get; internal set; }

    public string? FromExtensionId { get; internal set; }

    public string? FromName { get; internal set; }

    public string? FromLocation { get; internal set; }

    public string? ToPhoneNumber { get; internal set; }

    public string? ToExtensionNumber { get; internal set; }

    public string? ToExtensionId { get; internal set; }

    public string? ToName { get; internal set; }

    public string? ToLocation { get; internal set; }

    /// <summary>The extension on whose behalf the call was made (a string, although the API sends a number).</summary>
    public string? ExtensionId { get; internal set; }

    public string? DelegateId { get; internal set; }

    public string? DelegateName { get; internal set; }

    public string? RecordingId { get; internal set; }

    public string? RecordingType { get; internal set; }

    public string? RecordingContentUri { get; internal set; }

    public bool ShortRecording { get; internal set; }

    public string? MessageId { get; internal set; }

    public string? MessageType { get; internal set; }

    /// <summary>True when the call has a recording to fetch.</summary>
    public bool HasRecording => RecordingId is not null;

    /// <summary>The "from" party as one readable string.</summary>
    public string From => PartyText(FromName, FromPhoneNumber, FromExtensionNumber);

    /// <summary>The "to" party as one readable string.</summary>
    public string To => PartyText(ToName, ToPhoneNumber, ToExtensionNumber);

    internal static string PartyText(string? name, string? phone, string? extensionNumber)
    {
        var number = phone ?? (extensionNumber is null ? null : "ext. " + extensionNumber);
        if (name is null)
        {
            return number ?? string.Empty;
        }

        return number is null ? name : name + " <" + number + ">";
    }
}
