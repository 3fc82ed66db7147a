using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace RingCentral.CallLog.Client.Export.Messages;

/// <summary>
/// Reads one zip of a message store export without trusting it: a zip that is cut (no complete
/// central directory) is refused as a whole, never read as a partial archive; entry names that are
/// absolute, climb with "..", use backslashes or drive letters, or are symbolic links are refused
/// (zip-slip); names outside the documented layout are reported as unknown. Entry names are only
/// parsed for ids, never used as paths: files are named by the archive's own namer.
/// </summary>
internal static class MessageStoreZip
{
    private const string Id = "[A-Za-z0-9_-]{1,64}";

    private static readonly Regex s_messageList = new($"^account/(?<a>{Id})/extension/(?<e>{Id})/message-store\\.json$", RegexOptions.CultureInvariant);

    private static readonly Regex s_attachment = new($"^account/(?<a>{Id})/extension/(?<e>{Id})/message-store/content/(?<m>{Id})/(?<t>{Id})(?<x>\\.[A-Za-z0-9]{{1,8}})$", RegexOptions.CultureInvariant);

    // ZipArchiveEntry.ExternalAttributes is not in netstandard2.0, but every runtime that runs the module has it.
    private static readonly PropertyInfo? s_externalAttributes = typeof(ZipArchiveEntry).GetProperty("ExternalAttributes");

    /// <summary>Opens a downloaded zip for reading; one that is cut or not a zip is refused here.</summary>
    /// <exception cref="MessageStoreArchiveException">Not a complete zip.</exception>
    public static ZipArchive Open(string path, string what)
    {
        FileStream? file = null;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
            var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false);

            // The central directory is read now: a cut zip has none (or one that points past its end).
            _ = zip.Entries.Count;
            return zip;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException)
        {
            file?.Dispose();
            throw new MessageStoreArchiveException($"{what} is not a complete zip ({ex.Message}); nothing of it was unpacked.", ex);
        }
    }

    public static IReadOnlyList<MessageStoreZipEntry> Entries(ZipArchive zip) => zip.Entries.Select(Classify).ToList();

    public static MessageStoreZipEntry Classify(ZipArchiveEntry entry)
    {
        var name = entry.FullName;
        if (Unsafe(name) is { } reason)
        {
            return new MessageStoreZipEntry { Kind = MessageStoreZipEntryKind.Refused, Name = name, Reason = reason, Entry = entry };
        }

        if (IsLink(entry))
        {
            return new MessageStoreZipEntry { Kind = MessageStoreZipEntryKind.Refused, Name = name, Reason = "it is a symbolic link", Entry = entry };
        }

        if (name.EndsWith("/", StringComparison.Ordinal))
        {
            return new MessageStoreZipEntry { Kind = MessageStoreZipEntryKind.Folder, Name = name, Entry = entry };
        }

        var list = s_messageList.Match(name);
        if (list.Success)
        {
            return new MessageStoreZipEntry { Kind = MessageStoreZipEntryKind.MessageList, Name = name, AccountId = list.Groups["a"].Value, ExtensionId = list.Groups["e"].Value, Entry = entry };
        }

        var attachment = s_attachment.Match(name);
        return attachment.Success
            ? new MessageStoreZipEntry
            {
                Kind = MessageStoreZipEntryKind.Attachment,
                Name = name,
                AccountId = attachment.Groups["a"].Value,
                ExtensionId = attachment.Groups["e"].Value,
                MessageId = attachment.Groups["m"].Value,
                AttachmentId = attachment.Groups["t"].Value,
                Extension = attachment.Groups["x"].Value.ToLowerInvariant(),
                Entry = entry,
            }
            : new MessageStoreZipEntry { Kind = MessageStoreZipEntryKind.Unknown, Name = name, Reason = "it is not in the export's layout (account/…/extension/…/message-store.json or …/message-store/content/{messageId}/{attachmentId}.{ext})", Entry = entry };
    }

    /// <summary>Why a name could write outside the target folder if it were ever used as a path, or null.</summary>
    public static string? Unsafe(string name)
    {
        if (name.Length == 0)
        {
            return "it has no name";
        }

        if (name.IndexOf('\\') >= 0)
        {
            return "it has a backslash";
        }

        if (name.StartsWith("/", StringComparison.Ordinal) || (name.Length >= 2 && name[1] == ':'))
        {
            return "it is an absolute path";
        }

        if (name.Split('/').Any(part => part == ".." || part == "."))
        {
            return "it climbs out of its folder ('..')";
        }

        return name.Any(char.IsControl) ? "it has a control character" : null;
    }

    private static bool IsLink(ZipArchiveEntry entry)
    {
        // Unix mode in the high 16 bits (zip made on Unix): S_IFLNK.
        var attributes = s_externalAttributes?.GetValue(entry) is int value ? value : 0;
        return ((attributes >> 16) & 0xF000) == 0xA000;
    }
}
