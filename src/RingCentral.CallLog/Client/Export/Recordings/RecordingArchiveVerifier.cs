using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace RingCentral.CallLog.Client.Export.Recordings;

/// <summary>
/// Checks recording files against their sidecars (or a manifest's values): the file exists, and
/// its size and SHA-256 are what was recorded when it was downloaded. Offline; reads each file once.
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
                yield return Entry(state?.RecordingId, state?.Call?.CallLogId, file, length, null, Incomplete, $"An unfinished download ({length}{of} bytes); the next download of this recording resumes it.");
            }
            else if (file.EndsWith(RecordingSidecar.Suffix, StringComparison.OrdinalIgnoreCase))
            {
                var recording = file.Substring(0, file.Length - RecordingSidecar.Suffix.Length);
                if (recording.EndsWith(RecordingContentDownload.PartialSuffix, StringComparison.Ordinal) || RecordingSidecar.TryRead(file) is not { Sha256: not null } sidecar)
                {
                    continue; // a .partial's sidecar, or a JSON file that is not a recording's sidecar
                }

                yield return present.Contains(recording)
                    ? CheckAgainstSidecar(recording, sidecar)
                    : Entry(sidecar.RecordingId, sidecar.Call?.CallLogId, recording, null, null, Missing, $"The sidecar '{Path.GetFileName(file)}' has no recording file beside it.");
            }
            else if (IsRecordingFile(file) && !present.Contains(RecordingSidecar.PathFor(file)))
            {
                yield return Entry(null, null, file, new FileInfo(file).Length, Sha256Of(file), NoSidecar, "No sidecar: nothing to check the file against (saved without one, or by other means).");
            }
        }
    }

    /// <summary>
    /// One file checked against what a manifest row (or a Remove-RcRecording input) says and against
    /// its sidecar when there is one: the sidecar must name the same recording.
    /// </summary>
    public static RecordingArchiveEntry CheckFile(string path, string? recordingId, string? callLogId, string? expectedSha256, long? expectedBytes)
    {
        if (!File.Exists(path))
        {
            return Entry(recordingId, callLogId, path, null, null, Missing, $"'{path}' does not exist.");
        }

        var sidecar = RecordingSidecar.TryRead(RecordingSidecar.PathFor(path));
        if (sidecar is not null && recordingId is not null && sidecar.RecordingId != recordingId)
        {
            return Entry(recordingId, callLogId, path, new FileInfo(path).Length, null, Corrupt, $"The file's sidecar belongs to recording {sidecar.RecordingId}, not {recordingId}.");
        }

        if (sidecar?.Sha256 is not null)
        {
            var checkedEntry = CheckAgainstSidecar(path, sidecar);
            if (checkedEntry.Status != Ok || expectedSha256 is null || string.Equals(expectedSha256, checkedEntry.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                checkedEntry.RecordingId = recordingId ?? checkedEntry.RecordingId;
                return checkedEntry;
            }

            return Entry(recordingId, callLogId, path, checkedEntry.Bytes, checkedEntry.Sha256, Corrupt, $"SHA-256 {checkedEntry.Sha256} matches the sidecar but not the given {expectedSha256}.");
        }

        var bytes = new FileInfo(path).Length;
        if (expectedSha256 is null)
        {
            return Entry(recordingId, callLogId, path, bytes, Sha256Of(path), NoSidecar, "No sidecar and no SHA-256 given: nothing to check the file against.");
        }

        if (expectedBytes is long expected && expected != bytes)
        {
            return Entry(recordingId, callLogId, path, bytes, null, Corrupt, $"The file has {bytes} bytes; {expected} were recorded.");
        }

        var sha = Sha256Of(path);
        return string.Equals(sha, expectedSha256, StringComparison.OrdinalIgnoreCase)
            ? Entry(recordingId, callLogId, path, bytes, sha, Ok, "Size and SHA-256 match the given values.")
            : Entry(recordingId, callLogId, path, bytes, sha, Corrupt, $"SHA-256 {sha} differs from the recorded {expectedSha256.ToLowerInvariant()}.");
    }

    public static string Sha256Of(string path)
    {
        using var sha = SHA256.Create();
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
        return RecordingContentDownload.Hex(sha.ComputeHash(file));
    }

    private static RecordingArchiveEntry CheckAgainstSidecar(string file, RecordingSidecar sidecar)
    {
        var bytes = new FileInfo(file).Length;
        if (sidecar.Bytes is long expected && expected != bytes)
        {
            return Entry(sidecar.RecordingId, sidecar.Call?.CallLogId, file, bytes, null, Corrupt, $"The file has {bytes} bytes; its sidecar says {expected}.");
        }

        var sha = Sha256Of(file);
        return string.Equals(sha, sidecar.Sha256, StringComparison.OrdinalIgnoreCase)
            ? Entry(sidecar.RecordingId, sidecar.Call?.CallLogId, file, bytes, sha, Ok, "Size and SHA-256 match the sidecar.")
            : Entry(sidecar.RecordingId, sidecar.Call?.CallLogId, file, bytes, sha, Corrupt, $"SHA-256 {sha} differs from the sidecar's {sidecar.Sha256}.");
    }

    private static bool IsRecordingFile(string file) =>
        RecordingFileNamer.KnownExtensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static RecordingArchiveEntry Entry(string? recordingId, string? callLogId, string path, long? bytes, string? sha256, string status, string detail) => new()
    {
        RecordingId = recordingId,
        CallLogId = callLogId,
        Path = path,
        Bytes = bytes,
        Sha256 = sha256,
        Status = status,
        Detail = detail,
    };
}
