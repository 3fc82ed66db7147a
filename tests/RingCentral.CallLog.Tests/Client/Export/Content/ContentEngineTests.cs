using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Export.Messages;
using RingCentral.CallLog.Client.Export.Recordings;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Export.Content;

/// <summary>
/// The content engine's guarantees, each tried through both adapters: a call recording and a
/// message attachment (a voicemail's audio) go through the same queue, download, sidecar, claim,
/// link guard and verifier, and each keeps its own identity.
/// </summary>
public sealed class ContentEngineTests : IDisposable
{
    private const string ETag = "\"v1\"";
    private readonly string _dir = Directory.CreateTempSubdirectory("content-engine-").FullName;
    private readonly byte[] _audio = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 13 % 251)).ToArray();

    public static TheoryData<string> Kinds => new() { ContentKinds.Recording, ContentKinds.MessageAttachment };

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly DateTimeOffset s_start = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The item of a kind, as its input (a call log record; a message read from the store) describes it.</summary>
    private static ContentItem Item(string kind) => kind == ContentKinds.Recording
        ? new RecordingTarget(new ContentNameValues { RecordingId = "77", CallLogId = "C77", StartTime = s_start, Direction = "Inbound", FromPhoneNumber = "+13035550142", ExtensionId = "400", FromCallLogRecord = true })
        {
            ContentUri = "http://127.0.0.1:5000/restapi/v1.0/account/1/recording/77/content",
        }
        : new MessageAttachmentItem(new ContentNameValues { MessageId = "5001", AttachmentId = "6001", AttachmentType = "AudioRecording", MessageType = "VoiceMail", CallLogId = "C77", StartTime = s_start, Direction = "Inbound", FromPhoneNumber = "+13035550142", ExtensionId = "400", FromCallLogRecord = true })
        {
            ContentUri = "http://127.0.0.1:5000/restapi/v1.0/account/1/extension/400/message-store/5001/content/6001",
            ContentType = "audio/mpeg",
        };

    /// <summary>The file name (without extension) each kind's default template gives the item.</summary>
    private static string DefaultName(string kind) => kind == ContentKinds.Recording ? "20261102-093000_Inbound_77" : "20261102-093000_Inbound_5001_6001";

    private static RcHttpCore Core(FakeHandler handler, int maxRetries = 2) =>
        new(RcServer.Parse("http://127.0.0.1:5000"), new RcClientSettings { MaxRetryCount = maxRetries, BackoffBase = TimeSpan.FromMilliseconds(1) }, new FakeTokens(), handler);

    private static IContentSource Source(string kind, RcHttpCore core) =>
        kind == ContentKinds.Recording ? new RecordingContentSource(new RecordingApi(core)) : new MessageAttachmentSource();

    private ContentDownloadQueue Queue(string kind, RcHttpCore core, bool overwrite = false) =>
        new(core, Source(kind, core), new ContentFileNamer(_dir, null, Item(kind).Naming), new ContentDownloadOptions { Overwrite = overwrite, ThrottleLimit = 2 }, NullEvents.Instance, null, CancellationToken.None);

    private static async Task<(ContentOutcome Row, Exception? Error)> SaveAsync(ContentDownloadQueue queue, ContentItem item)
    {
        var plan = queue.Plan(item);
        if (plan.Kind != ContentPlanKind.Download)
        {
            return (plan.Row!, null);
        }

        var done = new TaskCompletionSource<(ContentOutcome, Exception?)>(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Start(plan, (row, error) => done.SetResult((row, error)));
        return await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private HttpResponseMessage Full()
    {
        var content = new ByteArrayContent(_audio);
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        response.Headers.ETag = new EntityTagHeaderValue(ETag);
        return response;
    }

    /// <summary>A server that honours If-Range: the range only for the current ETag, else the whole content.</summary>
    private HttpResponseMessage Ranged(HttpRequestMessage request)
    {
        if (RangeFrom(request) is not long from || IfRange(request) != ETag)
        {
            return Full();
        }

        var content = new ByteArrayContent(_audio[(int)from..]);
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
        content.Headers.ContentRange = new ContentRangeHeaderValue(from, _audio.Length - 1, _audio.Length);
        var response = new HttpResponseMessage(HttpStatusCode.PartialContent) { Content = content };
        response.Headers.ETag = new EntityTagHeaderValue(ETag);
        return response;
    }

    /// <summary>No Content-Length, not chunked: only the connection closing ends the body, early or not.</summary>
    private static HttpResponseMessage WithoutLength(byte[] body)
    {
        var content = new StreamContent(new ChunkedReadStream(body, 16_384));
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        response.Headers.ETag = new EntityTagHeaderValue(ETag);
        return response;
    }

    private static long? RangeFrom(HttpRequestMessage request) => request.Headers.Range?.Ranges.Single().From;

    private static string? IfRange(HttpRequestMessage request) => request.Headers.TryGetValues("If-Range", out var values) ? values.Single() : null;

    private static string Sha(byte[] bytes) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant();

    private string Final(string kind) => Path.Combine(_dir, DefaultName(kind) + ".mp3");

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_download_lands_under_its_kinds_default_name_hashed_with_a_sidecar_that_names_the_item_and_its_call(string kind)
    {
        var handler = new FakeHandler((_, _) => Full());
        using var queue = Queue(kind, Core(handler));
        var (row, error) = await SaveAsync(queue, Item(kind));

        Assert.Null(error);
        Assert.Equal("Downloaded", row.Status);
        Assert.Equal(Final(kind), row.Path);
        Assert.Equal(_audio, File.ReadAllBytes(row.Path!));
        Assert.Equal(Sha(_audio), row.Sha256);
        Assert.Equal(Item(kind).ContentUri, handler.Requests.Single().RequestUri!.ToString());

        using var doc = JsonDocument.Parse(File.ReadAllBytes(row.SidecarPath!));
        var json = doc.RootElement;
        Assert.Equal(kind, json.GetProperty("kind").GetString());
        Assert.Equal("C77", json.GetProperty("callLogId").GetString());
        Assert.Equal("400", json.GetProperty("extensionId").GetString());
        Assert.Equal("+13035550142", json.GetProperty("from").GetProperty("phoneNumber").GetString());
        Assert.Equal(Sha(_audio), json.GetProperty("sha256").GetString());
        Assert.Equal(_audio.Length, json.GetProperty("bytes").GetInt64());
        if (kind == ContentKinds.Recording)
        {
            Assert.Equal("77", json.GetProperty("recordingId").GetString());
            Assert.False(json.TryGetProperty("messageId", out _));
        }
        else
        {
            Assert.Equal("5001", json.GetProperty("messageId").GetString());
            Assert.Equal("6001", json.GetProperty("attachmentId").GetString());
            Assert.Equal("AudioRecording", json.GetProperty("attachmentType").GetString());
            Assert.Equal("VoiceMail", json.GetProperty("messageType").GetString());
            Assert.False(json.TryGetProperty("recordingId", out _));
        }

        Assert.Equal(Item(kind).Identity, ContentSidecar.TryRead(row.SidecarPath!)!.Identity);
        Assert.Empty(Directory.GetFiles(_dir, "*.partial*"));
        Assert.Empty(Directory.GetFiles(_dir, "*.lock"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_second_run_skips_the_complete_file_without_a_request(string kind)
    {
        var first = new FakeHandler((_, _) => Full());
        using (var queue = Queue(kind, Core(first)))
        {
            await SaveAsync(queue, Item(kind));
        }

        var second = new FakeHandler((_, _) => Full());
        using var again = Queue(kind, Core(second));
        var (row, _) = await SaveAsync(again, Item(kind));
        Assert.Equal("Skipped", row.Status);
        Assert.Equal(Sha(_audio), row.Sha256);
        Assert.Empty(second.Requests);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_partial_left_by_a_killed_run_is_resumed_with_Range_and_IfRange(string kind)
    {
        var item = Item(kind);
        File.WriteAllBytes(Final(kind) + ".partial", _audio[..50_000]);
        var state = item.NewSidecar();
        state.ETag = ETag;
        state.ContentType = "audio/mpeg";
        state.Write(Final(kind) + ".partial.json");

        var handler = new FakeHandler((r, _) => Ranged(r));
        using var queue = Queue(kind, Core(handler));
        var (row, error) = await SaveAsync(queue, item);

        Assert.Null(error);
        Assert.Equal(50_000, RangeFrom(handler.Requests.Single()));
        Assert.Equal(ETag, IfRange(handler.Requests.Single()));
        Assert.Equal(_audio, File.ReadAllBytes(row.Path!));
        Assert.Equal(Sha(_audio), row.Sha256);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_partial_whose_sidecar_names_the_other_kind_is_never_resumed_or_overwritten(string kind)
    {
        // Same ids in another kind's sidecar (recording 77 vs. message 5001 attachment 6001 are never the same item).
        var other = Item(kind == ContentKinds.Recording ? ContentKinds.MessageAttachment : ContentKinds.Recording);
        File.WriteAllBytes(Final(kind) + ".partial", _audio[..50_000]);
        var state = other.NewSidecar();
        state.ETag = ETag;
        state.Write(Final(kind) + ".partial.json");

        var slot = ContentSlot.Inspect(Path.Combine(_dir, DefaultName(kind)), Item(kind).Identity, Item(kind).Naming);
        Assert.Equal(ContentSlotState.Foreign, slot.State);

        var handler = new FakeHandler((r, _) => Ranged(r));
        using var queue = Queue(kind, Core(handler));
        var (row, _) = await SaveAsync(queue, Item(kind));
        Assert.Equal("Downloaded", row.Status);
        Assert.NotEqual(Final(kind), row.Path);
        Assert.Null(RangeFrom(handler.Requests.Single()));
        Assert.Equal(_audio[..50_000], File.ReadAllBytes(Final(kind) + ".partial"));
    }

    /// <summary>Another item of the same kind: recording 78; attachment 6002 of the same message 5001.</summary>
    private static ContentItem Sibling(string kind)
    {
        var item = Item(kind);
        return kind == ContentKinds.Recording
            ? new RecordingTarget(new ContentNameValues { RecordingId = "78" })
            : new MessageAttachmentItem(new ContentNameValues { MessageId = item.Identity.MessageId, AttachmentId = "6002", AttachmentType = "AudioTranscription" });
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_file_whose_sidecar_names_another_item_of_the_same_kind_is_never_skipped_or_replaced(string kind)
    {
        // The default name taken by a sibling (another run, another template): its sidecar says whose it is.
        File.WriteAllBytes(Final(kind), [1, 2, 3]);
        var theirs = Sibling(kind).NewSidecar();
        theirs.Bytes = 3;
        theirs.Sha256 = Sha([1, 2, 3]);
        theirs.Write(Final(kind) + ".json");

        var handler = new FakeHandler((_, _) => Full());
        using var queue = Queue(kind, Core(handler), overwrite: true);
        var (row, error) = await SaveAsync(queue, Item(kind));

        Assert.Null(error);
        Assert.Equal("Downloaded", row.Status);
        Assert.NotEqual(Final(kind), row.Path);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Final(kind)));
        Assert.Equal(Sibling(kind).Identity, ContentSidecar.TryRead(Final(kind) + ".json")!.Identity);
        Assert.Single(handler.Requests);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_empty_200_is_never_saved_and_leaves_no_file(string kind)
    {
        var handler = new FakeHandler((_, _) =>
        {
            var r = Full();
            r.Content = new ByteArrayContent([]);
            r.Content.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
            return r;
        });
        using var queue = Queue(kind, Core(handler));
        var (row, error) = await SaveAsync(queue, Item(kind));

        var api = Assert.IsType<RcApiException>(error);
        Assert.Equal(RcErrorKind.ResponseInvalid, api.Kind);
        Assert.Contains("empty body", api.Message, StringComparison.Ordinal);
        Assert.Equal("Failed", row.Status);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_body_without_length_cut_short_is_completed_by_a_Range_request_not_saved_short(string kind)
    {
        var handler = new FakeHandler((r, i) => i == 0 ? WithoutLength(_audio[..80_000]) : Ranged(r));
        using var queue = Queue(kind, Core(handler));
        var (row, error) = await SaveAsync(queue, Item(kind));

        Assert.Null(error);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(80_000, RangeFrom(handler.Requests[1]));
        Assert.Equal(_audio, File.ReadAllBytes(row.Path!));
        Assert.Equal(Sha(_audio), ContentSidecar.TryRead(row.SidecarPath!)!.Sha256);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_symbolic_link_planted_at_the_partial_is_refused_before_any_request(string kind)
    {
        var victim = Path.Combine(Path.GetTempPath(), "content-victim-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(victim, "victim");
        try
        {
            File.CreateSymbolicLink(Final(kind) + ".partial", victim);
            var handler = new FakeHandler((_, _) => Full());
            using var queue = Queue(kind, Core(handler));
            var (row, error) = await SaveAsync(queue, Item(kind));

            Assert.IsType<ContentFileException>(error);
            Assert.Contains("symbolic link", row.Error, StringComparison.Ordinal);
            Assert.Empty(handler.Requests);
            Assert.Equal("victim", File.ReadAllText(victim));
        }
        finally
        {
            File.Delete(victim);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task While_another_run_holds_the_claim_nothing_is_requested_and_its_finished_file_is_then_skipped(string kind)
    {
        var item = Item(kind);
        var basePath = Path.Combine(_dir, DefaultName(kind));
        var handler = new FakeHandler((_, _) => Full());
        using var queue = Queue(kind, Core(handler));
        var plan = queue.Plan(item);
        Assert.Equal(ContentPlanKind.Download, plan.Kind);

        var done = new TaskCompletionSource<(ContentOutcome, Exception?)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (ContentClaim.TryAcquire(basePath)!)
        {
            queue.Start(plan, (row, error) => done.SetResult((row, error)));
            await Task.Delay(600);
            Assert.False(done.Task.IsCompleted);
            Assert.Empty(handler.Requests);

            // The other run finishes the item, then lets go.
            File.WriteAllBytes(basePath + ".mp3", _audio);
            var sidecar = item.NewSidecar();
            sidecar.Bytes = _audio.Length;
            sidecar.Sha256 = Sha(_audio);
            sidecar.Write(basePath + ".mp3.json");
        }

        var (skipped, failure) = await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Null(failure);
        Assert.Equal("Skipped", skipped.Status);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_verifier_finds_the_file_Ok_then_Corrupt_after_a_flipped_byte_and_the_other_kind_does_not_list_it(string kind)
    {
        var handler = new FakeHandler((_, _) => Full());
        using (var queue = Queue(kind, Core(handler)))
        {
            await SaveAsync(queue, Item(kind));
        }

        var naming = Item(kind).Naming;
        var otherNaming = kind == ContentKinds.Recording ? MessageAttachmentItem.FileNaming : RecordingTarget.FileNaming;
        var ok = Assert.Single(ContentArchiveVerifier.CheckFolder(_dir, recurse: false, naming));
        Assert.Equal(ContentArchiveVerifier.Ok, ok.Status);
        Assert.Equal(Item(kind).Identity, ok.Identity);
        Assert.Equal("C77", ok.CallLogId);
        Assert.Empty(ContentArchiveVerifier.CheckFolder(_dir, recurse: false, otherNaming));

        var bytes = File.ReadAllBytes(Final(kind));
        bytes[1000] ^= 0xFF;
        File.WriteAllBytes(Final(kind), bytes);
        var corrupt = Assert.Single(ContentArchiveVerifier.CheckFolder(_dir, recurse: false, naming));
        Assert.Equal(ContentArchiveVerifier.Corrupt, corrupt.Status);
        Assert.Equal(Sha(_audio), corrupt.Sha256);
        Assert.Equal(Sha(bytes), corrupt.ActualSha256);

        // Checked as the other kind's item, the file is not that item's.
        var other = Item(kind == ContentKinds.Recording ? ContentKinds.MessageAttachment : ContentKinds.Recording).Identity;
        Assert.Equal(ContentArchiveVerifier.Corrupt, ContentArchiveVerifier.CheckFile(Final(kind), other, null, null, null, otherNaming).Status);
    }
}
