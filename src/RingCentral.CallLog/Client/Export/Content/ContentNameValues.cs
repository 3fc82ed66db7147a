using System;

namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>
/// What is known of one content item and its call: the values a file-name template draws on (every
/// value may come from the server), and the provenance a sidecar records. A recording fills
/// <see cref="RecordingId"/>; a message attachment <see cref="MessageId"/>, <see cref="AttachmentId"/>
/// and <see cref="AttachmentType"/>; both may name their call.
/// </summary>
internal sealed class ContentNameValues
{
    public string RecordingId { get; set; } = string.Empty;

    public string? MessageId { get; set; }

    public string? AttachmentId { get; set; }

    /// <summary>AudioRecording, AudioTranscription, RenderedDocument, ...</summary>
    public string? AttachmentType { get; set; }

    /// <summary>VoiceMail, Fax, ...</summary>
    public string? MessageType { get; set; }

    public string? CallLogId { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public string? Direction { get; set; }

    public string? FromPhoneNumber { get; set; }

    public string? ToPhoneNumber { get; set; }

    public string? SessionId { get; set; }

    public string? ExtensionId { get; set; }

    public string? TelephonySessionId { get; set; }

    /// <summary>The call's length in seconds.</summary>
    public int? Duration { get; set; }

    public string? FromName { get; set; }

    public string? ToName { get; set; }

    /// <summary>Automatic or OnDemand, when the input said.</summary>
    public string? RecordingType { get; set; }

    /// <summary>True when the input was a call log record or a message (the richer default template applies).</summary>
    public bool FromCallLogRecord { get; set; }
}
