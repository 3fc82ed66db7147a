using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Export.Recordings;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Json;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Export.Recordings;

public sealed class RecordingContentDownloadTests : IDisposable
{
    private static readonly Uri s_content = new("http://127.0.0.1:5001/restapi/v1.0/account/1/recording/77/content");
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "rec-dl-" + Guid.NewGuid().ToString("N"));
    private readonly byte[] _audio = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7 % 251)).ToArray();

    public RecordingContentDownloadTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string BasePath => Path.Combine(_dir, "rec77");

    private const string ETag = "\"v1\"";

    private static (TestConnection Api, FakeHandler Handler) Create(Func<HttpRequestMessage, int, HttpResponseMessage> answer, int maxRetries = 2, RcClientSettings? settings = null)
    {
        var handler = new FakeHandler(answer);
        settings ??= new RcClientSettings { MaxRetryCount = maxRetries, BackoffBase = TimeSpan.FromMilliseconds(1) };
        var core = new RcHttpCore(RcServer.Parse("http://127.0.0.1:5000"), settings, new FakeTokens(), handler);
        return (new TestConnection(core), handler);
    }

    private HttpResponseMessage Full(string contentType = "audio/mpeg")
    {
        var content = new ByteArrayContent(_audio);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        response.Headers.ETag = new EntityTagHeaderValue(ETag);
        return response;
    }

    /// <summary>A server that honours If-Range: the range only for the current ETag, else the whole content.</summary>
    private HttpResponseMessage Ranged(HttpRequestMessage request) =>
        RangeFrom(request) is long from && IfRange(request) == ETag ? Partial(from) : Full();

    private static string? IfRange(HttpRequestMessage request) =>
        request.Headers.TryGetValues("If-Range", out var values) ? values.Single() : null;

    /// <summary>A .partial of recording 77 as an earlier run leaves it: its bytes and its sidecar with the content's ETag.</summary>
    private void LeavePartial(byte[] bytes, string? etag = ETag, string recordingId = "77")
    {
        File.WriteAllBytes(BasePath + ".mp3.partial", bytes);
        new ContentSidecar { RecordingId = recordingId, ContentType = "audio/mpeg", ETag = etag }.Write(BasePath + ".mp3.partial.json");
    }

    private static string Sha(byte[] bytes) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant();

    private HttpResponseMessage Partial(long from)
    {
        var content = new ByteArrayContent(_audio[(int)from..]);
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
        content.Headers.ContentRange = new ContentRangeHeaderValue(from, _audio.Length - 1, _audio.Length);
        var response = new HttpResponseMessage(HttpStatusCode.PartialContent) { Content = content };
        response.Headers.ETag = new EntityTagHeaderValue(ETag);
        return response;
    }

    private HttpResponseMessage Truncated(long from, int send)
    {
        var content = new BrokenContent(_audio[(int)from..][..send], _audio.Length - from);
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
        if (from > 0)
        {
            content.Headers.ContentRange = new ContentRangeHeaderValue(from, _audio.Length - 1, _audio.Length);
        }

        var response = new HttpResponseMessage(from > 0 ? HttpStatusCode.PartialContent : HttpStatusCode.OK) { Content = content };
        response.Headers.ETag = new EntityTagHeaderValue(ETag);
        return response;
    }

    private async Task<DownloadedFile> Download(TestConnection api, Uri? uri = null, bool overwrite = false, bool sidecar = true)
    {
        using var download = new ContentDownload(api.Core, uri ?? s_content, BasePath, new RecordingTarget(new ContentNameValues { RecordingId = "77", CallLogId = "C77", Direction = "Inbound" }), new ContentDownloadOptions { Overwrite = overwrite, Sidecar = sidecar });
        return await download.RunAsync(NullEvents.Instance, CancellationToken.None);
    }

    /// <summary>The connection's core, and its recording API for the metadata tests (the content engine sends through the core itself).</summary>
    private sealed class TestConnection(RcHttpCore core)
    {
        public RcHttpCore Core { get; } = core;

        public Task<RecordingInfo> GetAsync(string recordingId, IRcEvents events, CancellationToken cancellationToken) => new RecordingApi(Core).GetAsync(recordingId, events, cancellationToken);
    }

    private static long? RangeFrom(HttpRequestMessage request) => request.Headers.Range?.Ranges.Single().From;

    [Fact]
    public async Task A_fresh_download_lands_under_the_final_name_with_the_extension_of_its_content_type()
    {
        var (api, handler) = Create((_, _) => Full("audio/x-wav"));
        var file = await Download(api);
        Assert.Equal(BasePath + ".wav", file.Path);
        Assert.Equal(_audio, File.ReadAllBytes(file.Path));
        Assert.Equal(_audio.Length, file.Bytes);
        Assert.Equal("audio/x-wav", file.ContentType);
        Assert.Null(RangeFrom(handler.Requests.Single()));
        Assert.Equal("Bearer", handler.Requests.Single().Headers.Authorization!.Scheme);
        Assert.Empty(Directory.GetFiles(_dir, "*.partial"));
    }

    [Fact]
    public async Task A_leftover_partial_is_resumed_with_Range_and_appended()
    {
        LeavePartial(_audio[..1000]);
        var (api, handler) = Create((r, _) => Ranged(r));
        var file = await Download(api);
        Assert.Equal(1000, RangeFrom(handler.Requests.Single()));
        Assert.Equal(ETag, IfRange(handler.Requests.Single()));
        Assert.Equal(_audio, File.ReadAllBytes(file.Path));
        Assert.Equal(Sha(_audio), file.Sha256);
        Assert.False(File.Exists(BasePath + ".mp3.partial"));
        Assert.False(File.Exists(BasePath + ".mp3.partial.json"));
    }

    [Fact]
    public async Task A_server_that_ignores_Range_restarts_the_partial_from_zero()
    {
        LeavePartial(new byte[5000]);
        var (api, _) = Create((_, _) => Full());
        var file = await Download(api);
        Assert.Equal(_audio, File.ReadAllBytes(file.Path));
    }

    [Fact]
    public async Task A_416_restarts_without_Range()
    {
        LeavePartial(new byte[_audio.Length + 10]);
        var (api, handler) = Create((r, _) => RangeFrom(r) is not null
            ? new HttpResponseMessage(HttpStatusCode.RequestedRangeNotSatisfiable) { Content = new StringContent("""{"errorCode":"CMN-107"}""") }
            : Full());
        var file = await Download(api);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Null(RangeFrom(handler.Requests[1]));
        Assert.Equal(_audio, File.ReadAllBytes(file.Path));
    }

    [Fact]
    public async Task A_broken_connection_is_retried_from_where_it_broke()
    {
        var (api, handler) = Create((r, i) => i == 0 ? Truncated(0, 100_000) : Partial(RangeFrom(r) ?? 0));
        var file = await Download(api);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(100_000, RangeFrom(handler.Requests[1]));
        Assert.Equal(_audio, File.ReadAllBytes(file.Path));
    }

    [Fact]
    public async Task A_download_that_stays_short_fails_as_ResponseInvalid_and_leaves_no_final_file()
    {
        var (api, _) = Create((r, _) => Truncated(RangeFrom(r) ?? 0, 10_000), maxRetries: 1);
        var ex = await Assert.ThrowsAsync<RcApiException>(() => Download(api));
        Assert.Equal(RcErrorKind.ResponseInvalid, ex.Kind);
        Assert.Contains("expected", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir, "rec77.mp3"));
        Assert.Equal(20_000, new FileInfo(BasePath + ".mp3.partial").Length);
    }

    [Fact]
    public async Task A_body_that_ends_cleanly_but_short_is_ResponseInvalid()
    {
        var (api, _) = Create((_, _) =>
        {
            var r = Full();
            r.Content = new ByteArrayContent(_audio[..10]);
            r.Content.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
            r.Content.Headers.ContentRange = new ContentRangeHeaderValue(0, 9, _audio.Length);
            r.StatusCode = HttpStatusCode.PartialContent;
            return r;
        });
        var ex = await Assert.ThrowsAsync<RcApiException>(() => Download(api));
        Assert.Equal(RcErrorKind.ResponseInvalid, ex.Kind);
        Assert.Contains($"expected {_audio.Length} bytes, got 10", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(BasePath + ".mp3"));
    }

    [Fact]
    public async Task A_content_uri_on_another_host_gets_no_request_at_all()
    {
        var (api, handler) = Create((_, _) => Full());
        var ex = await Assert.ThrowsAsync<RcApiException>(() => Download(api, new Uri("http://127.0.0.2:5001/restapi/v1.0/account/1/recording/77/content")));
        Assert.Equal(RcErrorKind.UntrustedHost, ex.Kind);
        Assert.Empty(handler.Requests);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task Force_replaces_an_existing_final_file()
    {
        File.WriteAllBytes(BasePath + ".mp3", new byte[3]);
        var (api, _) = Create((_, _) => Full());
        var file = await Download(api, overwrite: true);
        Assert.Equal(_audio, File.ReadAllBytes(file.Path));
    }

    [Fact]
    public void The_recording_metadata_fixture_parses_to_RecordingInfo()
    {
        var (status, _, body) = Fixtures.ReadHttp("recording-metadata-2016-audio-x-wav.http");
        Assert.Equal(200, status);
        var info = ModelMapper.ToRecording(JsonSerializer.Deserialize(body, WireJsonContext.Default.RecordingDto)!);
        Assert.Equal("401786818008", info.Id);
        Assert.Equal("audio/x-wav", info.ContentType);
        Assert.Equal(30, info.Duration);
        Assert.EndsWith("/recording/401786818008/content", info.ContentUri, StringComparison.Ordinal);
        Assert.Equal(".wav", ContentFileNamer.ExtensionFor(info.ContentType));
    }

    [Fact]
    public async Task Metadata_is_fetched_from_the_account_recording_path()
    {
        var (_, _, body) = Fixtures.ReadHttp("recording-metadata-2016-audio-x-wav.http");
        var (api, handler) = Create((_, _) => Fixtures.Json(body));
        var info = await api.GetAsync("401786818008", NullEvents.Instance, CancellationToken.None);
        Assert.Equal("/restapi/v1.0/account/~/recording/401786818008", handler.Requests.Single().RequestUri!.AbsolutePath);
        Assert.Equal("audio/x-wav", info.ContentType);
    }

    [Fact]
    public async Task A_missing_recording_is_NotFound()
    {
        var (api, _) = Create((_, _) => Fixtures.Json("""{"errorCode":"CMN-102","message":"Resource for parameter [recordingId] is not found"}""", HttpStatusCode.NotFound));
        var ex = await Assert.ThrowsAsync<RcApiException>(() => api.GetAsync("1", NullEvents.Instance, CancellationToken.None));
        Assert.Equal(RcErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task The_SHA256_is_of_the_bytes_received_and_the_sidecar_records_call_content_and_origin()
    {
        var (api, _) = Create((_, _) => Full());
        var file = await Download(api);
        Assert.Equal(Sha(_audio), file.Sha256);
        Assert.Equal(BasePath + ".mp3.json", file.SidecarPath);
        var sidecar = ContentSidecar.TryRead(file.SidecarPath!)!;
        Assert.Equal("77", sidecar.RecordingId);
        Assert.Equal("C77", sidecar.Call!.CallLogId);
        Assert.Equal("Inbound", sidecar.Call.Direction);
        Assert.Equal(_audio.Length, sidecar.Bytes);
        Assert.Equal(Sha(_audio), sidecar.Sha256);
        Assert.Equal("audio/mpeg", sidecar.ContentType);
        Assert.Equal(ETag, sidecar.ETag);
        Assert.Equal("http://127.0.0.1:5000", sidecar.Server);
        Assert.Equal(s_content.GetLeftPart(UriPartial.Path), sidecar.ContentUri);
        Assert.NotNull(sidecar.ModuleVersion);
        Assert.True(DateTimeOffset.UtcNow - sidecar.DownloadedAt!.Value < TimeSpan.FromMinutes(5));
        Assert.Equal(new[] { "rec77.mp3", "rec77.mp3.json" }, Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_a_sidecar_only_the_recording_is_left()
    {
        var (api, _) = Create((_, _) => Full());
        var file = await Download(api, sidecar: false);
        Assert.Null(file.SidecarPath);
        Assert.Equal(Sha(_audio), file.Sha256);
        Assert.Equal(new[] { "rec77.mp3" }, Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_partial_of_another_version_of_the_content_restarts_at_zero_because_IfRange_does_not_match()
    {
        LeavePartial(Enumerable.Repeat((byte)0xEE, 50_000).ToArray(), etag: "\"v0\"");
        var (api, handler) = Create((r, _) => Ranged(r));
        var file = await Download(api);
        Assert.Equal("\"v0\"", IfRange(handler.Requests.Single()));
        Assert.Equal(_audio, File.ReadAllBytes(file.Path));
        Assert.Equal(Sha(_audio), file.Sha256);
    }

    [Fact]
    public async Task A_partial_without_a_validator_is_never_appended_to()
    {
        File.WriteAllBytes(BasePath + ".mp3.partial", _audio[..1000]);
        var (api, handler) = Create((r, _) => Ranged(r));
        var file = await Download(api);
        Assert.Null(RangeFrom(handler.Requests.Single()));
        Assert.Equal(_audio, File.ReadAllBytes(file.Path));
    }

    [Fact]
    public async Task A_416_to_a_complete_partial_keeps_its_extension_and_content_type()
    {
        LeavePartial(_audio);
        var (api, handler) = Create((_, _) =>
        {
            var refused = Fixtures.Json("""{"errorCode":"CMN-107","message":"Requested Range Not Satisfiable"}""", (HttpStatusCode)416);
            refused.Content.Headers.ContentRange = ContentRangeHeaderValue.Parse($"bytes */{_audio.Length}");
            return refused;
        });
        var file = await Download(api);
        Assert.Single(handler.Requests);
        Assert.Equal(BasePath + ".mp3", file.Path);
        Assert.Equal("audio/mpeg", file.ContentType);
        Assert.Equal(Sha(_audio), file.Sha256);
        Assert.Equal("audio/mpeg", ContentSidecar.TryRead(file.SidecarPath!)!.ContentType);
        Assert.Empty(Directory.GetFiles(_dir, "*.bin*"));
    }

    [Fact]
    public async Task A_slow_body_that_never_stalls_completes_though_it_outlasts_the_request_timeout()
    {
        var settings = new RcClientSettings { MaxRetryCount = 0, RequestTimeout = TimeSpan.FromMilliseconds(300), StallTimeout = TimeSpan.FromSeconds(2) };
        const int chunk = 30_000;
        var pause = TimeSpan.FromMilliseconds(100);
        // Every read of the trickled body waits its pause first and returns at most one chunk, and a
        // pause never ends early: the body lasts at least (length / chunk) pauses by construction.
        // Checked here, without a clock, so that the test keeps meaning something if its numbers change.
        Assert.True(pause * (_audio.Length / chunk) > settings.RequestTimeout * 2, "the body must outlast the request timeout for this test to mean anything");
        var (api, handler) = Create((_, _) => Trickle(chunk, pause, stallAfter: null), settings: settings);
        var file = await Download(api);
        Assert.Single(handler.Requests);
        Assert.Equal(_audio, File.ReadAllBytes(file.Path));
    }

    [Fact]
    public async Task A_stalled_body_fails_as_RequestTimeout_and_keeps_what_arrived_for_a_resume()
    {
        // 2 s, not less: the two 30 000-byte chunks before the stall must never read as a stall, even
        // when the parallel suites starve the thread pool (300 ms failed so on a loaded machine).
        var settings = new RcClientSettings { MaxRetryCount = 1, BackoffBase = TimeSpan.FromMilliseconds(1), StallTimeout = TimeSpan.FromSeconds(2) };
        var (api, handler) = Create((r, _) => Trickle(chunk: 30_000, pause: TimeSpan.Zero, stallAfter: 60_000, from: RangeFrom(r) ?? 0), settings: settings);
        var ex = await Assert.ThrowsAsync<RcApiException>(() => Download(api));
        Assert.Equal(RcErrorKind.RequestTimeout, ex.Kind);
        Assert.Contains("stalled", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(60_000, RangeFrom(handler.Requests[1]));
        Assert.False(File.Exists(BasePath + ".mp3"));
        Assert.Equal(_audio[..120_000], File.ReadAllBytes(BasePath + ".mp3.partial"));

        var (again, handler2) = Create((r, _) => Ranged(r));
        var file = await Download(again);
        Assert.Equal(120_000, RangeFrom(handler2.Requests.Single()));
        Assert.Equal(_audio, File.ReadAllBytes(file.Path));
        Assert.Equal(Sha(_audio), file.Sha256);
    }

    [Fact]
    public async Task An_empty_200_is_never_a_recording_and_leaves_no_file()
    {
        var (api, handler) = Create((_, _) =>
        {
            var r = Full();
            r.Content = new ByteArrayContent([]);
            r.Content.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
            return r;
        });
        var ex = await Assert.ThrowsAsync<RcApiException>(() => Download(api));
        Assert.Equal(RcErrorKind.ResponseInvalid, ex.Kind);
        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task A_body_without_length_cut_by_a_closed_connection_is_completed_by_a_Range_request_not_saved_short()
    {
        // No Content-Length, not chunked: the end of the body is only the connection closing, early or not.
        var (api, handler) = Create((r, i) => i == 0 ? WithoutLength(_audio[..120_000], ETag) : Ranged(r));
        var file = await Download(api);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(120_000, RangeFrom(handler.Requests[1]));
        Assert.Equal(ETag, IfRange(handler.Requests[1]));
        Assert.Equal(_audio, File.ReadAllBytes(file.Path));
        Assert.Equal(Sha(_audio), file.Sha256);
    }

    [Fact]
    public async Task A_whole_body_without_length_is_proven_complete_by_a_416_that_names_its_total()
    {
        var (api, handler) = Create((r, i) => i == 0 ? WithoutLength(_audio, ETag) : NotSatisfiable(RangeFrom(r)));
        var file = await Download(api);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(_audio.Length, RangeFrom(handler.Requests[1]));
        Assert.Equal(_audio, File.ReadAllBytes(file.Path));
        Assert.Equal(Sha(_audio), file.Sha256);
        Assert.Equal(Sha(_audio), ContentSidecar.TryRead(file.Path + ".json")!.Sha256);
    }

    [Fact]
    public async Task A_body_without_length_and_without_a_validator_fails_and_keeps_its_partial()
    {
        var (api, handler) = Create((_, _) => WithoutLength(_audio[..120_000], etag: null));
        var ex = await Assert.ThrowsAsync<RcApiException>(() => Download(api));
        Assert.Equal(RcErrorKind.ResponseInvalid, ex.Kind);
        Assert.Contains("without a Content-Length", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(BasePath + ".mp3"));
        Assert.Equal(120_000, new FileInfo(BasePath + ".mp3.partial").Length);
    }

    [Fact]
    public async Task A_WAV_whose_RIFF_size_disagrees_with_the_bytes_received_is_not_given_its_final_name()
    {
        // A consistent answer (Content-Length = bytes sent) of a file cut by the server: only the container tells.
        var wav = Wav(dataBytes: 100_000)[..60_000];
        var (api, _) = Create((_, _) =>
        {
            var content = new ByteArrayContent(wav);
            content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, Headers = { ETag = new EntityTagHeaderValue(ETag) } };
        });
        var ex = await Assert.ThrowsAsync<RcApiException>(() => Download(api));
        Assert.Equal(RcErrorKind.ResponseInvalid, ex.Kind);
        Assert.Contains("header says 100044 bytes, but 60000 arrived", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(BasePath + ".wav"));
        Assert.True(File.Exists(BasePath + ".wav.partial"));
    }

    [Fact]
    public async Task A_WAV_whose_RIFF_size_agrees_is_saved()
    {
        var wav = Wav(dataBytes: 100_000);
        var (api, _) = Create((_, _) =>
        {
            var content = new ByteArrayContent(wav);
            content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        var file = await Download(api);
        Assert.Equal(wav, File.ReadAllBytes(file.Path));
    }

    [Fact]
    public async Task A_partial_that_is_a_symbolic_link_is_never_written_through()
    {
        var victim = Path.Combine(Path.GetTempPath(), "rec-dl-victim-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(victim, "victim");
        try
        {
            File.CreateSymbolicLink(BasePath + ".mp3.partial", victim);
            var (api, handler) = Create((_, _) => Full());
            var ex = await Assert.ThrowsAsync<ContentFileException>(() => Download(api));
            Assert.Contains("symbolic link", ex.Message, StringComparison.Ordinal);
            Assert.Empty(handler.Requests);
            Assert.Equal("victim", File.ReadAllText(victim));
            Assert.False(File.Exists(BasePath + ".mp3"));
        }
        finally
        {
            File.Delete(victim);
        }
    }

    [Fact]
    public async Task Over_a_real_socket_a_body_without_length_cut_by_Connection_close_is_completed_not_saved_short()
    {
        // A stand-in server (the simulator's Kestrel always chunks a body of unknown length): the first
        // answer has no Content-Length, sends 120 000 of the 300 000 bytes and closes the connection cleanly.
        using var server = new NoLengthServer(_audio, cutAt: 120_000);
        var core = new RcHttpCore(RcServer.Parse("http://127.0.0.1:5000"), new RcClientSettings { MaxRetryCount = 0 }, new FakeTokens());
        var api = new TestConnection(core);
        var file = await Download(api, new Uri($"http://127.0.0.1:{server.Port}/restapi/v1.0/account/1/recording/77/content"));
        Assert.Equal(new[] { "(none)", "bytes=120000-" }, server.Ranges);
        Assert.Equal(_audio, File.ReadAllBytes(file.Path));
        Assert.Equal(Sha(_audio), file.Sha256);
    }

    /// <summary>HTTP/1.1 over a raw socket: a request without Range gets 200 without Content-Length, cut at <c>cutAt</c>, then the connection closes; a Range request gets 206 with its length.</summary>
    private sealed class NoLengthServer : IDisposable
    {
        private readonly System.Net.Sockets.TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly byte[] _content;
        private readonly int _cutAt;

        public NoLengthServer(byte[] content, int cutAt)
        {
            _content = content;
            _cutAt = cutAt;
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public List<string> Ranges { get; } = new();

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    using var stream = client.GetStream();
                    var head = new System.Text.StringBuilder();
                    var one = new byte[1];
                    while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one, _stop.Token) == 1)
                    {
                        head.Append((char)one[0]);
                    }

                    var rangeLine = head.ToString().Split("\r\n").FirstOrDefault(l => l.StartsWith("Range:", StringComparison.OrdinalIgnoreCase));
                    var range = rangeLine?.Substring(6).Trim();
                    Ranges.Add(range ?? "(none)");
                    byte[] answer;
                    if (range is null)
                    {
                        answer = [.. System.Text.Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\nETag: \"v1\"\r\nConnection: close\r\n\r\n"), .. _content[.._cutAt]];
                    }
                    else
                    {
                        var from = int.Parse(range["bytes=".Length..].TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture);
                        answer = [.. System.Text.Encoding.ASCII.GetBytes($"HTTP/1.1 206 Partial Content\r\nContent-Type: audio/mpeg\r\nETag: \"v1\"\r\nContent-Range: bytes {from}-{_content.Length - 1}/{_content.Length}\r\nContent-Length: {_content.Length - from}\r\nConnection: close\r\n\r\n"), .. _content[from..]];
                    }

                    await stream.WriteAsync(answer, _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                    client.Client.Shutdown(System.Net.Sockets.SocketShutdown.Send);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    /// <summary>A 200 whose length nothing states: no Content-Length (a stream that cannot seek), not chunked.</summary>
    private static HttpResponseMessage WithoutLength(byte[] body, string? etag)
    {
        var content = new StreamContent(new ChunkedReadStream(body, 16_384));
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        Assert.Null(response.Content.Headers.ContentLength);
        if (etag is not null)
        {
            response.Headers.ETag = new EntityTagHeaderValue(etag);
        }

        return response;
    }

    private HttpResponseMessage NotSatisfiable(long? from)
    {
        Assert.Equal(_audio.Length, from);
        var content = new ByteArrayContent([]);
        content.Headers.ContentRange = new ContentRangeHeaderValue(_audio.Length);
        return new HttpResponseMessage(HttpStatusCode.RequestedRangeNotSatisfiable) { Content = content };
    }

    /// <summary>A WAV file whose RIFF header counts <paramref name="dataBytes"/> bytes of samples.</summary>
    private static byte[] Wav(int dataBytes)
    {
        var wav = new byte[44 + dataBytes];
        "RIFF"u8.CopyTo(wav);
        BitConverter.TryWriteBytes(wav.AsSpan(4), 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        "data"u8.CopyTo(wav.AsSpan(36));
        BitConverter.TryWriteBytes(wav.AsSpan(40), dataBytes);
        for (var i = 44; i < wav.Length; i++)
        {
            wav[i] = (byte)(i % 97);
        }

        return wav;
    }

    /// <summary>The content from <paramref name="from"/>, <paramref name="chunk"/> bytes per read with a pause; silent for good after <paramref name="stallAfter"/> bytes.</summary>
    private HttpResponseMessage Trickle(int chunk, TimeSpan pause, int? stallAfter, long from = 0)
    {
        var content = new StreamContent(new TrickleStream(_audio[(int)from..], chunk, pause, stallAfter));
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
        content.Headers.ContentLength = _audio.Length - from;
        if (from > 0)
        {
            content.Headers.ContentRange = new ContentRangeHeaderValue(from, _audio.Length - 1, _audio.Length);
        }

        var response = new HttpResponseMessage(from > 0 ? HttpStatusCode.PartialContent : HttpStatusCode.OK) { Content = content };
        response.Headers.ETag = new EntityTagHeaderValue(ETag);
        return response;
    }

    private sealed class TrickleStream(byte[] data, int chunk, TimeSpan pause, int? stallAfter) : MemoryStream(data)
    {
        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            await ReadAsync(buffer.AsMemory(offset, count), cancellationToken);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (stallAfter is int limit && Position >= limit)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            await Task.Delay(pause, cancellationToken);
            return await base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
        }
    }

    /// <summary>Announces the full length, delivers part of it, then breaks like a cut connection.</summary>
    private sealed class BrokenContent : HttpContent
    {
        private readonly byte[] _sent;

        public BrokenContent(byte[] sent, long announced)
        {
            _sent = sent;
            Headers.ContentLength = announced;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => throw new IOException("connection reset");

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new BrokenStream(_sent));

        protected override bool TryComputeLength(out long length)
        {
            length = Headers.ContentLength ?? 0;
            return true;
        }
    }

    private sealed class BrokenStream(byte[] data) : MemoryStream(data)
    {
        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var n = await base.ReadAsync(buffer.AsMemory(offset, count), cancellationToken);
            return n == 0 ? throw new IOException("The response ended prematurely.") : n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await base.ReadAsync(buffer, cancellationToken);
            return n == 0 ? throw new IOException("The response ended prematurely.") : n;
        }
    }
}
