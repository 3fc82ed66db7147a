using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>
/// The provenance file beside a content file ("&lt;file&gt;.json"): which item it is ("kind":
/// "recording" with its recordingId, or "message-attachment" with messageId, attachmentId and
/// attachmentType), the call it belongs to, what was received (type, bytes, SHA-256, validators) and
/// from where, so that an auditor can answer "who called whom, when" from the folder alone. A
/// sidecar without "kind" (written before there were other kinds) is a recording's. A ".partial"
/// has one too ("&lt;name&gt;.partial.json", no hash yet): it says whose bytes the .partial holds and
/// which version of the content (ETag / Last-Modified) they are, so a resume never mixes items.
/// </summary>
internal sealed class ContentSidecar
{
    public const string Suffix = ".json";

    /// <summary>
    /// An auditor reads these files: names and numbers as they are ("Erin Müller", "+1303…"), not
    /// \u escapes. Still valid JSON: quotes, backslashes and control characters stay escaped (and
    /// the file is never embedded in HTML, the only reason to escape more).
    /// </summary>
    private static readonly JavaScriptEncoder s_readableText = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>"recording" or "message-attachment"; null reads as a recording (the format before kinds).</summary>
    public string? Kind { get; set; }

    public string RecordingId { get; set; } = string.Empty;

    public string? MessageId { get; set; }

    public string? AttachmentId { get; set; }

    public string? AttachmentType { get; set; }

    /// <summary>Whose sidecar this is.</summary>
    public ContentIdentity Identity => (Kind ?? ContentKinds.Recording) switch
    {
        ContentKinds.MessageAttachment => ContentIdentity.MessageAttachment(MessageId ?? string.Empty, AttachmentId ?? string.Empty),
        ContentKinds.MessageStoreArchive => ContentIdentity.MessageStoreArchive(MessageId ?? string.Empty, AttachmentId ?? string.Empty),
        _ => ContentIdentity.Recording(RecordingId),
    };

    public ContentNameValues? Call { get; set; }

    public string? ContentType { get; set; }

    public long? Bytes { get; set; }

    /// <summary>Lower-case hex; null in a .partial's sidecar.</summary>
    public string? Sha256 { get; set; }

    public string? ETag { get; set; }

    /// <summary>The content's Last-Modified as the server sent it (an HTTP date).</summary>
    public string? LastModified { get; set; }

    public DateTimeOffset? DownloadedAt { get; set; }

    /// <summary>The connection's server (platform base URI).</summary>
    public string? Server { get; set; }

    /// <summary>The content address without its query.</summary>
    public string? ContentUri { get; set; }

    public string? ModuleVersion { get; set; }

    public static string PathFor(string file) => file + Suffix;

    /// <summary>
    /// The first field a check against this sidecar needs that is missing or malformed ("sha256",
    /// "bytes"), or null. Such a sidecar says nothing about what was downloaded: never trusted.
    /// </summary>
    public string? MissingVerificationField() =>
        !ContentArchiveVerifier.IsSha256(Sha256) ? "sha256"
        : Bytes is not > 0 ? "bytes"
        : null;

    /// <summary>
    /// The sidecar at <paramref name="path"/>, or null when it is missing or names no item: a kind
    /// this version does not know, a recording sidecar without recordingId, a message attachment's
    /// without messageId or attachmentId.
    /// </summary>
    public static ContentSidecar? TryRead(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var kind = Text(root, "kind") ?? ContentKinds.Recording;
            var id = Id(root, "recordingId");
            var archive = kind == ContentKinds.MessageStoreArchive;
            var messageId = Id(root, archive ? "taskId" : "messageId");
            var attachmentId = Id(root, archive ? "archive" : "attachmentId");
            var names = kind switch
            {
                ContentKinds.Recording => id is not null,
                ContentKinds.MessageAttachment or ContentKinds.MessageStoreArchive => messageId is not null && attachmentId is not null,
                _ => false,
            };
            if (!names)
            {
                return null;
            }

            var call = new ContentNameValues
            {
                RecordingId = id ?? string.Empty,
                MessageId = messageId,
                AttachmentId = attachmentId,
                AttachmentType = Text(root, "attachmentType"),
                MessageType = Text(root, "messageType"),
                CallLogId = Text(root, "callLogId"),
                SessionId = Text(root, "sessionId"),
                TelephonySessionId = Text(root, "telephonySessionId"),
                StartTime = DateTimeOffset.TryParse(Text(root, "startTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start) ? start : null,
                Duration = root.TryGetProperty("duration", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetInt32() : null,
                Direction = Text(root, "direction"),
                ExtensionId = Text(root, "extensionId"),
                RecordingType = Text(root, "recordingType"),
            };
            if (root.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object)
            {
                call.FromPhoneNumber = Text(from, "phoneNumber");
                call.FromName = Text(from, "name");
            }

            if (root.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.Object)
            {
                call.ToPhoneNumber = Text(to, "phoneNumber");
                call.ToName = Text(to, "name");
            }

            return new ContentSidecar
            {
                Kind = root.TryGetProperty("kind", out _) ? kind : null,
                RecordingId = id ?? string.Empty,
                MessageId = messageId,
                AttachmentId = attachmentId,
                AttachmentType = call.AttachmentType,
                Call = call,
                ContentType = Text(root, "contentType"),
                Bytes = root.TryGetProperty("bytes", out var b) && b.ValueKind == JsonValueKind.Number ? b.GetInt64() : null,
                Sha256 = Text(root, "sha256"),
                ETag = Text(root, "etag"),
                LastModified = Text(root, "lastModified"),
                DownloadedAt = DateTimeOffset.TryParse(Text(root, "downloadedAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
                Server = Text(root, "server"),
                ContentUri = Text(root, "contentUri"),
                ModuleVersion = Text(root, "moduleVersion"),
            };
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Writes the sidecar under a temporary name, then renames it: a sidecar is whole or absent.</summary>
    /// <exception cref="ContentFileException">The file could not be written.</exception>
    public void Write(string path)
    {
        var temporary = path + ".tmp";
        try
        {
            // CreateNew, never Create: a link planted at the temporary name is removed, not written through.
            using (var file = ContentFileGuard.CreateNew(temporary, FileShare.None, useAsync: false))
            using (var w = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true, Encoder = s_readableText }))
            {
                WriteJson(w);
            }

            if (File.Exists(path))
            {
                File.Delete(path);
            }

            File.Move(temporary, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // On a full disk the temporary file would stay there for good: remove it, never throwing.
            ContentFileGuard.DeleteQuietly(temporary);
            throw new ContentFileException($"Cannot write '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The temporary files a killed or failed run left for the item at <paramref name="basePath"/>
    /// ("&lt;file&gt;.json.tmp", "&lt;file&gt;.partial.json.tmp"), for every extension it may have.
    /// </summary>
    public static IEnumerable<string> LeftoverTemporaries(string basePath, IEnumerable<string> extensions) =>
        extensions
            .SelectMany(e => new[] { PathFor(basePath + e) + ".tmp", PathFor(basePath + e + ContentDownload.PartialSuffix) + ".tmp" })
            // A link there is no leftover of ours: it stays, and the download refuses it with a clear error.
            .Where(p => File.Exists(p) && !ContentFileGuard.IsLink(p));

    private void WriteJson(Utf8JsonWriter w)
    {
        var call = Call ?? new ContentNameValues { RecordingId = RecordingId };
        var identity = Identity;
        w.WriteStartObject();
        w.WriteString("kind", identity.Kind);
        if (identity.Kind == ContentKinds.MessageAttachment)
        {
            // The message first, then its call below: an auditor finds both in one file.
            w.WriteString("messageId", identity.MessageId);
            w.WriteString("attachmentId", identity.AttachmentId);
            Optional(w, "attachmentType", AttachmentType ?? call.AttachmentType);
            Optional(w, "messageType", call.MessageType);
        }
        else if (identity.Kind == ContentKinds.MessageStoreArchive)
        {
            w.WriteString("taskId", identity.TaskId);
            w.WriteString("archive", identity.ArchiveNumber);
        }
        else
        {
            w.WriteString("recordingId", RecordingId);
            Optional(w, "recordingType", call.RecordingType);
        }

        Optional(w, "callLogId", call.CallLogId);
        Optional(w, "sessionId", call.SessionId);
        Optional(w, "telephonySessionId", call.TelephonySessionId);
        Optional(w, "startTime", call.StartTime?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        if (call.Duration is int duration)
        {
            w.WriteNumber("duration", duration);
        }

        Optional(w, "direction", call.Direction);
        w.WriteStartObject("from");
        Optional(w, "phoneNumber", call.FromPhoneNumber);
        Optional(w, "name", call.FromName);
        w.WriteEndObject();
        w.WriteStartObject("to");
        Optional(w, "phoneNumber", call.ToPhoneNumber);
        Optional(w, "name", call.ToName);
        w.WriteEndObject();
        Optional(w, "extensionId", call.ExtensionId);
        Optional(w, "contentType", ContentType);
        if (Bytes is long bytes)
        {
            w.WriteNumber("bytes", bytes);
        }

        Optional(w, "sha256", Sha256);
        Optional(w, "etag", ETag);
        Optional(w, "lastModified", LastModified);
        Optional(w, "downloadedAt", DownloadedAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Optional(w, "server", Server);
        Optional(w, "contentUri", ContentUri);
        Optional(w, "moduleVersion", ModuleVersion);
        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>
    /// An id as a sidecar may hold it: a string, or a number in a file written by hand or by another
    /// tool (ConvertTo-Json of an object with "RecordingId"), the name in any case.
    /// </summary>
    private static string? Id(JsonElement e, string name)
    {
        foreach (var property in e.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => null,
                };
            }
        }

        return null;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
