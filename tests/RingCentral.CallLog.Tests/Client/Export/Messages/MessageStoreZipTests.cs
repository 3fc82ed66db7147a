using System.IO.Compression;
using System.Text;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Export.Messages;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Export.Messages;

/// <summary>
/// Export-RcMessageStore's zip reader and layout: a cut zip is refused as a whole, zip-slip names and
/// links are refused, unknown names are left out, and what is unpacked is laid out with
/// Save-RcMessage's names and sidecars, so the engine's verifier checks it like any saved message.
/// </summary>
public sealed class MessageStoreZipTests : IDisposable
{
    private const string ListName = "account/37439510/extension/62264425/message-store.json";
    private const string AudioName = "account/37439510/extension/62264425/message-store/content/1203000004/1203000005.mp3";
    private const string TextName = "account/37439510/extension/62264425/message-store/content/1203000004/1203000006.txt";
    private const string FaxName = "account/37439510/extension/62264425/message-store/content/1203000010/1203000011.pdf";

    private static readonly byte[] s_audio = Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7)).ToArray();
    private static readonly byte[] s_text = Encoding.UTF8.GetBytes("Hi, this is Erin, please call me back.");
    private static readonly byte[] s_fax = Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('x', 3000) + "\n%%EOF\n");

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "rc-mse-" + Guid.NewGuid().ToString("N"));

    public MessageStoreZipTests()
    {
        Directory.CreateDirectory(_dir);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string MessageList() => """
        {"records":[
          {"id":1203000004,"uri":"https://platform.example/restapi/v1.0/account/37439510/extension/62264425/message-store/1203000004",
           "type":"VoiceMail","direction":"Inbound","creationTime":"2026-11-02T09:30:00.000Z","availability":"Alive",
           "from":{"phoneNumber":"+13035550100","name":"Erin Müller"},"to":[{"phoneNumber":"+16505550111","name":"Sales"}],
           "attachments":[
             {"id":1203000005,"uri":"https://media.example/x/1203000005","type":"AudioRecording","contentType":"audio/mpeg","vmDuration":12},
             {"id":1203000006,"uri":"https://media.example/x/1203000006","type":"AudioTranscription","contentType":"text/plain"}]},
          {"id":1203000010,"uri":"https://platform.example/restapi/v1.0/account/37439510/extension/62264425/message-store/1203000010",
           "type":"Fax","direction":"Inbound","creationTime":"2026-11-02T10:00:00.000Z","availability":"Alive",
           "from":{"phoneNumber":"+13035550199"},"to":[{"phoneNumber":"+16505550111"}],
           "attachments":[{"id":1203000011,"uri":"https://media.example/x/1203000011","type":"RenderedDocument","contentType":"application/pdf"}]}
        ]}
        """;

    private string Zip(string name, params (string Name, byte[] Data)[] entries) => Zip(name, entries.Select(e => (e.Name, e.Data, 0)).ToArray());

    private string Zip(string name, (string Name, byte[] Data, int UnixMode)[] entries)
    {
        var path = Path.Combine(_dir, name);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var (entryName, data, mode) in entries)
            {
                var entry = zip.CreateEntry(entryName, CompressionLevel.Optimal);
                if (mode != 0)
                {
                    entry.ExternalAttributes = mode << 16;
                }

                using var s = entry.Open();
                s.Write(data);
            }
        }

        return path;
    }

    private string Archive => Path.Combine(_dir, "archive");

    private MessageStoreLayout Layout() => new(Archive, "20261102T000000Z-20261103T000000Z", "9.9.9", "https://platform.example");

    private const string ContentUri = "https://platform.example/restapi/v1.0/account/~/message-store-report/t/archive/1";

    /// <summary>Unpacks zips as the export does: lists first, then attachments; one row per attachment.</summary>
    private static List<MessageDownload> Unpack(MessageStoreLayout layout, params string[] zips)
    {
        var rows = new List<MessageDownload>();
        foreach (var path in zips)
        {
            using var zip = MessageStoreZip.Open(path, Path.GetFileName(path));
            var entries = MessageStoreZip.Entries(zip);
            foreach (var e in entries.Where(e => e.Kind == MessageStoreZipEntryKind.MessageList))
            {
                layout.AddMessageList(e, path);
            }

            rows.AddRange(entries.Where(e => e.Kind == MessageStoreZipEntryKind.Attachment).Select(e => layout.AddAttachmentAsync(e, path, ContentUri).GetAwaiter().GetResult()));
        }

        return rows;
    }

    [Fact]
    public void A_cut_zip_is_refused_as_a_whole_and_nothing_of_it_is_unpacked()
    {
        var whole = Zip("whole.zip", (AudioName, s_audio), (TextName, s_text));
        var bytes = File.ReadAllBytes(whole);
        foreach (var keep in new[] { bytes.Length - 10, bytes.Length / 2, 100 })
        {
            var cut = Path.Combine(_dir, $"cut-{keep}.zip");
            File.WriteAllBytes(cut, bytes.Take(keep).ToArray());
            var ex = Assert.Throws<MessageStoreArchiveException>(() => Unpack(Layout(), cut));
            Assert.Contains("not a complete zip", ex.Message);
        }

        Assert.False(Directory.Exists(Archive) && Directory.EnumerateFileSystemEntries(Archive).Any(), "a cut zip left files");
    }

    [Theory]
    [InlineData("../../evil.mp3")]
    [InlineData("account/37439510/extension/62264425/message-store/content/1203000004/../../../../../../evil.mp3")]
    [InlineData("/etc/evil.mp3")]
    [InlineData("/account/37439510/extension/62264425/message-store/content/1203000004/1203000005.mp3")]
    [InlineData("C:/evil.mp3")]
    [InlineData("account\\37439510\\evil.mp3")]
    [InlineData("account/./evil.mp3")]
    public void A_zip_slip_name_is_refused_and_writes_nothing_anywhere(string name)
    {
        var path = Zip("slip.zip", (name, s_audio));
        using var zip = MessageStoreZip.Open(path, "slip.zip");
        var entry = Assert.Single(MessageStoreZip.Entries(zip));
        Assert.Equal(MessageStoreZipEntryKind.Refused, entry.Kind);
        Assert.NotNull(entry.Reason);
        Assert.Empty(Unpack(Layout(), path));
        Assert.Empty(Directory.GetFiles(_dir, "evil*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_symbolic_link_entry_is_refused_even_under_a_good_name()
    {
        var path = Zip("link.zip", new[] { (AudioName, Encoding.ASCII.GetBytes("/etc/passwd"), 0xA1FF) });
        using var zip = MessageStoreZip.Open(path, "link.zip");
        var entry = Assert.Single(MessageStoreZip.Entries(zip));
        Assert.Equal(MessageStoreZipEntryKind.Refused, entry.Kind);
        Assert.Contains("link", entry.Reason);
    }

    [Theory]
    [InlineData("readme.txt")]
    [InlineData("account/37439510/extension/62264425/other.json")]
    [InlineData("account/37439510/extension/62264425/message-store/content/1203000004/sub/1203000005.mp3")]
    [InlineData("account/37439510/extension/62264425/message-store/content/1203 000004/1203000005.mp3")]
    public void A_name_outside_the_layout_is_unknown_and_left_out(string name)
    {
        var path = Zip("unknown.zip", (name, s_text));
        using var zip = MessageStoreZip.Open(path, "unknown.zip");
        Assert.Equal(MessageStoreZipEntryKind.Unknown, Assert.Single(MessageStoreZip.Entries(zip)).Kind);
        Assert.Empty(Unpack(Layout(), path));
        Assert.False(Directory.Exists(Archive) && Directory.EnumerateFiles(Archive).Any());
    }

    [Fact]
    public void Unpacked_files_have_Save_RcMessage_names_and_sidecars_and_the_engine_verifier_passes_every_one()
    {
        var lists = Zip("a0.zip", (ListName, Encoding.UTF8.GetBytes(MessageList())));
        var content = Zip("a1.zip", (AudioName, s_audio), (TextName, s_text), (FaxName, s_fax));

        var rows = Unpack(Layout(), lists, content);

        Assert.Equal(new[] { "Downloaded", "Downloaded", "Downloaded" }, rows.Select(r => r.Status));
        var audio = rows.Single(r => r.AttachmentId == "1203000005");
        Assert.Equal("20261102-093000_Inbound_1203000004_1203000005.mp3", Path.GetFileName(audio.Path));
        Assert.Equal("AudioRecording", audio.AttachmentType);
        Assert.Equal("audio/mpeg", audio.ContentType);
        Assert.Equal(s_audio.Length, audio.Bytes);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(s_audio)).ToLowerInvariant(), audio.Sha256);
        Assert.Equal(audio.Path + ".json", audio.SidecarPath);
        Assert.Equal("20261102-100000_Inbound_1203000010_1203000011.pdf", Path.GetFileName(rows.Single(r => r.AttachmentId == "1203000011").Path));

        var sidecar = ContentSidecar.TryRead(audio.SidecarPath!)!;
        Assert.Equal(ContentKinds.MessageAttachment, sidecar.Kind);
        Assert.Equal("1203000004", sidecar.MessageId);
        Assert.Equal("Erin Müller", sidecar.Call!.FromName);
        Assert.Equal("62264425", sidecar.Call.ExtensionId);

        var checks = ContentArchiveVerifier.CheckFolder(Archive, recurse: true, MessageAttachmentItem.FileNaming).ToList();
        Assert.Equal(3, checks.Count);
        Assert.All(checks, c => Assert.Equal(ContentArchiveVerifier.Ok, c.Status));
        Assert.Equal(rows.Select(r => r.Path).OrderBy(p => p, StringComparer.Ordinal), checks.Select(c => c.Path));

        // The kept message list is no recording and no attachment: neither kind's check lists it.
        Assert.Single(Directory.GetFiles(Archive, "message-store_62264425_*.json"));
        Assert.Empty(ContentArchiveVerifier.CheckFolder(Archive, recurse: true, RingCentral.CallLog.Client.Export.Recordings.RecordingTarget.FileNaming));
        Assert.Empty(Directory.GetFiles(Archive, "*.partial*"));
    }

    [Fact]
    public void Once_the_disk_is_full_the_attachments_left_are_not_written_and_their_rows_say_the_disk_is_full()
    {
        var lists = Zip("a0.zip", (ListName, Encoding.UTF8.GetBytes(MessageList())));
        var content = Zip("a1.zip", (AudioName, s_audio), (TextName, s_text));
        var layout = Layout();
        layout.NoteDiskFull();

        var rows = Unpack(layout, lists, content);

        // One phrase in every full-disk error of the export, so a script (or its reader) finds them all.
        Assert.All(rows, r => Assert.Equal("Failed", r.Status));
        Assert.All(rows, r => Assert.Contains("the disk is full", r.Error, StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(Archive, "*.mp3"));
    }

    [Fact]
    public void A_rerun_skips_verified_files_and_replaces_a_damaged_one()
    {
        var lists = Zip("a0.zip", (ListName, Encoding.UTF8.GetBytes(MessageList())));
        var content = Zip("a1.zip", (AudioName, s_audio), (TextName, s_text));
        var first = Unpack(Layout(), lists, content);
        var text = first.Single(r => r.AttachmentId == "1203000006").Path!;
        File.WriteAllText(text, "tampered");
        var untouched = File.GetLastWriteTimeUtc(first.Single(r => r.AttachmentId == "1203000005").Path!);

        var second = Unpack(Layout(), lists, content);

        Assert.Equal("Skipped", second.Single(r => r.AttachmentId == "1203000005").Status);
        Assert.Equal(untouched, File.GetLastWriteTimeUtc(second.Single(r => r.AttachmentId == "1203000005").Path!));
        var again = second.Single(r => r.AttachmentId == "1203000006");
        Assert.Equal("Downloaded", again.Status);
        Assert.Equal(text, again.Path);
        Assert.Equal(s_text, File.ReadAllBytes(text));
        Assert.All(ContentArchiveVerifier.CheckFolder(Archive, recurse: true, MessageAttachmentItem.FileNaming), c => Assert.Equal(ContentArchiveVerifier.Ok, c.Status));
    }

    [Fact]
    public async Task An_attachment_another_run_is_saving_is_waited_for_and_its_live_partial_is_left_alone()
    {
        // Save-RcMessage into the same folder (or a second export) holds the attachment's claim while
        // it writes the .partial. Before the export took claims, it deleted that live .partial as a
        // killed run's leftover and wrote under the other run.
        var zip = Zip("a1.zip", (FaxName, s_fax));
        Directory.CreateDirectory(Archive);
        var basePath = Path.Combine(Archive, "1203000010_1203000011");
        var partial = basePath + ".pdf" + ContentDownload.PartialSuffix;
        var events = new WaitRecorder();
        Task<MessageDownload> unpacking;
        using (ContentClaim.TryAcquire(basePath) ?? throw new InvalidOperationException("claim not free"))
        {
            File.WriteAllBytes(partial, s_fax.Take(100).ToArray());
            unpacking = Task.Run(async () =>
            {
                using var archive = MessageStoreZip.Open(zip, "a1.zip");
                var entry = MessageStoreZip.Entries(archive).Single(e => e.Kind == MessageStoreZipEntryKind.Attachment);
                return await new MessageStoreLayout(Archive, "p", "9.9.9", null, events).AddAttachmentAsync(entry, "a1.zip", ContentUri);
            });

            // The export says it waits (the delay is a hang guard only), and meanwhile the other run's file is untouched.
            var first = await Task.WhenAny(events.Waited.Task, unpacking, Task.Delay(TimeSpan.FromSeconds(60)));
            Assert.False(unpacking.IsCompleted, "the export wrote the attachment while another run held its claim");
            Assert.Same(events.Waited.Task, first);
            Assert.Contains("another run is saving it", await events.Waited.Task);
            Assert.Equal(100, new FileInfo(partial).Length);
            Assert.False(File.Exists(basePath + ".pdf"));
        }

        // The other run died with its .partial (kill -9): once its claim is gone, the export writes the file whole.
        var row = await unpacking.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("Downloaded", row.Status);
        Assert.Equal(s_fax, File.ReadAllBytes(basePath + ".pdf"));
        Assert.False(File.Exists(partial));
    }

    private sealed class WaitRecorder : IRcEvents
    {
        public TaskCompletionSource<string> Waited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Verbose(string message) => Waited.TrySetResult(message);

        public void Debug(string message)
        {
        }

        public void Warning(string message)
        {
        }

        public void Waiting(string reason, TimeSpan duration)
        {
        }
    }

    [Fact]
    public void An_attachment_whose_message_is_not_listed_is_named_by_its_ids()
    {
        var rows = Unpack(Layout(), Zip("a1.zip", (FaxName, s_fax)));
        Assert.Equal("1203000010_1203000011.pdf", Path.GetFileName(Assert.Single(rows).Path));
        Assert.Equal("application/pdf", rows[0].ContentType);
    }

    [Fact]
    public void A_link_planted_at_a_final_name_is_not_written_through()
    {
        Directory.CreateDirectory(Archive);
        var outside = Path.Combine(_dir, "outside.txt");
        File.WriteAllText(outside, "keep");
        File.CreateSymbolicLink(Path.Combine(Archive, "1203000010_1203000011.pdf.partial"), outside);
        var row = Assert.Single(Unpack(Layout(), Zip("a1.zip", (FaxName, s_fax))));
        Assert.Equal("Failed", row.Status);
        Assert.Contains("link", row.Error);
        Assert.Equal("keep", File.ReadAllText(outside));
    }

    [Fact]
    public void An_export_zip_in_the_working_folder_is_not_taken_for_an_archived_file()
    {
        var work = Path.Combine(Archive, MessageStoreExport.WorkFolderName);
        Directory.CreateDirectory(work);
        File.WriteAllBytes(Path.Combine(work, "t_archive-1.zip"), s_audio);
        var partialState = new MessageStoreArchiveItem("t", 1).NewSidecar();
        partialState.Write(Path.Combine(work, "t_archive-2.zip.partial.json"));
        File.WriteAllBytes(Path.Combine(work, "t_archive-2.zip.partial"), s_audio);

        Assert.Empty(ContentArchiveVerifier.CheckFolder(Archive, recurse: true, MessageAttachmentItem.FileNaming));
        Assert.Equal(ContentKinds.MessageStoreArchive, ContentSidecar.TryRead(Path.Combine(work, "t_archive-2.zip.partial.json"))!.Kind);
    }
}
