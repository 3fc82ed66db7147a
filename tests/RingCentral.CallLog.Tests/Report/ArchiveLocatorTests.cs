using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Report;
using Xunit;

namespace RingCentral.CallLog.Tests.Report;

public sealed class ArchiveLocatorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rc-locator-" + Guid.NewGuid().ToString("N"));

    public ArchiveLocatorTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "recordings", "2026-11-30"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Finds_files_by_sidecar_and_by_the_recording_id_in_the_name_in_subfolders()
    {
        var byName = Touch("recordings/2026-11-30/20261130-101500_Inbound_1680117004.mp3");
        var byId = Touch("recordings/1680118004.wav");
        var bySidecar = Touch("recordings/morning call.wav");
        File.WriteAllText(bySidecar + ".json", "{\"recordingId\":\"1680119004\",\"callLogId\":\"abc\",\"sha256\":\"00\"}");
        var numericSidecar = Touch("recordings/other.mp3");
        File.WriteAllText(numericSidecar + ".json", "{\"RecordingId\": 1680120004}");
        Touch("recordings/1680121004.bin");
        Touch("recordings/1680122004.txt");

        var locator = new ArchiveLocator(_root);
        locator.AddFolder(Path.Combine(_root, "recordings"));

        Assert.Equal(byName, locator.Find("1680117004")!.FullPath);
        Assert.Equal("recordings/2026-11-30/20261130-101500_Inbound_1680117004.mp3", locator.Find("1680117004")!.Source);
        Assert.Equal("audio/mpeg", locator.Find("1680117004")!.ContentType);
        Assert.Equal(byId, locator.Find("1680118004")!.FullPath);
        Assert.Equal("audio/wav", locator.Find("1680118004")!.ContentType);
        Assert.Equal("recordings/morning%20call.wav", locator.Find("1680119004")!.Source);
        Assert.Equal(numericSidecar, locator.Find("1680120004")!.FullPath);
        Assert.Null(locator.Find("1680121004"));
        Assert.Null(locator.Find("1680122004"));
        Assert.Null(locator.Find("morning"));
    }

    [Fact]
    public void A_sidecar_wins_over_a_name_and_a_manifest_row_over_both()
    {
        var named = Touch("recordings/x_1680117004.mp3");
        var sidecar = Touch("recordings/y.mp3");
        File.WriteAllText(sidecar + ".json", "{\"recordingId\":\"1680117004\"}");
        var locator = new ArchiveLocator(_root);
        locator.AddFolder(Path.Combine(_root, "recordings"));
        Assert.Equal(sidecar, locator.Find("1680117004")!.FullPath);

        var manifest = new ArchiveLocator(_root);
        Assert.True(manifest.AddFile("1680117004", named, "audio/mpeg"));
        manifest.AddFolder(Path.Combine(_root, "recordings"));
        Assert.Equal(named, manifest.Find("1680117004")!.FullPath);
    }

    [Fact]
    public void Manifest_rows_need_an_audio_file_on_disk()
    {
        var locator = new ArchiveLocator(_root);
        Assert.False(locator.AddFile("1", Path.Combine(_root, "missing.mp3"), "audio/mpeg"));
        Assert.False(locator.AddFile("2", Touch("recordings/2.bin"), "application/octet-stream"));
        Assert.True(locator.AddFile("3", Touch("recordings/3.bin"), "audio/x-wav"));
        Assert.Equal("audio/wav", locator.Find("3")!.ContentType);
        Assert.Null(locator.Find("1"));
    }

    [Fact]
    public void A_broken_sidecar_falls_back_to_the_name()
    {
        var file = Touch("recordings/a_1680117004.mp3");
        File.WriteAllText(file + ".json", "{ not json");
        var locator = new ArchiveLocator(_root);
        locator.AddFolder(Path.Combine(_root, "recordings"));
        Assert.Equal(file, locator.Find("1680117004")!.FullPath);
    }

    [Fact]
    public void Finds_a_calls_voicemail_transcription_and_fax_by_their_sidecars_and_leaves_out_sms_partials_and_recordings()
    {
        var audio = MessageFile("messages/20261130-101500_Inbound_9001_9001.mp3", "9001", "9001", "AudioRecording", "C1", "audio/mpeg");
        var text = MessageFile("messages/20261130-101500_Inbound_9001_9002.txt", "9001", "9002", "AudioTranscription", "C1", "text/plain", "Hi Erin, <script>alert('x')</script> call me.\n");
        var fax = MessageFile("messages/20261130-111500_Inbound_9100_9100.pdf", "9100", "9100", "RenderedDocument", null, "application/pdf");
        MessageFile("messages/20261130-121500_Inbound_9200_9200.txt", "9200", "9200", "Text", null, "text/plain");
        var partial = MessageFile("messages/20261130-131500_Inbound_9300_9300.mp3", "9300", "9300", "AudioRecording", "C3", "audio/mpeg");
        File.Move(partial, partial + ".partial");
        File.Move(partial + ".json", partial + ".partial.json");
        var recording = Touch("recordings/20261130-101500_Inbound_1680117004.mp3");

        var locator = new ArchiveLocator(_root);
        locator.AddFolder(_root);

        // By the message id a call record names, and by the call id the sidecar names.
        foreach (var voicemail in new[] { locator.FindMessage("9001", null), locator.FindMessage(null, "C1") })
        {
            Assert.NotNull(voicemail);
            Assert.Equal("9001", voicemail!.MessageId);
            Assert.Equal(audio, voicemail.Voicemail!.FullPath);
            Assert.Equal("messages/20261130-101500_Inbound_9001_9001.mp3", voicemail.Voicemail.Source);
            Assert.Equal("audio/mpeg", voicemail.Voicemail.ContentType);
            Assert.Equal("Hi Erin, <script>alert('x')</script> call me.", voicemail.Transcription);
            Assert.Empty(voicemail.Documents);
        }

        var faxMessage = locator.FindMessage("9100", "C9");
        Assert.Null(faxMessage!.Voicemail);
        Assert.Null(faxMessage.Transcription);
        Assert.Equal(fax, Assert.Single(faxMessage.Documents).FullPath);
        Assert.Equal("application/pdf", faxMessage.Documents[0].ContentType);
        Assert.Null(locator.FindMessage("9200", null));
        Assert.Null(locator.FindMessage("9300", "C3"));
        Assert.Equal(2, locator.MessageCount);

        // A message's audio is never taken for a recording by the ids in its name, and a recording stays one.
        Assert.Null(locator.Find("9001"));
        Assert.Equal(recording, locator.Find("1680117004")!.FullPath);
        Assert.Null(locator.FindMessage("1680117004", null));
        Assert.True(File.Exists(text));
    }

    [Fact]
    public void A_message_manifest_row_wins_over_a_sidecar_and_needs_a_file_it_can_show()
    {
        var sidecarAudio = MessageFile("messages/a.wav", "9001", "9001", "AudioRecording", "C1", "audio/x-wav");
        var manifestAudio = Touch("elsewhere/vm.mp3");
        var locator = new ArchiveLocator(Path.Combine(_root, "report"));
        Assert.True(locator.AddMessageFile("9001", "9001", "AudioRecording", "C1", manifestAudio, "audio/mpeg"));
        Assert.False(locator.AddMessageFile("9002", "1", "AudioRecording", null, Path.Combine(_root, "missing.mp3"), "audio/mpeg"));
        Assert.False(locator.AddMessageFile("9003", "1", "RenderedDocument", null, Touch("elsewhere/x.mp3"), "audio/mpeg"));
        Assert.False(locator.AddMessageFile("9004", "1", "Text", null, Touch("elsewhere/sms.txt"), "text/plain"));
        Assert.True(locator.AddMessageFile("9005", "1", null, "C5", Touch("elsewhere/fax.tif"), "image/tiff"));
        locator.AddFolder(Path.Combine(_root, "messages"));

        var found = locator.FindMessage("9001", null)!;
        Assert.Equal(manifestAudio, found.Voicemail!.FullPath);
        Assert.StartsWith("file:///", found.Voicemail.Source, StringComparison.Ordinal);
        Assert.NotEqual(sidecarAudio, found.Voicemail.FullPath);
        Assert.Null(locator.FindMessage("9002", null));
        Assert.Null(locator.FindMessage("9003", null));
        Assert.Null(locator.FindMessage("9004", null));
        Assert.Equal("image/tiff", Assert.Single(locator.FindMessage(null, "C5")!.Documents).ContentType);
    }

    [Fact]
    public void A_transcription_that_is_gone_or_huge_is_left_out_or_cut()
    {
        var text = MessageFile("messages/t.txt", "9001", "9002", "AudioTranscription", null, "text/plain", new string('a', TranscriptionText.MaxChars + 500));
        var locator = new ArchiveLocator(_root);
        locator.AddFolder(_root);
        var cut = locator.FindMessage("9001", null)!.Transcription!;
        Assert.Equal(TranscriptionText.MaxChars + 2, cut.Length);
        Assert.EndsWith(" \u2026", cut, StringComparison.Ordinal);

        File.Delete(text);
        Assert.Null(locator.FindMessage("9001", null)!.Transcription);
    }

    [Fact]
    public void Links_are_relative_under_the_report_folder_and_file_uris_elsewhere_with_every_segment_encoded()
    {
        var report = Path.Combine(_root, "report");
        Assert.Equal("sub/a%23b%20c%3F.mp3", LocalFileLink.For(report, Path.Combine(report, "sub", "a#b c?.mp3")));
        var outside = Path.Combine(_root, "reportx", "a#1.mp3");
        var link = LocalFileLink.For(report, outside);
        Assert.StartsWith("file:///", link, StringComparison.Ordinal);
        Assert.EndsWith("/reportx/a%231.mp3", link, StringComparison.Ordinal);
        Assert.Equal(new Uri(Path.Combine(_root, "reportx", "a1.mp3")).AbsoluteUri, LocalFileLink.For(report, Path.Combine(_root, "reportx", "a1.mp3")));
    }

    [Theory]
    [InlineData(@"C:\Rec\2026 11\a#1.wav", "file:///C:/Rec/2026%2011/a%231.wav")]
    [InlineData(@"\\fileserver\share\rec\a.mp3", "file://fileserver/share/rec/a.mp3")]
    [InlineData("/srv/rec/a b.mp3", "file:///srv/rec/a%20b.mp3")]
    public void File_uris_for_drive_unc_and_unix_paths(string path, string expected) =>
        Assert.Equal(expected, LocalFileLink.FileUri(path));

    [Fact]
    public void An_unknown_time_zone_is_refused_naming_the_parameter()
    {
        var error = Assert.Throws<ArgumentException>(() => ReportTimeZone.Resolve("Mars/Olympus_Mons"));
        Assert.Equal("TimeZone", error.ParamName);
        Assert.Contains("-TimeZone 'Mars/Olympus_Mons'", error.Message, StringComparison.Ordinal);
        Assert.Same(TimeZoneInfo.Utc, ReportTimeZone.Resolve("UTC"));
        Assert.Same(TimeZoneInfo.Local, ReportTimeZone.Resolve(null));
        Assert.Equal(TimeSpan.FromHours(-5), ReportTimeZone.Resolve("America/New_York").GetUtcOffset(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    /// <summary>A message attachment's file and its sidecar, as the content engine writes them.</summary>
    private string MessageFile(string relative, string messageId, string attachmentId, string attachmentType, string? callLogId, string contentType, string? text = null)
    {
        var path = Touch(relative);
        if (text is not null)
        {
            File.WriteAllText(path, text);
        }

        new ContentSidecar
        {
            Kind = ContentKinds.MessageAttachment,
            MessageId = messageId,
            AttachmentId = attachmentId,
            AttachmentType = attachmentType,
            Call = new ContentNameValues { MessageId = messageId, AttachmentId = attachmentId, AttachmentType = attachmentType, CallLogId = callLogId },
            ContentType = contentType,
            Bytes = new FileInfo(path).Length,
            Sha256 = new string('0', 64),
        }.Write(ContentSidecar.PathFor(path));
        return path;
    }

    private string Touch(string relative)
    {
        var path = Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[] { 1, 2, 3 });
        return path;
    }
}
