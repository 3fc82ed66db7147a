namespace RingCentral.CallLog.Client.Export.Messages;

internal enum MessageStoreZipEntryKind
{
    /// <summary>account/{a}/extension/{e}/message-store.json: one extension's messages.</summary>
    MessageList,

    /// <summary>account/{a}/extension/{e}/message-store/content/{messageId}/{attachmentId}.{ext}.</summary>
    Attachment,

    /// <summary>A folder entry: nothing to write.</summary>
    Folder,

    /// <summary>A safe name outside the documented layout: left out, with a warning.</summary>
    Unknown,

    /// <summary>A name that climbs out of the folder, is absolute, or a link: never written (zip-slip).</summary>
    Refused,
}
