using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Client.Export.Messages;

/// <summary>
/// The message-attachment adapter over the content engine: one attachment of a message-store
/// message (voicemail audio, its transcription, a fax document) with its message, attachment type,
/// content address and type, and the call the message came from. Its sidecar names the message and
/// its call. A save cmdlet runs it through the engine as Save-RcRecording runs recordings:
/// <c>new ContentDownloadQueue(session.Core, new MessageAttachmentSource(), new ContentFileNamer(folder,
/// template, MessageAttachmentItem.FileNaming), options, events, progressed, stop)</c>, then
/// <c>Plan</c> and <c>Start</c> per attachment; each <c>ContentOutcome</c> becomes its row.
/// </summary>
internal sealed class MessageAttachmentItem : ContentItem
{
    /// <summary>With a message (or its call) to draw on: when, which way, then the ids that make the name unique.</summary>
    public const string DefaultMessageTemplate = "{StartTime:yyyyMMdd-HHmmss}_{Direction}_{MessageId}_{AttachmentId}";

    /// <summary>From ids alone.</summary>
    public const string DefaultIdTemplate = "{MessageId}_{AttachmentId}";

    /// <summary>Message attachments' tokens, defaults and extensions (audio, text, fax documents, MMS images).</summary>
    public static readonly ContentNaming FileNaming = new(
        ContentKinds.MessageAttachment,
        "message attachment",
        new[] { "StartTime", "Direction", "FromPhoneNumber", "ToPhoneNumber", "CallLogId", "SessionId", "ExtensionId", "MessageId", "AttachmentId", "AttachmentType", "MessageType" },
        DefaultMessageTemplate,
        DefaultIdTemplate,
        MediaTypes.AllExtensions);

    /// <param name="values">MessageId and AttachmentId required; AttachmentType, MessageType, ExtensionId, CallLogId and the message's time, direction and parties when known (StartTime: the message's creationTime).</param>
    public MessageAttachmentItem(ContentNameValues values)
        : base(values)
    {
        Identity = ContentIdentity.MessageAttachment(values.MessageId ?? string.Empty, values.AttachmentId ?? string.Empty);
    }

    public string MessageId => Identity.MessageId!;

    public string AttachmentId => Identity.AttachmentId!;

    public string? AttachmentType => Values.AttachmentType;

    public string? ExtensionId => Values.ExtensionId;

    public override ContentIdentity Identity { get; }

    public override ContentNaming Naming => FileNaming;

    /// <summary>readMessageContent is in the Medium group (40 a minute), not Heavy as recordings are.</summary>
    public override string ContentRouteKey => RouteKeys.MessageContent;
}
