using System;

namespace RingCentral.CallLog;

/// <summary>
/// One message of an extension's message store (voicemail, fax, SMS, pager, text), flattened for
/// the pipeline and Export-Csv. Properties are declared in reading order, which is Export-Csv's
/// column order: what and when, who to whom, its state, the type-specific facts, the attachments,
/// then the link to its call and its address.
/// </summary>
public sealed class RcMessage
{
    internal RcMessage()
    {
    }

    /// <summary>The message id (a string, although RingCentral sends a number).</summary>
    public string Id { get; internal set; } = string.Empty;

    /// <summary>VoiceMail, Fax, SMS, Pager or Text.</summary>
    public string? Type { get; internal set; }

    /// <summary>Inbound or Outbound.</summary>
    public string? Direction { get; internal set; }

    /// <summary>In UTC.</summary>
    public DateTimeOffset? CreationTime { get; internal set; }

    /// <summary>In UTC.</summary>
    public DateTimeOffset? LastModifiedTime { get; internal set; }

    /// <summary>The extension whose mailbox holds the message.</summary>
    public string? ExtensionId { get; internal set; }

    public string? FromPhoneNumber { get; internal set; }

    public string? FromName { get; internal set; }

    /// <summary>
    /// The recipients' numbers in RingCentral's order, joined with "; " (a recipient without a
    /// phone number gives its extension number; one with neither is left out).
    /// </summary>
    public string? ToPhoneNumber { get; internal set; }

    /// <summary>The recipients' names in RingCentral's order, joined with "; " (recipients without a name are left out).</summary>
    public string? ToName { get; internal set; }

    /// <summary>For a received fax, RingCentral puts the sender's number here.</summary>
    public string? Subject { get; internal set; }

    /// <summary>Read or Unread.</summary>
    public string? ReadStatus { get; internal set; }

    /// <summary>Alive, Deleted (restorable, attachments kept) or Purged (attachments gone).</summary>
    public string? Availability { get; internal set; }

    /// <summary>Received for inbound messages; Queued, Sent, Delivered, DeliveryFailed or SendingFailed for outbound ones.</summary>
    public string? MessageStatus { get; internal set; }

    /// <summary>Voicemail only: the length of its audio recording in seconds.</summary>
    public int? VoicemailSeconds { get; internal set; }

    /// <summary>Voicemail only: NotAvailable, InProgress, TimedOut, Completed, CompletedPartially, Failed or Unknown.</summary>
    public string? TranscriptionStatus { get; internal set; }

    /// <summary>Fax only.</summary>
    public int? FaxPageCount { get; internal set; }

    /// <summary>Fax only: High (200 dpi) or Low (100 dpi).</summary>
    public string? FaxResolution { get; internal set; }

    public int AttachmentCount => Attachments.Count;

    /// <summary>The attachments; read as "AudioRecording audio/mpeg; AudioTranscription text/plain" in a CSV cell.</summary>
    public RcMessageAttachmentCollection Attachments { get; internal set; } = RcMessageAttachmentCollection.Empty;

    /// <summary>The call log record this message was fetched for (when it came from one); empty otherwise.</summary>
    public string? CallLogId { get; internal set; }

    public string? Uri { get; internal set; }

    public override string ToString() => Id;
}
