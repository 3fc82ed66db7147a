using System.Security.Cryptography;
using RingCentral.CallLog.Client.Export.Archive;
using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Export.Messages;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Export.Archive;

/// <summary>
/// Test-RcArchive's verifier over a folder that holds every kind: a recording saved before sidecars
/// had a kind (the fixture), message attachments with their sidecars, and files nothing names.
/// One entry per file, each with its kind.
/// </summary>
public sealed class ArchiveVerifierTests : IDisposable
{
    private static readonly string s_fixture = Path.Combine(Fixtures.RepoRoot, "tests", "data", "archive", "recording-before-kinds", "20261203-010847_Outbound_1697590004.wav");
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "rc-archive-verifier-" + Guid.NewGuid().ToString("N"));

    public ArchiveVerifierTests()
    {
        Directory.CreateDirectory(_dir);
        File.Copy(s_fixture, Path.Combine(_dir, Path.GetFileName(s_fixture)));
        File.Copy(s_fixture + ".json", Path.Combine(_dir, Path.GetFileName(s_fixture) + ".json"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_folder_of_every_kind_gives_one_entry_per_file_each_with_its_kind()
    {
        var audio = SaveAttachment("5", "6", "AudioRecording", ".mp3", new byte[] { 1, 2, 3, 4 });
        var text = SaveAttachment("5", "7", "AudioTranscription", ".txt", "Hello"u8.ToArray());
        File.WriteAllBytes(Path.Combine(_dir, "unknown.mp3"), new byte[] { 9 });
        File.WriteAllBytes(Path.Combine(_dir, "scan.pdf"), new byte[] { 8 });
        File.WriteAllBytes(Path.Combine(_dir, "x.mp3.partial"), new byte[] { 7 });

        var entries = ArchiveVerifier.CheckFolder(_dir, recurse: false).ToList();

        Assert.Equal(6, entries.Count);
        Assert.Equal(entries.Select(e => e.Path), entries.Select(e => e.Path).Distinct());
        var recording = Assert.Single(entries, e => e.Kind == ArchiveVerifier.RecordingKind);
        Assert.Equal(("1697590004", "Ok", "VVzZz4JndUcTrC5"), (recording.RecordingId, recording.Status, recording.CallLogId));
        var messages = entries.Where(e => e.Kind == ArchiveVerifier.MessageAttachmentKind && e.MessageId is not null).OrderBy(e => e.AttachmentId).ToList();
        Assert.Equal(new[] { (audio, "6"), (text, "7") }, messages.Select(m => (m.Path!, m.AttachmentId!)));
        Assert.All(messages, m => Assert.Equal(("Ok", "5", "call-1"), (m.Status, m.MessageId, m.CallLogId)));
        Assert.All(messages, m => Assert.Null(m.RecordingId));

        // Files nothing names: an .mp3 either kind may have has no kind; a .pdf only a message attachment has.
        Assert.Null(Assert.Single(entries, e => e.Path!.EndsWith("unknown.mp3", StringComparison.Ordinal)).Kind);
        var pdf = Assert.Single(entries, e => e.Path!.EndsWith("scan.pdf", StringComparison.Ordinal));
        Assert.Equal((ArchiveVerifier.MessageAttachmentKind, ContentArchiveVerifier.NoSidecar), (pdf.Kind, pdf.Status));
        Assert.Equal(ContentArchiveVerifier.Incomplete, Assert.Single(entries, e => e.Path!.EndsWith(".partial", StringComparison.Ordinal)).Status);
    }

    [Fact]
    public void A_file_checked_as_another_attachment_of_the_same_message_is_Corrupt()
    {
        var audio = SaveAttachment("5", "6", "AudioRecording", ".mp3", new byte[] { 1, 2, 3, 4 });

        Assert.Equal(ContentArchiveVerifier.Ok, ArchiveVerifier.CheckFile(audio, ContentIdentity.MessageAttachment("5", "6"), null, null, null).Status);
        var other = ArchiveVerifier.CheckFile(audio, ContentIdentity.MessageAttachment("5", "7"), null, null, null);
        Assert.Equal((ContentArchiveVerifier.Corrupt, ArchiveVerifier.MessageAttachmentKind, "7"), (other.Status, other.Kind, other.AttachmentId));
        Assert.Contains("message 5 attachment 6", other.Detail, StringComparison.Ordinal);
        var asRecording = ArchiveVerifier.CheckFile(audio, ContentIdentity.Recording("5"), null, null, null);
        Assert.Equal(ContentArchiveVerifier.Corrupt, asRecording.Status);
    }

    [Fact]
    public void The_mailbox_comes_from_the_sidecar()
    {
        var audio = SaveAttachment("5", "6", "AudioRecording", ".mp3", new byte[] { 1 });
        Assert.Equal("62871631004", ArchiveVerifier.ExtensionIdOf(audio));
        Assert.Null(ArchiveVerifier.ExtensionIdOf(Path.Combine(_dir, "none.mp3")));
    }

    /// <summary>A file and its sidecar as Save-RcMessage leaves them.</summary>
    private string SaveAttachment(string messageId, string attachmentId, string type, string extension, byte[] content)
    {
        var item = new MessageAttachmentItem(new ContentNameValues { MessageId = messageId, AttachmentId = attachmentId, AttachmentType = type, CallLogId = "call-1", ExtensionId = "62871631004" });
        var path = Path.Combine(_dir, $"{messageId}_{attachmentId}{extension}");
        File.WriteAllBytes(path, content);
        var sidecar = item.NewSidecar();
        sidecar.Bytes = content.Length;
        sidecar.Sha256 = Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();
        sidecar.Write(ContentSidecar.PathFor(path));
        return path;
    }
}
