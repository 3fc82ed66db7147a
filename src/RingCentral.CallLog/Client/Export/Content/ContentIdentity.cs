using System;
using System.Collections.Generic;

namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>
/// Which content item a file, a sidecar or a download is: a recording by its id, a message
/// attachment by its message id and attachment id. Two identities are equal when they name the
/// same item; a sidecar proves a file belongs to an item only by naming the same identity.
/// </summary>
internal sealed class ContentIdentity : IEquatable<ContentIdentity>
{
    private ContentIdentity(string kind, string? recordingId, string? messageId, string? attachmentId)
    {
        Kind = kind;
        RecordingId = recordingId;
        MessageId = messageId;
        AttachmentId = attachmentId;
    }

    public string Kind { get; }

    public string? RecordingId { get; }

    public string? MessageId { get; }

    public string? AttachmentId { get; }

    /// <summary>
    /// The ids a file name must carry, each as a whole word, to be taken as this item's file when no
    /// sidecar says whose it is.
    /// </summary>
    public IReadOnlyList<string> NameIds => Kind == ContentKinds.Recording ? new[] { RecordingId! } : new[] { MessageId!, AttachmentId! };

    /// <summary>An export task's id (the kind <see cref="ContentKinds.MessageStoreArchive"/>).</summary>
    public string? TaskId => Kind == ContentKinds.MessageStoreArchive ? MessageId : null;

    /// <summary>The archive's number within its task ("0", "1", ...).</summary>
    public string? ArchiveNumber => Kind == ContentKinds.MessageStoreArchive ? AttachmentId : null;

    /// <summary>The ids as one name part: "77", or "5_6" for message 5's attachment 6.</summary>
    public string NamePart => string.Join("_", NameIds);

    /// <summary>The ids alone, as a message names them next to the kind ("77"; "message 5 attachment 6").</summary>
    public string IdText => Kind switch
    {
        ContentKinds.Recording => RecordingId!,
        ContentKinds.MessageStoreArchive => $"archive {AttachmentId} of export task {MessageId}",
        _ => $"message {MessageId} attachment {AttachmentId}",
    };

    public static ContentIdentity Recording(string recordingId) => new(ContentKinds.Recording, recordingId, null, null);

    public static ContentIdentity MessageAttachment(string messageId, string attachmentId) => new(ContentKinds.MessageAttachment, null, messageId, attachmentId);

    // Two ids like a message attachment's: the task in the first place, the archive's number in the second.
    public static ContentIdentity MessageStoreArchive(string taskId, string archiveNumber) => new(ContentKinds.MessageStoreArchive, null, taskId, archiveNumber);

    public bool Equals(ContentIdentity? other) =>
        other is not null && Kind == other.Kind && RecordingId == other.RecordingId && MessageId == other.MessageId && AttachmentId == other.AttachmentId;

    public override bool Equals(object? obj) => Equals(obj as ContentIdentity);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>"recording 77", "message 5 attachment 6".</summary>
    public override string ToString() => Kind == ContentKinds.Recording ? "recording " + RecordingId : IdText;

    /// <summary>The item as a sentence starts ("Recording 123", "Message 4 attachment 5").</summary>
    public string Capitalized()
    {
        var text = ToString();
        return char.ToUpperInvariant(text[0]) + text.Substring(1);
    }
}
