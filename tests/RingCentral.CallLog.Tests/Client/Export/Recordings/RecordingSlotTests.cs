using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Export.Recordings;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Export.Recordings;

/// <summary>Whose files lie at a base path: the rule that decides skip, resume or another name.</summary>
public sealed class RecordingSlotTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rec-slot-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Base(string name) => Path.Combine(_dir, name);

    [Fact]
    public void Nothing_there_is_Free()
    {
        Assert.Equal(ContentSlotState.Free, ContentSlot.Inspect(Base("a"), ContentIdentity.Recording("111"), RecordingTarget.FileNaming).State);
    }

    [Fact]
    public void A_file_is_this_recordings_when_its_sidecar_says_so_whatever_its_name()
    {
        File.WriteAllBytes(Base("a") + ".mp3", new byte[] { 1 });
        new ContentSidecar { RecordingId = "111", Sha256 = "00" }.Write(Base("a") + ".mp3.json");
        var slot = ContentSlot.Inspect(Base("a"), ContentIdentity.Recording("111"), RecordingTarget.FileNaming);
        Assert.Equal(ContentSlotState.Complete, slot.State);
        Assert.Equal(Base("a") + ".mp3", slot.Final);
        Assert.Equal(ContentSlotState.Foreign, ContentSlot.Inspect(Base("a"), ContentIdentity.Recording("222"), RecordingTarget.FileNaming).State);
    }

    [Fact]
    public void Without_a_sidecar_only_a_name_carrying_the_id_as_a_whole_word_counts()
    {
        File.WriteAllBytes(Base("20261101_Inbound_111") + ".wav", new byte[] { 1 });
        Assert.Equal(ContentSlotState.Complete, ContentSlot.Inspect(Base("20261101_Inbound_111"), ContentIdentity.Recording("111"), RecordingTarget.FileNaming).State);
        File.WriteAllBytes(Base("x1112") + ".wav", new byte[] { 1 });
        Assert.Equal(ContentSlotState.Foreign, ContentSlot.Inspect(Base("x1112"), ContentIdentity.Recording("111"), RecordingTarget.FileNaming).State);
        Assert.True(ContentSlot.NameCarries("a-111.mp3", "111"));
        Assert.False(ContentSlot.NameCarries("a1111.mp3", "111"));
    }

    [Fact]
    public void A_sidecar_naming_another_recording_wins_over_the_name()
    {
        File.WriteAllBytes(Base("rec_111") + ".mp3", new byte[] { 1 });
        new ContentSidecar { RecordingId = "999", Sha256 = "00" }.Write(Base("rec_111") + ".mp3.json");
        Assert.Equal(ContentSlotState.Foreign, ContentSlot.Inspect(Base("rec_111"), ContentIdentity.Recording("111"), RecordingTarget.FileNaming).State);
    }

    [Fact]
    public void A_partial_is_resumable_only_for_the_recording_its_sidecar_names()
    {
        File.WriteAllBytes(Base("same") + ".mp3.partial", new byte[] { 1 });
        new ContentSidecar { RecordingId = "111", ETag = "\"e\"" }.Write(Base("same") + ".mp3.partial.json");
        var mine = ContentSlot.Inspect(Base("same"), ContentIdentity.Recording("111"), RecordingTarget.FileNaming);
        Assert.Equal(ContentSlotState.Partial, mine.State);
        Assert.Equal(Base("same") + ".mp3.partial", mine.Partial);
        Assert.Equal(ContentSlotState.Foreign, ContentSlot.Inspect(Base("same"), ContentIdentity.Recording("222"), RecordingTarget.FileNaming).State);
    }

    [Fact]
    public void A_sidecar_that_is_not_JSON_proves_nothing()
    {
        File.WriteAllBytes(Base("same") + ".mp3", new byte[] { 1 });
        File.WriteAllText(Base("same") + ".mp3.json", "{ not json");
        Assert.Equal(ContentSlotState.Foreign, ContentSlot.Inspect(Base("same"), ContentIdentity.Recording("111"), RecordingTarget.FileNaming).State);
    }
}
