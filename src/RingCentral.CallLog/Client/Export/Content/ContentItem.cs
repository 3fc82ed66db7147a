namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>
/// One content item to archive, as the engine sees it: who it is, how its kind names files, which
/// rate-limit group its content request is paced by, and whatever the input already told (the
/// content address and type, the call). Each kind is a small adapter: <c>Recordings/RecordingTarget</c>,
/// <c>Messages/MessageAttachmentItem</c>.
/// </summary>
internal abstract class ContentItem
{
    protected ContentItem(ContentNameValues values)
    {
        Values = values;
    }

    public abstract ContentIdentity Identity { get; }

    public abstract ContentNaming Naming { get; }

    /// <summary>The route key of the content request (its rate-limit group).</summary>
    public abstract string ContentRouteKey { get; }

    /// <summary>The values a file-name template draws on, and the provenance the sidecar records.</summary>
    public ContentNameValues Values { get; }

    public string? CallLogId => Values.CallLogId;

    /// <summary>From the input; when null, the content source looks it up.</summary>
    public string? ContentUri { get; set; }

    /// <summary>From the input or the metadata; the response's Content-Type wins.</summary>
    public string? ContentType { get; set; }

    /// <summary>A sidecar that names this item and its call (the caller adds what was received).</summary>
    public ContentSidecar NewSidecar() => new()
    {
        Kind = Identity.Kind,
        RecordingId = Identity.RecordingId ?? string.Empty,
        MessageId = Identity.MessageId,
        AttachmentId = Identity.AttachmentId,
        AttachmentType = Values.AttachmentType,
        Call = Values,
    };
}
