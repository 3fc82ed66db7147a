using System;
using System.Collections.Generic;
using System.Linq;
using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Export.Messages;
using RingCentral.CallLog.Client.Export.Recordings;

namespace RingCentral.CallLog.Client.Export.Archive;

/// <summary>
/// Test-RcArchive's and Remove-RcMessage's view of the archive verifier
/// (<see cref="ContentArchiveVerifier"/>): every kind of content at once, as <see cref="RcArchiveEntry"/> rows.
/// </summary>
internal static class ArchiveVerifier
{
    public const string RecordingKind = "Recording";
    public const string MessageAttachmentKind = "MessageAttachment";

    private static readonly ContentNaming[] s_kinds = { RecordingTarget.FileNaming, MessageAttachmentItem.FileNaming };

    /// <summary>
    /// One entry per file of <paramref name="directory"/>, in path order, whatever its kind. A file
    /// both kinds would list (a .partial or an audio file that no sidecar names) is listed once.
    /// </summary>
    public static IEnumerable<RcArchiveEntry> CheckFolder(string directory, bool recurse)
    {
        var byPath = new SortedDictionary<string, List<(ContentNaming Kind, ContentCheck Check)>>(StringComparer.Ordinal);
        foreach (var kind in s_kinds)
        {
            foreach (var check in ContentArchiveVerifier.CheckFolder(directory, recurse, kind))
            {
                var key = check.Path ?? string.Empty;
                if (!byPath.TryGetValue(key, out var list))
                {
                    list = new List<(ContentNaming, ContentCheck)>();
                    byPath[key] = list;
                }

                list.Add((kind, check));
            }
        }

        foreach (var entry in byPath.Values)
        {
            var (kind, check) = entry[0];
            yield return ToEntry(check, check.Identity is null && entry.Count > 1 ? null : kind.Kind);
        }
    }

    /// <summary>One file checked as <paramref name="expected"/> (a recording or a message attachment; null: as its sidecar says, a recording when it has none).</summary>
    public static RcArchiveEntry CheckFile(string path, ContentIdentity? expected, string? callLogId, string? expectedSha256, long? expectedBytes)
    {
        var naming = expected?.Kind == ContentKinds.MessageAttachment ? MessageAttachmentItem.FileNaming : RecordingTarget.FileNaming;
        var check = ContentArchiveVerifier.CheckFile(path, expected, callLogId, expectedSha256, expectedBytes, naming);
        return ToEntry(check, check.Identity?.Kind ?? naming.Kind);
    }

    public static string? TrySha256Of(string path) => ContentArchiveVerifier.TrySha256Of(path);

    /// <summary>The mailbox a message attachment's sidecar names, when it names one.</summary>
    public static string? ExtensionIdOf(string path) => ContentSidecar.TryRead(ContentSidecar.PathFor(path))?.Call?.ExtensionId;

    private static RcArchiveEntry ToEntry(ContentCheck check, string? kind) => new()
    {
        Kind = PublicKind(check.Identity?.Kind ?? kind),
        RecordingId = check.Identity?.RecordingId,
        MessageId = check.Identity?.MessageId,
        AttachmentId = check.Identity?.AttachmentId,
        CallLogId = check.CallLogId,
        Path = check.Path,
        Bytes = check.Bytes,
        Sha256 = check.Sha256,
        ActualSha256 = check.ActualSha256,
        Status = check.Status,
        Detail = check.Detail,
    };

    private static string? PublicKind(string? kind) => kind switch
    {
        ContentKinds.Recording => RecordingKind,
        ContentKinds.MessageAttachment => MessageAttachmentKind,
        _ => null,
    };
}
