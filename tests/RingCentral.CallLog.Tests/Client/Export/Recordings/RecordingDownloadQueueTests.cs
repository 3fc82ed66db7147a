using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Export.Recordings;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Export.Recordings;

/// <summary>What happens between a recording's plan and its download when another run works in the same folder.</summary>
public sealed class RecordingDownloadQueueTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "rec-queue-" + Guid.NewGuid().ToString("N"));
    private readonly byte[] _audio = Enumerable.Range(0, 50_000).Select(i => (byte)(i % 251)).ToArray();

    public RecordingDownloadQueueTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (ContentDownloadQueue Queue, FakeHandler Handler) Create(bool overwrite = false)
    {
        var handler = new FakeHandler((_, _) =>
        {
            var content = new ByteArrayContent(_audio);
            content.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        var core = new RcHttpCore(RcServer.Parse("http://127.0.0.1:5000"), new RcClientSettings { MaxRetryCount = 0 }, new FakeTokens(), handler);
        var options = new ContentDownloadOptions { Overwrite = overwrite, Sidecar = true, ThrottleLimit = 1 };
        return (new ContentDownloadQueue(core, new RecordingContentSource(new RecordingApi(core)), new ContentFileNamer(_dir, "{SessionId}", RecordingTarget.FileNaming), options, NullEvents.Instance, null, CancellationToken.None), handler);
    }

    private static RecordingTarget Target(string recordingId) => new(new ContentNameValues { RecordingId = recordingId, SessionId = "S1", FromCallLogRecord = true })
    {
        ContentUri = $"http://127.0.0.1:5000/restapi/v1.0/account/1/recording/{recordingId}/content",
    };

    private static async Task<(ContentOutcome Row, Exception? Error)> RunAsync(ContentDownloadQueue queue, ContentPlan plan)
    {
        var done = new TaskCompletionSource<(ContentOutcome, Exception?)>();
        queue.Start(plan, (row, error) => done.SetResult((row, error)));
        return await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_file_another_run_completed_after_the_plan_is_Skipped_without_a_request()
    {
        var (queue, handler) = Create();
        using var _ = queue;
        var plan = queue.Plan(Target("77"));
        Assert.Equal(ContentPlanKind.Download, plan.Kind);

        // The other run finishes this recording between our plan and our download.
        File.WriteAllBytes(Path.Combine(_dir, "S1.mp3"), _audio);
        new ContentSidecar { RecordingId = "77", ContentType = "audio/mpeg", Sha256 = "ab" }.Write(Path.Combine(_dir, "S1.mp3.json"));

        var (row, error) = await RunAsync(queue, plan);
        Assert.Null(error);
        Assert.Equal("Skipped", row.Status);
        Assert.Empty(handler.Requests);
        Assert.Equal(1, queue.Skipped);
        Assert.Equal(0, queue.Downloaded);
    }

    [Fact]
    public async Task Another_recording_saved_under_the_planned_name_meanwhile_is_never_replaced_even_with_Force()
    {
        var (queue, handler) = Create(overwrite: true);
        using var _ = queue;
        var plan = queue.Plan(Target("77"));

        // Another run, with another recording of the same session, took the name in between.
        File.WriteAllBytes(Path.Combine(_dir, "S1.mp3"), [1, 2, 3]);
        new ContentSidecar { RecordingId = "88", ContentType = "audio/mpeg", Sha256 = "ab" }.Write(Path.Combine(_dir, "S1.mp3.json"));

        var (row, error) = await RunAsync(queue, plan);
        Assert.IsType<ContentFileException>(error);
        Assert.Equal("Failed", row.Status);
        Assert.Contains("belongs to another recording", row.Error, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Combine(_dir, "S1.mp3")));
    }
}
