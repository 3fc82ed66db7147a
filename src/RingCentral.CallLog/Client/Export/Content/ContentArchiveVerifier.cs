using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>
/// Checks archived files (recordings, message attachments) against what was recorded when they were
/// downloaded: the sidecar's size and SHA-256, or a manifest row's. The recorded values are the only
/// reference; a file's own hash is never compared with itself. A sidecar that cannot say what was
/// downloaded (unreadable, no sha256 or bytes) is reported, never trusted and never skipped. Offline;
/// reads each file once. The one reader of sidecars for verification, whatever their kind.
/// </summary>
internal static class ContentArchiveVerifier
{
    public const string Ok = "Ok";
    public const string Missing = "Missing";
    public const string Corrupt = "Corrupt";
    public const string NoSidecar = "NoSidecar";
    public const string Incomplete = "Incomplete";

    /// <summary>
    /// One entry per file of <paramref name="kind"/> in <paramref name="directory"/>, in path order: the
    /// files its sidecars name (a sidecar without "kind" is a recording's), and the files of its
    /// extensions that have no sidecar (NoSidecar) or none that can be read (Corrupt).
    /// </summary>
    public static IEnumerable<ContentCheck> CheckFolder(string directory, bool recurse, ContentNaming kind)
    {
        var files = Directory.GetFiles(directory, "*", recurse ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly);
        Array.Sort(files, StringComparer.Ordinal);
        var present = new HashSet<string>(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.EndsWith(ContentDownload.PartialSuffix, StringComparison.Ordinal))
            {
                var state = ContentSidecar.TryRead(ContentSidecar.PathFor(file));
                if (state is not null && state.Identity.Kind != kind.Kind)
                {
                    continue; // another kind's unfinished download (one nothing names is listed for every kind)
                }

                var length = new FileInfo(file).Length;
                var of = state?.Bytes is long total ? " of " + total.ToString(CultureInfo.InvariantCulture) : string.Empty;
                yield return Entry(state?.Identity, state?.Call?.CallLogId, file, length, null, null, Incomplete, $"An unfinished download ({length}{of} bytes); the next download of this {kind.Noun} resumes it.");
            }
            else if (file.EndsWith(ContentSidecar.Suffix, StringComparison.OrdinalIgnoreCase))
            {
                var content = file.Substring(0, file.Length - ContentSidecar.Suffix.Length);
                if (content.EndsWith(ContentDownload.PartialSuffix, StringComparison.Ordinal))
                {
                    continue; // a .partial's sidecar, listed with its .partial
                }

                var sidecar = ContentSidecar.TryRead(file);
                if (sidecar is null || sidecar.Identity.Kind != kind.Kind)
                {
                    continue; // a JSON file that is not a sidecar of this kind (a manifest, a note, another kind's sidecar)
                }

                if (present.Contains(content) && IsFileOf(kind, content))
                {
                    continue; // checked with its file
                }

                yield return present.Contains(content)
                    ? CheckFile(content, null, null, null, null, kind)
                    : Entry(sidecar.Identity, sidecar.Call?.CallLogId, content, null, sidecar.Sha256, null, Missing, $"The sidecar '{Path.GetFileName(file)}' has no {kind.Noun} file beside it.");
            }
            else if (IsFileOf(kind, file))
            {
                if (ContentSidecar.TryRead(ContentSidecar.PathFor(file)) is { } own && own.Identity.Kind != kind.Kind)
                {
                    continue; // another kind's file that happens to share an extension
                }

                yield return CheckFile(file, null, null, null, null, kind);
            }
        }
    }

    /// <summary>
    /// One file checked against what was recorded at download: its sidecar when there is one, and
    /// what a manifest row (or a remove cmdlet's input) says. When both are there they must agree;
    /// a sidecar edited to match a damaged file then no longer matches the row.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="expected">Whose file the caller takes it for; null to take the sidecar's word.</param>
    /// <param name="callLogId">The call, when the caller knows it.</param>
    /// <param name="expectedSha256">The SHA-256 the caller recorded (a manifest row), or null.</param>
    /// <param name="expectedBytes">The size the caller recorded, or null.</param>
    /// <param name="kind">The kind the file is checked as (its noun in the details).</param>
    public static ContentCheck CheckFile(string path, ContentIdentity? expected, string? callLogId, string? expectedSha256, long? expectedBytes, ContentNaming kind)
    {
        if (!File.Exists(path))
        {
            return Entry(expected, callLogId, path, null, Normalized(expectedSha256), null, Missing, $"'{path}' does not exist.");
        }

        if (expectedSha256 is not null && !IsSha256(expectedSha256))
        {
            return Entry(expected, callLogId, path, null, null, null, Corrupt, $"The given SHA-256 '{expectedSha256}' is not 64 hex digits; nothing to check the file against.");
        }

        var sidecarPath = ContentSidecar.PathFor(path);
        if (!File.Exists(sidecarPath))
        {
            return expectedSha256 is null
                ? Measure(expected, callLogId, path, null, NoSidecar, "No sidecar and no recorded SHA-256: nothing to check the file against (saved without one, or by other means).")
                : Compare(expected, callLogId, path, expectedSha256, expectedBytes, "the given");
        }

        if (ContentSidecar.TryRead(sidecarPath) is not { } sidecar)
        {
            return Measure(expected, callLogId, path, expectedSha256, Corrupt, $"The sidecar '{Path.GetFileName(sidecarPath)}' cannot be read as a {kind.Noun} sidecar; it is not trusted.");
        }

        var identity = expected ?? sidecar.Identity;
        callLogId ??= sidecar.Call?.CallLogId;
        if (!sidecar.Identity.Equals(identity))
        {
            var whose = sidecar.Identity.Kind == identity.Kind ? sidecar.Identity.ToString() : $"a {sidecar.Identity.Kind} ({sidecar.Identity.IdText})";
            return Measure(identity, callLogId, path, expectedSha256, Corrupt, $"The file's sidecar belongs to {whose}, not {identity.IdText}.");
        }

        if (sidecar.MissingVerificationField() is { } field)
        {
            return Measure(identity, callLogId, path, expectedSha256, Corrupt, $"The sidecar '{Path.GetFileName(sidecarPath)}' has no valid {field}: it cannot say what was downloaded, so it is not trusted.");
        }

        if (expectedSha256 is not null && !string.Equals(expectedSha256, sidecar.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            return Measure(identity, callLogId, path, expectedSha256, Corrupt, $"The sidecar records SHA-256 {sidecar.Sha256!.ToLowerInvariant()}, the given value is {expectedSha256.ToLowerInvariant()}: one of them was changed since the download.");
        }

        if (expectedBytes is long given && given != sidecar.Bytes)
        {
            return Measure(identity, callLogId, path, sidecar.Sha256, Corrupt, $"The sidecar records {sidecar.Bytes} bytes, the given value is {given}: one of them was changed since the download.");
        }

        return Compare(identity, callLogId, path, sidecar.Sha256!, sidecar.Bytes, "its sidecar's");
    }

    /// <summary>The file's SHA-256 (lower-case hex), or null when it cannot be read (gone, locked, denied).</summary>
    public static string? TrySha256Of(string path)
    {
        try
        {
            using var sha = SHA256.Create();
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
            return ContentDownload.Hex(sha.ComputeHash(file));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static bool IsSha256(string? text) =>
        text is { Length: 64 } && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F');

    private static ContentCheck Compare(ContentIdentity? identity, string? callLogId, string path, string recordedSha256, long? recordedBytes, string source)
    {
        var recorded = recordedSha256.ToLowerInvariant();
        var bytes = new FileInfo(path).Length;
        var actual = TrySha256Of(path);
        if (actual is null)
        {
            return Entry(identity, callLogId, path, bytes, recorded, null, Corrupt, "The file cannot be read.");
        }

        if (recordedBytes is long expected && expected != bytes)
        {
            return Entry(identity, callLogId, path, bytes, recorded, actual, Corrupt, $"The file has {bytes} bytes; {source} values recorded at download say {expected}.");
        }

        if (actual != recorded)
        {
            return Entry(identity, callLogId, path, bytes, recorded, actual, Corrupt, $"SHA-256 {actual} differs from {source} {recorded}, recorded at download.");
        }

        // A WAV says its own length: one that disagrees was cut or padded before its hash was taken
        // (an archive saved by a version that did not check it at download).
        return WavHeader.DeclaredLength(path) is long declared && declared != bytes
            ? Entry(identity, callLogId, path, bytes, recorded, actual, Corrupt, $"The file is a WAV whose header says {declared} bytes, but it has {bytes}: it was incomplete when it was downloaded.")
            : Entry(identity, callLogId, path, bytes, recorded, actual, Ok, $"Size and SHA-256 match {source} values recorded at download.");
    }

    /// <summary>An entry with the file's size and hash as they are now, for a status decided without them.</summary>
    private static ContentCheck Measure(ContentIdentity? identity, string? callLogId, string path, string? recordedSha256, string status, string detail) =>
        Entry(identity, callLogId, path, new FileInfo(path).Length, Normalized(recordedSha256), TrySha256Of(path), status, detail);

    private static string? Normalized(string? sha256) => IsSha256(sha256) ? sha256!.ToLowerInvariant() : null;

    private static bool IsFileOf(ContentNaming kind, string file) =>
        kind.Extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static ContentCheck Entry(ContentIdentity? identity, string? callLogId, string path, long? bytes, string? sha256, string? actualSha256, string status, string detail) => new()
    {
        Identity = identity,
        CallLogId = callLogId,
        Path = path,
        Bytes = bytes,
        Sha256 = sha256,
        ActualSha256 = actualSha256,
        Status = status,
        Detail = detail,
    };
}
