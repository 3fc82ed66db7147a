using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RingCentral.CallLog.Client.Export.Content;

namespace RingCentral.CallLog.Report;

/// <summary>
/// Finds the archive's files on disk for the report: recordings by recording id, and the voicemail
/// and fax files of messages by message id (or by the call a message came from). Rows of a
/// Save-RcRecording / Save-RcMessage manifest come first, then a folder's files, known by their
/// sidecar ("&lt;file&gt;.json" with its kind and ids) or, for recordings only, by the recording id
/// in the file name (the last part of the default names, or the whole name). A message file is
/// known only by its sidecar or a manifest row: its name alone cannot tell a voicemail from a
/// recording. Media types and sidecars are read as the content engine writes them
/// (<see cref="MediaTypes"/>, <see cref="ContentSidecar"/>).
/// </summary>
internal sealed class ArchiveLocator
{
    private const int FromManifest = 0;
    private const int FromSidecar = 1;
    private const int FromLastNamePart = 2;
    private const int FromOtherNamePart = 3;
    private static readonly char[] s_nameSeparators = { '_', '-', '.', ' ' };

    private readonly string _reportDirectory;
    private readonly Dictionary<string, (int Rank, string Path, string ContentType)> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, (int Rank, MessageFileRole Role, string Path, string ContentType)>> _byMessage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _messageOfCall = new(StringComparer.Ordinal);

    public ArchiveLocator(string reportDirectory)
    {
        _reportDirectory = reportDirectory;
    }

    /// <summary>Recordings found.</summary>
    public int Count => _byId.Count;

    /// <summary>Messages with at least one voicemail or fax file found.</summary>
    public int MessageCount => _byMessage.Count;

    /// <summary>The media type the page declares for a file, or null when it is not audio a browser plays.</summary>
    public static string? ContentTypeFor(string path, string? declared) => MediaTypes.PlayableAudioType(path, declared);

    /// <summary>One recording manifest row: used when its file exists and is audio.</summary>
    public bool AddFile(string? recordingId, string? path, string? contentType)
    {
        if (string.IsNullOrEmpty(recordingId) || string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return false;
        }

        var type = ContentTypeFor(path!, contentType);
        return type is not null && Offer(recordingId!, FromManifest, Path.GetFullPath(path), type);
    }

    /// <summary>One message manifest row (a MessageDownload): used when its file exists and is voicemail audio, a transcription or a fax document.</summary>
    public bool AddMessageFile(string? messageId, string? attachmentId, string? attachmentType, string? callLogId, string? path, string? contentType)
    {
        if (string.IsNullOrEmpty(messageId) || string.IsNullOrEmpty(attachmentId) || string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return false;
        }

        return OfferMessageFile(messageId!, attachmentId!, attachmentType, callLogId, FromManifest, Path.GetFullPath(path), contentType);
    }

    /// <summary>Every recording, voicemail and fax file under the folder (subfolders included).</summary>
    public void AddFolder(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            // A .partial is not a file yet, however its sidecar reads; a sidecar is no content.
            if (file.EndsWith(ContentDownload.PartialSuffix, StringComparison.Ordinal) || MediaTypes.ContentTypeOf(file) is null)
            {
                continue;
            }

            var full = Path.GetFullPath(file);
            var sidecar = ContentSidecar.TryRead(ContentSidecar.PathFor(full));
            if (sidecar?.Identity is { Kind: ContentKinds.MessageAttachment } message)
            {
                OfferMessageFile(message.MessageId!, message.AttachmentId!, sidecar.AttachmentType, sidecar.Call?.CallLogId, FromSidecar, full, sidecar.ContentType);
                continue;
            }

            var type = ContentTypeFor(file, null);
            if (type is null)
            {
                continue;
            }

            if (sidecar?.Identity is { Kind: ContentKinds.Recording } recording)
            {
                Offer(recording.RecordingId!, FromSidecar, full, type);
                continue;
            }

            var parts = Path.GetFileNameWithoutExtension(full).Split(s_nameSeparators, StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < parts.Length; i++)
            {
                Offer(parts[i], i == parts.Length - 1 ? FromLastNamePart : FromOtherNamePart, full, type);
            }
        }
    }

    public LocalRecording? Find(string? recordingId)
    {
        if (recordingId is null || !_byId.TryGetValue(recordingId, out var found))
        {
            return null;
        }

        return new LocalRecording(recordingId, found.Path, LocalFileLink.For(_reportDirectory, found.Path), found.ContentType);
    }

    /// <summary>
    /// The voicemail or fax of a call: by the message id its record names, else by the call id a
    /// message's manifest row or sidecar names. Its transcription is read from disk here.
    /// </summary>
    public LocalMessage? FindMessage(string? messageId, string? callLogId)
    {
        var id = messageId is not null && _byMessage.ContainsKey(messageId) ? messageId
            : callLogId is not null && _messageOfCall.TryGetValue(callLogId, out var ofCall) ? ofCall
            : null;
        if (id is null)
        {
            return null;
        }

        // Attachment ids in order: a fax with several documents lists them as RingCentral numbered them.
        var files = _byMessage[id].OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        LocalMessageFile? File(MessageFileRole role) =>
            files.Where(f => f.Value.Role == role).Select(f => ToLocal(f.Key, f.Value.Path, f.Value.ContentType)).FirstOrDefault();
        var documents = files.Where(f => f.Value.Role == MessageFileRole.Document).Select(f => ToLocal(f.Key, f.Value.Path, f.Value.ContentType)).ToList();
        var transcription = File(MessageFileRole.Transcription);
        return new LocalMessage(id, File(MessageFileRole.VoicemailAudio), transcription is null ? null : TranscriptionText.Read(transcription.FullPath), documents);
    }

    /// <summary>The recordingId of a sidecar file, or null when there is none, it cannot be read, or it is another kind's.</summary>
    internal static string? SidecarRecordingId(string sidecarPath) =>
        ContentSidecar.TryRead(sidecarPath) is { } sidecar && sidecar.Identity.Kind == ContentKinds.Recording ? sidecar.RecordingId : null;

    /// <summary>
    /// What a message file is to the report, by its attachment type (AudioRecording,
    /// AudioTranscription, RenderedDocument) or, when that is not known, by its media type; null for
    /// what the report does not show (an SMS text, an MMS image).
    /// </summary>
    internal static (MessageFileRole Role, string ContentType)? RoleOf(string? attachmentType, string path, string? declared)
    {
        var audio = MediaTypes.PlayableAudioType(path, declared);
        // The declared type when it is a known one, else the one the file's extension stands for.
        var declaredExtension = MediaTypes.ExtensionFor(declared);
        var type = MediaTypes.ContentTypeOf(declaredExtension == MediaTypes.Unknown ? path : "x" + declaredExtension);
        var isText = type == "text/plain";
        var isDocument = type is "application/pdf" or "image/tiff";
        return attachmentType switch
        {
            "AudioRecording" => audio is null ? null : (MessageFileRole.VoicemailAudio, audio),
            "AudioTranscription" => isText ? (MessageFileRole.Transcription, type!) : null,
            "RenderedDocument" => isDocument ? (MessageFileRole.Document, type!) : null,
            null or "" => audio is not null ? (MessageFileRole.VoicemailAudio, audio)
                : isText ? (MessageFileRole.Transcription, type!)
                : isDocument ? (MessageFileRole.Document, type!)
                : null,
            _ => null,
        };
    }

    private LocalMessageFile ToLocal(string attachmentId, string path, string contentType) =>
        new(attachmentId, path, LocalFileLink.For(_reportDirectory, path), contentType);

    private bool OfferMessageFile(string messageId, string attachmentId, string? attachmentType, string? callLogId, int rank, string path, string? contentType)
    {
        if (RoleOf(attachmentType, path, contentType) is not { } role)
        {
            return false;
        }

        if (!_byMessage.TryGetValue(messageId, out var files))
        {
            files = new Dictionary<string, (int, MessageFileRole, string, string)>(StringComparer.Ordinal);
            _byMessage[messageId] = files;
        }

        if (!string.IsNullOrEmpty(callLogId) && !_messageOfCall.ContainsKey(callLogId!))
        {
            _messageOfCall[callLogId!] = messageId;
        }

        if (files.TryGetValue(attachmentId, out var existing) && existing.Rank <= rank)
        {
            return false;
        }

        files[attachmentId] = (rank, role.Role, path, role.ContentType);
        return true;
    }

    private bool Offer(string recordingId, int rank, string path, string contentType)
    {
        if (_byId.TryGetValue(recordingId, out var existing) && existing.Rank <= rank)
        {
            return false;
        }

        _byId[recordingId] = (rank, path, contentType);
        return true;
    }
}
