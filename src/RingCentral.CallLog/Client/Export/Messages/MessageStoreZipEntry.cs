using System.IO.Compression;

namespace RingCentral.CallLog.Client.Export.Messages;

/// <summary>What one entry of an export zip is, judged by its name alone (see <see cref="MessageStoreZip.Classify"/>).</summary>
internal sealed class MessageStoreZipEntry
{
    public MessageStoreZipEntryKind Kind { get; init; }

    /// <summary>The entry's name as the zip gives it (for messages; never used as a path).</summary>
    public string Name { get; init; } = string.Empty;

    public string? AccountId { get; init; }

    public string? ExtensionId { get; init; }

    public string? MessageId { get; init; }

    public string? AttachmentId { get; init; }

    /// <summary>The extension of the entry's name, lower case, with its dot (".mp3"); for an attachment.</summary>
    public string? Extension { get; init; }

    /// <summary>Why an entry is refused or not known.</summary>
    public string? Reason { get; init; }

    public ZipArchiveEntry? Entry { get; init; }
}
