using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Export.Messages;
using RingCentral.CallLog.Client.Export.Recordings;
using RingCentral.CallLog.Report;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Export.Content;

/// <summary>
/// An archive made before sidecars had a "kind" (tests/data/archive/recording-before-kinds, written
/// by that version's Save-RcRecording) stays a recording archive: it verifies, a rerun skips it,
/// and the report finds it.
/// </summary>
public sealed class ArchiveFormatTests
{
    private const string RecordingId = "1697590004";
    private static readonly string s_folder = Path.Combine(Fixtures.RepoRoot, "tests", "data", "archive", "recording-before-kinds");
    private static readonly string s_file = Path.Combine(s_folder, "20261203-010847_Outbound_1697590004.wav");

    [Fact]
    public void The_fixture_sidecar_has_no_kind()
    {
        Assert.DoesNotContain("\"kind\"", File.ReadAllText(s_file + ".json"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sidecar_without_kind_reads_as_the_recording_it_names()
    {
        var sidecar = ContentSidecar.TryRead(s_file + ".json")!;
        Assert.Null(sidecar.Kind);
        Assert.Equal(ContentIdentity.Recording(RecordingId), sidecar.Identity);
        Assert.Equal("VVzZz4JndUcTrC5", sidecar.Call!.CallLogId);
        Assert.Equal("David Kim", sidecar.Call.FromName);
        Assert.Equal(2048, sidecar.Bytes);
    }

    [Fact]
    public void A_recording_archive_made_before_kinds_verifies_Ok()
    {
        var entry = Assert.Single(RecordingArchiveVerifier.CheckFolder(s_folder, recurse: false));
        Assert.Equal(RecordingArchiveVerifier.Ok, entry.Status);
        Assert.Equal(RecordingId, entry.RecordingId);
        Assert.Equal("VVzZz4JndUcTrC5", entry.CallLogId);
        Assert.Equal("3fc5d88e77d66d7939fc99bf460eec7aaebfedbaf38f00a0f8bd13221413b446", entry.ActualSha256);

        Assert.Equal(RecordingArchiveVerifier.Ok, RecordingArchiveVerifier.CheckFile(s_file, RecordingId, null, null, null).Status);
        Assert.Empty(ContentArchiveVerifier.CheckFolder(s_folder, recurse: false, MessageAttachmentItem.FileNaming));
    }

    [Fact]
    public void A_rerun_takes_the_file_as_this_recordings_and_skips_it()
    {
        var slot = ContentSlot.Inspect(s_file[..^".wav".Length], ContentIdentity.Recording(RecordingId), RecordingTarget.FileNaming);
        Assert.Equal(ContentSlotState.Complete, slot.State);
        Assert.Equal(ContentSlotState.Foreign, ContentSlot.Inspect(s_file[..^".wav".Length], ContentIdentity.Recording("1697590005"), RecordingTarget.FileNaming).State);
    }

    [Fact]
    public void The_report_finds_it_by_its_sidecar()
    {
        Assert.Equal(RecordingId, ArchiveLocator.SidecarRecordingId(s_file + ".json"));
        var locator = new ArchiveLocator(s_folder);
        locator.AddFolder(s_folder);
        Assert.Equal("audio/wav", locator.Find(RecordingId)!.ContentType);
    }
}
