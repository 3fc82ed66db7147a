using System;

namespace RingCentral.CallLog;

/// <summary>
/// The flat properties a call log record and each of its legs share: time, result and the two
/// parties. Every value is a string, number or date, so Export-Csv writes one meaningful cell each.
/// They are virtual only so that CallLogRecord can declare them again in reading order: .NET lists
/// a type's own properties before inherited ones, and that order is Export-Csv's column order.
/// </summary>
public abstract class CallLogEntry
{
    private protected CallLogEntry()
    {
    }

    /// <summary>When the call started (UTC).</summary>
    public virtual DateTimeOffset StartTime { get; internal set; }

    /// <summary>Call length in seconds.</summary>
    public virtual int? Duration { get; internal set; }

    public virtual long? DurationMs { get; internal set; }

    public virtual string? Type { get; internal set; }

    public virtual string? Direction { get; internal set; }

    public virtual string? Action { get; internal set; }

    public virtual string? Result { get; internal set; }

    public virtual string? Reason { get; internal set; }

    public virtual string? ReasonDescription { get; internal set; }

    public virtual string? Transport { get; internal set; }

    public virtual string? InternalType { get; internal set; }

    public virtual string? FromPhoneNumber { get; internal set; }

    public virtual string? FromExtensionNumber { get; internal set; }

    public virtual string? FromExtensionId { get; internal set; }

    public virtual string? FromName { get; internal set; }

    public virtual string? FromLocation { get; internal set; }

    public virtual string? ToPhoneNumber { get; internal set; }

    public virtual string? ToExtensionNumber { get; internal set; }

    public virtual string? ToExtensionId { get; internal set; }

    public virtual string? ToName { get; internal set; }

    public virtual string? ToLocation { get; internal set; }

    /// <summary>The extension on whose behalf the call was made (a string, although the API sends a number).</summary>
    public virtual string? ExtensionId { get; internal set; }

    public virtual string? DelegateId { get; internal set; }

    public virtual string? DelegateName { get; internal set; }

    public virtual string? RecordingId { get; internal set; }

    public virtual string? RecordingType { get; internal set; }

    public virtual string? RecordingContentUri { get; internal set; }

    public virtual bool ShortRecording { get; internal set; }

    public virtual string? MessageId { get; internal set; }

    public virtual string? MessageType { get; internal set; }

    /// <summary>True when the call has a recording to fetch.</summary>
    public virtual bool HasRecording => RecordingId is not null;

    /// <summary>The "from" party as one readable string.</summary>
    public virtual string From => PartyText(FromName, FromPhoneNumber, FromExtensionNumber);

    /// <summary>The "to" party as one readable string.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "The published property name; only this assembly overrides it.")]
    public virtual string To => PartyText(ToName, ToPhoneNumber, ToExtensionNumber);

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
