using System.Collections.Generic;
using System.Linq;
using RingCentral.CallLog.Client.Export.Content;

namespace RingCentral.CallLog.Client.Export.Recordings;

/// <summary>
/// Test-RcRecordingArchive's and Remove-RcRecording's view of the archive verifier
/// (<see cref="ContentArchiveVerifier"/>): recordings only, as <see cref="RecordingArchiveEntry"/> rows.
/// </summary>
internal static class RecordingArchiveVerifier
{
    public const string Ok = ContentArchiveVerifier.Ok;
    public const string Missing = ContentArchiveVerifier.Missing;
    public const string Corrupt = ContentArchiveVerifier.Corrupt;
    public const string NoSidecar = ContentArchiveVerifier.NoSidecar;
    public const string Incomplete = ContentArchiveVerifier.Incomplete;

    /// <summary>One entry per recording in <paramref name="directory"/>, in path order (message attachments are left out).</summary>
    public static IEnumerable<RecordingArchiveEntry> CheckFolder(string directory, bool recurse) =>
        ContentArchiveVerifier.CheckFolder(directory, recurse, RecordingTarget.FileNaming).Select(ToEntry);

    /// <summary>One file checked as recording <paramref name="recordingId"/> (null: as its sidecar says).</summary>
    public static RecordingArchiveEntry CheckFile(string path, string? recordingId, string? callLogId, string? expectedSha256, long? expectedBytes) =>
        ToEntry(ContentArchiveVerifier.CheckFile(path, recordingId is null ? null : ContentIdentity.Recording(recordingId), callLogId, expectedSha256, expectedBytes, RecordingTarget.FileNaming));

    public static string? TrySha256Of(string path) => ContentArchiveVerifier.TrySha256Of(path);

    private static RecordingArchiveEntry ToEntry(ContentCheck check) => new()
    {
        RecordingId = check.Identity?.RecordingId,
        CallLogId = check.CallLogId,
        Path = check.Path,
        Bytes = check.Bytes,
        Sha256 = check.Sha256,
        ActualSha256 = check.ActualSha256,
        Status = check.Status,
        Detail = check.Detail,
    };
}
