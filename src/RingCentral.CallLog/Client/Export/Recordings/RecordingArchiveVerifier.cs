using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace RingCentral.CallLog.Client.Export.Recordings;

/// <summary>
/// Checks recording files against what was recorded when they were downloaded: the sidecar's size
/// and SHA-256, or a manifest row's. The recorded values are the only reference; a file's own hash
/// is never compared with itself. A sidecar that cannot say what was downloaded (unreadable, no
/// sha256 or bytes) is reported, never trusted and never skipped. Offline; reads each file once.
/// </summary>
internal static class RecordingArchiveVerifier
{
    public const string Ok = "Ok";
    public const string Missing = "Missing";
    public const string Corrupt = "Corrupt";
    public const string NoSidecar = "NoSidecar";
    public const string Incomplete = "Incomplete";

    /// <summary>One entry per recording in <paramref name="directory"/>, in path order.</summary>
    public static IEnumerable<RecordingArchiveEntry> CheckFolder(string directory, bool recurse)
    {
        var files = Directory.GetFiles(directory, "*", recurse ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly);
        Array.Sort(files, StringComparer.Ordinal);
        var present = new HashSet<string>(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.EndsWith(RecordingContentDownload.PartialSuffix, StringComparison.Ordinal))
            {
                var state = RecordingSidecar.TryRead(RecordingSidecar.PathFor(file));
                var length = new FileInfo(file).Length;
                var of = state?.Bytes is long total ? " of " + total.ToString(CultureInfo.InvariantCulture) : string.Empty;
                yield return Entry(state?.RecordingId, state?.Call?.CallLogId, file, length, null, null, Incomplete, $"An unfinished download ({length}{of} bytes); the next download of this recording resumes it.");
            }
            else if (file.EndsWith(RecordingSidecar.Suffix, StringComparison.OrdinalIgnoreCase))
            {
                var recording = file.Substring(0, file.Length - RecordingSidecar.Suffix.Length);
                if (recording.EndsWith(RecordingContentDownload.PartialSuffix, StringComparison.Ordinal) || (present.Contains(recording) && IsRecordingFile(recording)))
                {
                    continue; // a .partial's sidecar, or one checked with its recording file
                }

                if (RecordingSidecar.TryRead(file) is not { } sidecar)
                {
                    continue; // a JSON file that is not a recording's sidecar (a manifest, a note)
                }

                yield return present.Contains(recording)
                    ? CheckFile(recording, null, null, null, null)
                    : Entry(sidecar.RecordingId, sidecar.Call?.CallLogId, recording, null, sidecar.Sha256, null, Missing, $"The sidecar '{Path.GetFileName(file)}' has no recording file beside it.");
            }
            else if (IsRecordingFile(file))
            {
                yield return CheckFile(file, null, null, null, null);
            }
        }
    }

    /// <summary>
    /// One file checked against what was recorded at download: its sidecar when there is one, and
    /// what a manifest row (or a Remove-RcRecording input) says. When both are there they must agree;
    /// a sidecar edited to match a damaged file then no longer matches the row.
    /// </summary>
    public static RecordingArchiveEntry CheckFile(string path, string? recordingId, string? callLogId, string? expectedSha256, long? expectedBytes)
    {
        if (!File.Exists(path))
        {
            return Entry(recordingId, callLogId, path, null, Normalized(expectedSha256), null, Missing, $"'{path}' does not exist.");
        }

        if (expectedSha256 is not null && !IsSha256(expectedSha256))
        {
            return Entry(recordingId, callLogId, path, null, null, null, Corrupt, $"The given SHA-256 '{expectedSha256}' is not 64 hex digits; nothing to check the file against.");
        }

        var sidecarPath = RecordingSidecar.PathFor(path);
        if (!File.Exists(sidecarPath))
        {
            return expectedSha256 is null
                ? Measure(recordingId, callLogId, path, null, NoSidecar, "No sidecar and no recorded SHA-256: nothing to check the file against (saved without one, or by other means).")
                : Compare(recordingId, callLogId, path, expectedSha256, expectedBytes, "the given");
        }

        if (RecordingSidecar.TryRead(sidecarPath) is not { } sidecar)
        {
            return Measure(recordingId, callLogId, path, expectedSha256, Corrupt, $"The sidecar '{Path.GetFileName(sidecarPath)}' cannot be read as a recording sidecar; it is not trusted.");
        }

        recordingId ??= sidecar.RecordingId;
        callLogId ??= sidecar.Call?.CallLogId;
        if (sidecar.RecordingId != recordingId)
        {
            return Measure(recordingId, callLogId, path, expectedSha256, Corrupt, $"The file's sidecar belongs to recording {sidecar.RecordingId}, not {recordingId}.");
        }

        if (sidecar.MissingVerificationField() is { } field)
        {
            return Measure(recordingId, callLogId, path, expectedSha256, Corrupt, $"The sidecar '{Path.GetFileName(sidecarPath)}' has no valid {field}: it cannot say what was downloaded, so it is not trusted.");
        }

        if (expectedSha256 is not null && !string.Equals(expectedSha256, sidecar.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            return Measure(recordingId, callLogId, path, expectedSha256, Corrupt, $"The sidecar records SHA-256 {sidecar.Sha256!.ToLowerInvariant()}, the given value is {expectedSha256.ToLowerInvariant()}: one of them was changed since the download.");
        }

        if (expectedBytes is long given && given != sidecar.Bytes)
        {
            return Measure(recordingId, callLogId, path, sidecar.Sha256, Corrupt, $"The sidecar records {sidecar.Bytes} bytes, the given value is {given}: one of them was changed since the download.");
        }

        return Compare(recordingId, callLogId, path, sidecar.Sha256!, sidecar.Bytes, "its sidecar's");
    }

    /// <summary>The file's SHA-256 (lower-case hex), or null when it cannot be read (gone, locked, denied).</summary>
    public static string? TrySha256Of(string path)
    {
        try
        {
            using var sha = SHA256.Create();
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
            return RecordingContentDownload.Hex(sha.ComputeHash(file));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static bool IsSha256(string? text) =>
        text is { Length: 64 } && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F');

    private static RecordingArchiveEntry Compare(string? recordingId, string? callLogId, string path, string recordedSha256, long? recordedBytes, string source)
    {
        var recorded = recordedSha256.ToLowerInvariant();
        var bytes = new FileInfo(path).Length;
        var actual = TrySha256Of(path);
        if (actual is null)
        {
            return Entry(recordingId, callLogId, path, bytes, recorded, null, Corrupt, "The file cannot be read.");
        }

        if (recordedBytes is long expected && expected != bytes)
        {
            return Entry(recordingId, callLogId, path, bytes, recorded, actual, Corrupt, $"The file has {bytes} bytes; {source} values recorded at download say {expected}.");
        }

        if (actual != recorded)
        {
            return Entry(recordingId, callLogId, path, bytes, recorded, actual, Corrupt, $"SHA-256 {actual} differs from {source} {recorded}, recorded at download.");
        }

        // A WAV says its own length: one that disagrees was cut or padded before its hash was taken
        // (an archive saved by a version that did not check it at download).
        return WavHeader.DeclaredLength(path) is long declared && declared != bytes
            ? Entry(recordingId, callLogId, path, bytes, recorded, actual, Corrupt, $"The file is a WAV whose header says {declared} bytes, but it has {bytes}: it was incomplete when it was downloaded.")
            : Entry(recordingId, callLogId, path, bytes, recorded, actual, Ok, $"Size and SHA-256 match {source} values recorded at download.");
    }

    /// <summary>An entry with the file's size and hash as they are now, for a status decided without them.</summary>
    private static RecordingArchiveEntry Measure(string? recordingId, string? callLogId, string path, string? recordedSha256, string status, string detail) =>
        Entry(recordingId, callLogId, path, new FileInfo(path).Length, Normalized(recordedSha256), TrySha256Of(path), status, detail);

    private static string? Normalized(string? sha256) => IsSha256(sha256) ? sha256!.ToLowerInvariant() : null;

    private static bool IsRecordingFile(string file) =>
        RecordingFileNamer.KnownExtensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static RecordingArchiveEntry Entry(string? recordingId, string? callLogId, string path, long? bytes, string? sha256, string? actualSha256, string status, string detail) => new()
    {
        RecordingId = recordingId,
        CallLogId = callLogId,
        Path = path,
        Bytes = bytes,
        Sha256 = sha256,
        ActualSha256 = actualSha256,
        Status = status,
        Detail = detail,
    };
}
