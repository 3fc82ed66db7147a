using System.Collections.Generic;
using System.Linq;
using RingCentral.CallLog.Client.Export.Content;

namespace RingCentral.CallLog.Client.Export.Messages;

/// <summary>Save-RcMessage's side of the adapter: a message's attachments as engine items, and an engine outcome as a <see cref="MessageDownload"/>.</summary>
internal static class MessageRows
{
    /// <summary>One item per attachment, each carrying the message's time, direction, parties and call for its name and sidecar.</summary>
    public static IEnumerable<MessageAttachmentItem> ItemsOf(RcMessage message) =>
        message.Attachments.Select(a => new MessageAttachmentItem(ValuesOf(message, a.Id, a))
        {
            ContentUri = a.ContentUri,
            ContentType = a.ContentType,
        });

    /// <summary>The naming and sidecar values of one attachment of <paramref name="message"/> (the attachment itself when it is known).</summary>
    public static ContentNameValues ValuesOf(RcMessage message, string? attachmentId, RcMessageAttachment? attachment) => new()
    {
        MessageId = message.Id,
        AttachmentId = attachmentId,
        AttachmentType = attachment?.Type,
        MessageType = message.Type,
        CallLogId = message.CallLogId,
        StartTime = message.CreationTime,
        Direction = message.Direction,
        FromPhoneNumber = message.FromPhoneNumber,
        ToPhoneNumber = message.ToPhoneNumber,
        FromName = message.FromName,
        ToName = message.ToName,
        ExtensionId = message.ExtensionId,
        Duration = attachment?.VoicemailSeconds,
        FromCallLogRecord = true,
    };

    public static MessageDownload ToDownload(ContentOutcome outcome) => new()
    {
        MessageId = outcome.Item.Identity.MessageId ?? string.Empty,
        AttachmentId = outcome.Item.Identity.AttachmentId ?? string.Empty,
        AttachmentType = outcome.Item.Values.AttachmentType,
        CallLogId = outcome.CallLogId,
        Path = outcome.Path,
        Bytes = outcome.Bytes,
        ContentType = outcome.ContentType,
        Sha256 = outcome.Sha256,
        SidecarPath = outcome.SidecarPath,
        Status = outcome.Status,
        Error = outcome.Error,
    };
}
