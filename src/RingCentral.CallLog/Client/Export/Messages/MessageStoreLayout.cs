using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Json;

namespace RingCentral.CallLog.Client.Export.Messages;

/// <summary>
/// Puts what an export zip holds into the archive folder exactly as Save-RcMessage lays it out: each
/// attachment under the message-attachment adapter's name (its template and ids), with the same
/// sidecar (kind "message-attachment", the message, its parties, size and SHA-256), so
/// Test-RcArchive and Remove-RcMessage treat both alike. Each file is written under
/// "&lt;final&gt;.partial", its sidecar written whole, then renamed: a final name is always complete.
/// An attachment whose file is already there and verifies against its sidecar is skipped. Each
/// extension's message list is kept beside them as "message-store_&lt;extension&gt;_&lt;period&gt;.json".
/// </summary>
internal sealed class MessageStoreLayout
{
    /// <summary>What the export does after a full disk, and what the user does next.</summary>
    public const string FullDiskNextStep = "Nothing more of this export is written in this run; free some space and run the export again (the files already written verify and are skipped).";

    /// <summary>Why a file or zip after the one that found the disk full is not even tried, and what to do.</summary>
    public const string EarlierFileFilledTheDisk = "the disk is full (an earlier file of this export could not be written). " + FullDiskNextStep;

    private const int BufferSize = 81920;

    private readonly ContentFileNamer _namer;
    private readonly string _period;
    private readonly string _moduleVersion;
    private readonly string? _server;
    private readonly IRcEvents _events;
    private readonly Dictionary<string, RcMessage> _messages = new(StringComparer.Ordinal);

    /// <param name="directory">The archive folder.</param>
    /// <param name="period">The export's period as a name part ("20261101T000000Z-20261102T000000Z").</param>
    /// <param name="moduleVersion">Recorded in each sidecar.</param>
    /// <param name="server">The connection's server, recorded in each sidecar.</param>
    /// <param name="events">Told when an attachment waits for another run that is saving it.</param>
    public MessageStoreLayout(string directory, string period, string moduleVersion, string? server, IRcEvents? events = null)
    {
        _namer = new ContentFileNamer(directory, null, MessageAttachmentItem.FileNaming);
        _period = period;
        _moduleVersion = moduleVersion;
        _server = server;
        _events = events ?? NullEvents.Instance;
        System.IO.Directory.CreateDirectory(_namer.Directory);
    }

    public string Directory => _namer.Directory;

    /// <summary>A file of this export could not be written because the disk is full: no later one is tried.</summary>
    public bool DiskFull { get; private set; }

    /// <summary>A zip of this export could not be stored because the disk is full.</summary>
    public void NoteDiskFull() => DiskFull = true;

    /// <summary>How many messages the message lists named.</summary>
    public int MessageCount => _messages.Count;

    /// <summary>
    /// Reads one extension's message list (the list's message shape) so its attachments get the
    /// message's time, direction and parties in their names and sidecars, and keeps the list itself.
    /// </summary>
    /// <returns>The file written.</returns>
    public string AddMessageList(MessageStoreZipEntry entry, string where)
    {
        var extensionId = entry.ExtensionId!;
        var final = Path.Combine(Directory, ContentFileNamer.SanitizeName($"message-store_{extensionId}_{_period}.json"));
        Extract(entry, final + ContentDownload.PartialSuffix, where);
        try
        {
            var page = JsonSerializer.Deserialize(File.ReadAllBytes(final + ContentDownload.PartialSuffix), WireJsonContext.Default.MessagePageDto);
            if (page?.Records is null || page.Records.Contains(null!))
            {
                throw new MessageStoreArchiveException($"'{entry.Name}' in {where} has no 'records' list.");
            }

            foreach (var message in page.Records.Select(r => ModelMapper.ToMessage(r, extensionId)))
            {
                _messages[Key(extensionId, message.Id)] = message;
            }
        }
        catch (JsonException ex)
        {
            ContentFileGuard.DeleteQuietly(final + ContentDownload.PartialSuffix);
            throw new MessageStoreArchiveException($"'{entry.Name}' in {where} is not a message list: {ex.Message}", ex);
        }

        Rename(final + ContentDownload.PartialSuffix, final, replace: true);
        return final;
    }

    /// <summary>Writes one attachment entry (or skips it when its verified copy is there): one row.</summary>
    /// <param name="entry">An entry of kind Attachment.</param>
    /// <param name="where">The zip, as messages name it ("archive 1 of export task …").</param>
    /// <param name="contentUri">The zip's address without its query, recorded in the sidecar with the entry's name.</param>
    /// <param name="cancellationToken">Ctrl+C, while waiting for another run that is saving the attachment.</param>
    public async Task<MessageDownload> AddAttachmentAsync(MessageStoreZipEntry entry, string where, string? contentUri, CancellationToken cancellationToken = default)
    {
        var item = ItemFor(entry);
        if (DiskFull)
        {
            return Row(item, "Failed", null, 0, null, item.ContentType, "Not written: " + EarlierFileFilledTheDisk);
        }

        string basePath;
        try
        {
            basePath = _namer.ReserveBasePath(item.Values, candidate => ContentSlot.Inspect(candidate, item.Identity, item.Naming).State != ContentSlotState.Foreign);
        }
        catch (InvalidOperationException ex)
        {
            return Row(item, "Failed", null, 0, null, null, ex.Message);
        }

        ContentClaim claim;
        try
        {
            // Save-RcMessage into the same folder, or a second export, may be writing this attachment
            // right now (its .partial is live, not a killed run's): wait for it, then see what it left.
            claim = await ContentClaim.AcquireAsync(basePath, () => _events.Verbose(ContentClaim.WaitingFor(item.Identity)), cancellationToken).ConfigureAwait(false);
        }
        catch (ContentFileException ex)
        {
            return WriteFailedRow(item, basePath + ContentClaim.Suffix, ex);
        }

        using (claim)
        {
            return Write(entry, where, contentUri, item, basePath);
        }
    }

    /// <summary>Under the attachment's claim: skip a copy that verifies, else extract it whole and rename it into place.</summary>
    private MessageDownload Write(MessageStoreZipEntry entry, string where, string? contentUri, MessageAttachmentItem item, string basePath)
    {
        // Held: temporary sidecars here are a dead run's, never a live one's.
        foreach (var leftover in ContentSidecar.LeftoverTemporaries(basePath, item.Naming.Extensions))
        {
            ContentFileGuard.DeleteQuietly(leftover);
        }

        var slot = ContentSlot.Inspect(basePath, item.Identity, item.Naming);
        if (slot.State == ContentSlotState.Foreign)
        {
            return Row(item, "Failed", null, 0, null, item.ContentType, $"'{slot.Final ?? slot.Partial}' was saved by another run meanwhile and belongs to another message attachment; this one is not written now. Run again to save it under another name.");
        }

        if (slot.State == ContentSlotState.Complete)
        {
            var check = ContentArchiveVerifier.CheckFile(slot.Final!, item.Identity, null, null, null, item.Naming);
            if (check.Status == ContentArchiveVerifier.Ok)
            {
                return Row(item, "Skipped", slot.Final, check.Bytes ?? 0, check.Sha256, slot.Sidecar?.ContentType ?? item.ContentType, null);
            }

            // Our own file that no longer verifies: the export has a good copy in hand, so it replaces it.
        }

        var final = slot.Final ?? basePath + item.Naming.ExtensionFor(item.ContentType);
        var partial = final + ContentDownload.PartialSuffix;
        try
        {
            ContentFileGuard.RefuseLinks(final, ContentSidecar.PathFor(final), ContentSidecar.PathFor(final) + ".tmp", partial);
            if (slot.Partial is { } left)
            {
                // Under the claim, a .partial is a killed run's: never resumed from a zip; written again whole.
                ContentFileGuard.DeleteQuietly(left);
                ContentFileGuard.DeleteQuietly(ContentSidecar.PathFor(left));
            }

            var (bytes, sha256) = Extract(entry, partial, where);
            var sidecar = item.NewSidecar();
            sidecar.ContentType = item.ContentType;
            sidecar.Bytes = bytes;
            sidecar.Sha256 = sha256;
            sidecar.DownloadedAt = DateTimeOffset.UtcNow;
            sidecar.Server = _server;
            sidecar.ContentUri = contentUri is null ? null : contentUri + "#" + entry.Name;
            sidecar.ModuleVersion = _moduleVersion;

            // The sidecar first, as the engine does: a crash between the two leaves a sidecar without its file (Missing), never an unexplained file.
            sidecar.Write(ContentSidecar.PathFor(final));
            Rename(partial, final, replace: true);
            return Row(item, "Downloaded", final, bytes, sha256, item.ContentType, null);
        }
        catch (Exception ex) when (ex is ContentFileException or MessageStoreArchiveException or IOException or UnauthorizedAccessException)
        {
            ContentFileGuard.DeleteQuietly(partial);
            return WriteFailedRow(item, final, ex);
        }
    }

    /// <summary>The Failed row of an attachment not written; a full disk (in the file, its sidecar or its claim) also ends the export's writing.</summary>
    private MessageDownload WriteFailedRow(MessageAttachmentItem item, string path, Exception ex)
    {
        if (ex is ContentFileException { DiskFull: true } || ContentFileGuard.IsDiskFull(ex))
        {
            DiskFull = true;
            return Row(item, "Failed", null, 0, null, item.ContentType, ContentFileGuard.WriteFailed(path, ex, FullDiskNextStep).Message);
        }

        return Row(item, "Failed", null, 0, null, item.ContentType, ex.Message);
    }

    /// <summary>The adapter's item for an entry: the message's values when its list named it, else its ids alone.</summary>
    internal MessageAttachmentItem ItemFor(MessageStoreZipEntry entry)
    {
        _messages.TryGetValue(Key(entry.ExtensionId!, entry.MessageId!), out var message);
        var attachment = message?.Attachments.FirstOrDefault(a => a.Id == entry.AttachmentId);
        // A message the listing names is named as Save-RcMessage names it; one it does not, by its ids alone.
        var values = message is null
            ? new ContentNameValues { MessageId = entry.MessageId, AttachmentId = entry.AttachmentId, ExtensionId = entry.ExtensionId }
            : MessageRows.ValuesOf(message, entry.AttachmentId, attachment);
        values.ExtensionId ??= entry.ExtensionId;

        // The entry's extension is the file's true type; the list's contentType is taken when it agrees.
        var fromName = MediaTypes.ContentTypeOf("x" + entry.Extension);
        var listed = attachment?.ContentType;
        return new MessageAttachmentItem(values)
        {
            ContentType = listed is not null && (fromName is null || MediaTypes.ExtensionFor(listed) == entry.Extension) ? listed : fromName,
        };
    }

    /// <summary>Copies an entry to <paramref name="partial"/> (created new, never through a link), hashing as it goes; a short or empty entry is refused.</summary>
    private static (long Bytes, string Sha256) Extract(MessageStoreZipEntry entry, string partial, string where)
    {
        ContentFileGuard.DeleteQuietly(partial);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long bytes = 0;
        try
        {
            using (var source = entry.Entry!.Open())
            using (var file = ContentFileGuard.CreateNew(partial, FileShare.None, useAsync: false))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
                {
                    file.Write(buffer, 0, read);
                    hash.AppendData(buffer, 0, read);
                    bytes += read;
                }

                file.Flush(flushToDisk: true);
            }
        }
        catch (InvalidDataException ex)
        {
            ContentFileGuard.DeleteQuietly(partial);
            throw new MessageStoreArchiveException($"'{entry.Name}' in {where} is damaged ({ex.Message}); it was not unpacked.", ex);
        }
        catch (IOException ex) when (ex is not FileNotFoundException)
        {
            ContentFileGuard.DeleteQuietly(partial);
            throw ContentFileGuard.WriteFailed(partial, ex, FullDiskNextStep);
        }

        if (bytes != entry.Entry.Length || bytes == 0)
        {
            ContentFileGuard.DeleteQuietly(partial);
            throw new MessageStoreArchiveException($"'{entry.Name}' in {where} gave {bytes} bytes; the zip says {entry.Entry.Length.ToString(CultureInfo.InvariantCulture)}. It was not unpacked.");
        }

        return (bytes, ContentDownload.Hex(hash.GetHashAndReset()));
    }

    private static void Rename(string from, string to, bool replace)
    {
        ContentFileGuard.RefuseLinks(to);
        if (replace && File.Exists(to))
        {
            // .NET Framework has no File.Move overwrite overload.
            File.Delete(to);
        }

        File.Move(from, to);
    }

    private static string Key(string extensionId, string messageId) => extensionId + "/" + messageId;

    private static MessageDownload Row(MessageAttachmentItem item, string status, string? path, long bytes, string? sha256, string? contentType, string? error) => new()
    {
        MessageId = item.MessageId,
        AttachmentId = item.AttachmentId,
        AttachmentType = item.AttachmentType,
        CallLogId = item.CallLogId,
        Path = path,
        Bytes = bytes,
        ContentType = contentType,
        Sha256 = sha256,
        SidecarPath = path is null || status == "Failed" ? null : ContentSidecar.PathFor(path),
        Status = status,
        Error = error,
    };
}
