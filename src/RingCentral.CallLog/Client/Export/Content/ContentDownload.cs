using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>
/// The engine's download of one content item (a recording, a message attachment) to "&lt;final&gt;.partial" and renames it to the final name only once
/// the byte count matches what the server announced, so a final-named file is always complete.
/// SHA-256 is computed while the bytes stream; the sidecar ("&lt;final&gt;.json") is written, whole,
/// before the rename. A .partial carries a sidecar of its own (the item's identity and the content's
/// ETag / Last-Modified): it is resumed with Range and If-Range, so changed content restarts at
/// 0; a .partial without a validator restarts at 0 too. 416 to a resume means the .partial was
/// already complete (or no longer fits): it is completed under its own name, or restarted.
/// A body is complete only when its length is proven (Content-Length, chunked transfer, or a Range
/// request past its end), a WAV only when its RIFF header agrees, and never when it is empty. No file
/// is written through a link (<see cref="ContentFileGuard"/>); a full disk is a file error, never retried.
/// It sends its requests through <see cref="RcHttpCore"/> itself (pacing by the item's route, the
/// host rule, retries): no API class stands between the engine and the core.
/// The body is bounded by a stall timeout (no bytes for <see cref="RcClientSettings.StallTimeout"/>),
/// never by its total time. One instance per download: it keeps what the attempts share.
/// </summary>
internal sealed class ContentDownload : IDisposable
{
    public const string PartialSuffix = ".partial";

    /// <summary>The final path a .partial completes to.</summary>
    public static string FinalPathOf(string partial) => partial.Substring(0, partial.Length - PartialSuffix.Length);

    private const int BufferSize = 81920;
    private static readonly HashSet<int> s_accepted = new() { 206, 416 };

    private readonly RcHttpCore _core;
    private readonly Uri _contentUri;
    private readonly string _basePath;
    private readonly ContentItem _item;
    private readonly ContentDownloadOptions _options;

    private long _requestedFrom;
    private bool _withoutRange;
    private bool _proving;
    private bool _stalled;
    private string? _shortMessage;
    private IncrementalHash? _hash;
    private long _hashed;

    /// <param name="core">The connection's HTTP core (its pacer, host rule and stall timeout apply).</param>
    /// <param name="contentUri">The contentUri exactly as the server gave it.</param>
    /// <param name="basePath">Full path of the final file without its extension (the extension comes from the Content-Type).</param>
    /// <param name="item">The item: its identity, call, kind's naming and the content type from metadata (the response's Content-Type wins).</param>
    /// <param name="options">-Force, -NoSidecar and the progress callback.</param>
    public ContentDownload(RcHttpCore core, Uri contentUri, string basePath, ContentItem item, ContentDownloadOptions options)
    {
        _core = core;
        _contentUri = contentUri;
        _basePath = basePath;
        _item = item;
        _options = options;
    }

    private string Where => UrlText.Of(_contentUri);

    /// <summary>"recording", "message attachment": how messages name what is downloaded.</summary>
    private string Noun => _item.Naming.Noun;

    private IReadOnlyList<string> Extensions => _item.Naming.Extensions;

    public void Dispose() => _hash?.Dispose();

    public async Task<DownloadedFile> RunAsync(IRcEvents events, CancellationToken cancellationToken)
    {
        RefuseLinks(_basePath, Extensions);
        var refused = false;
        while (true)
        {
            var request = new RcRequest(HttpMethod.Get, _contentUri, _item.ContentRouteKey)
            {
                AcceptStatuses = s_accepted,
                Configure = SetRange,
                StreamsBody = true,
            };
            Outcome outcome;
            try
            {
                outcome = await _core.SendAsync(request, ReadAsync, events, cancellationToken).ConfigureAwait(false);
            }
            catch (RcApiException ex) when (ex.Kind is RcErrorKind.RequestTimeout && _stalled)
            {
                throw ex.Rephrase(RcErrorKind.RequestTimeout, $"The {Noun} download from {Where} stalled: no data for {_core.Settings.StallTimeout.TotalSeconds:0} s, after every retry. The part received is kept and resumed next time.");
            }
            catch (RcApiException ex) when (ex.Kind is RcErrorKind.ConnectionFailed or RcErrorKind.RequestTimeout && _shortMessage is not null)
            {
                // Every attempt broke off mid-body: report it as the short download it is; the .partial stays for the next run.
                throw new RcApiException(RcErrorKind.ResponseInvalid, $"The {Noun} download from {Where} ended early: {_shortMessage}. The part received is kept and resumed next time.", ex)
                {
                    Request = ex.Request,
                };
            }

            if (outcome.Unproven)
            {
                // The body ended without a length to check it by (no Content-Length, not chunked): a
                // connection closed early looks the same as a complete body. Ask for the bytes after it
                // (Range + If-Range): 416 with the total proves it whole, 206 brings what was missing.
                if (_proving || outcome.State?.ETag is null && outcome.State?.LastModified is null)
                {
                    throw new RcApiException(RcErrorKind.ResponseInvalid, $"The {Noun} download from {Where} ended after {outcome.Bytes} bytes without a Content-Length, and the server gave no way to prove it complete (no ETag or Last-Modified, or a second request without a length either). It is not saved under its final name; the part received is kept in '{Path.GetFileName(outcome.Partial)}'.");
                }

                events.Verbose($"{Where}: the body ended after {outcome.Bytes} bytes without a Content-Length; checking with a Range request that nothing is missing.");
                _proving = true;
                continue;
            }

            if (outcome.Partial is not null)
            {
                return Complete(outcome);
            }

            if (refused)
            {
                throw new RcApiException(RcErrorKind.ResponseInvalid, $"The server refused the range of {Where} twice (HTTP 416).");
            }

            // 416: the .partial does not fit the content any more; start over without Range.
            events.Verbose($"{Where}: the range was not satisfiable (HTTP 416); downloading from the start.");
            refused = true;
            _withoutRange = true;
        }
    }

    /// <summary>Every name this download may write, checked before the first request: none may be a link.</summary>
    private static void RefuseLinks(string basePath, IEnumerable<string> extensions)
    {
        foreach (var final in extensions.Select(e => basePath + e))
        {
            var partial = final + PartialSuffix;
            ContentFileGuard.RefuseLinks(
                final,
                ContentSidecar.PathFor(final),
                ContentSidecar.PathFor(final) + ".tmp",
                partial,
                ContentSidecar.PathFor(partial),
                ContentSidecar.PathFor(partial) + ".tmp");
        }
    }

    private string? ExistingPartial() =>
        _withoutRange ? null : Extensions.Select(e => _basePath + e + PartialSuffix).FirstOrDefault(File.Exists);

    private void SetRange(HttpRequestMessage message)
    {
        // Called on every attempt, so a retry after a broken connection resumes from what is on disk now.
        var partial = ExistingPartial();
        var state = partial is null ? null : ContentSidecar.TryRead(ContentSidecar.PathFor(partial));
        var validator = state?.ETag ?? state?.LastModified;
        _requestedFrom = partial is null || validator is null ? 0 : new FileInfo(partial).Length;
        message.Headers.Range = _requestedFrom > 0 ? new RangeHeaderValue(_requestedFrom, null) : null;
        message.Headers.Remove("If-Range");
        if (_requestedFrom > 0)
        {
            // Only bytes of the same version of the content may be appended; another version answers 200 (whole).
            message.Headers.TryAddWithoutValidation("If-Range", validator);
        }
    }

    private async Task<Outcome> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var existing = ExistingPartial();
        var range = response.Content.Headers.ContentRange;

        if (status == 416)
        {
            // The whole content may already be on disk (a run stopped just before the rename): it keeps
            // the name (and so the type) it was started with, not the 416 answer's application/json.
            if (existing is not null && range?.Length is long total && total == _requestedFrom && total > 0)
            {
                ContentFileGuard.RefuseLinks(existing);
                var state = ContentSidecar.TryRead(ContentSidecar.PathFor(existing));
                var contentType = state?.ContentType ?? MediaTypes.ContentTypeOf(existing) ?? _item.ContentType;
                await HashPrefixAsync(existing, total, cancellationToken).ConfigureAwait(false);
                return new Outcome(existing, FinalPathOf(existing), total, contentType, state);
            }

            return Outcome.RangeRefused;
        }

        var responseType = response.Content.Headers.ContentType?.MediaType ?? _item.ContentType;
        long offset;
        long? expectedTotal;
        string partial;
        ContentSidecar partialState;
        if (status == 206 && _requestedFrom > 0 && existing is not null)
        {
            if (range?.From != _requestedFrom)
            {
                throw new RcApiException(RcErrorKind.ResponseInvalid, $"Asked for bytes from {_requestedFrom} of {Where}, got range '{range}'.");
            }

            offset = _requestedFrom;
            expectedTotal = range.Length ?? (response.Content.Headers.ContentLength is long part ? offset + part : null);
            partial = existing;
            partialState = ContentSidecar.TryRead(ContentSidecar.PathFor(existing)) ?? NewState(response, responseType, expectedTotal);
            await HashPrefixAsync(partial, offset, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // 200 (nothing to resume, another version of the content, or a server that ignores Range): from byte 0.
            offset = 0;
            expectedTotal = status == 206 ? range?.Length : response.Content.Headers.ContentLength;
            partial = _basePath + _item.Naming.ExtensionFor(responseType) + PartialSuffix;
            if (existing is not null && !string.Equals(existing, partial, StringComparison.Ordinal))
            {
                ContentFileGuard.DeleteQuietly(existing);
                ContentFileGuard.DeleteQuietly(ContentSidecar.PathFor(existing));
            }

            partialState = NewState(response, responseType, expectedTotal);
            WriteSidecar(partialState, ContentSidecar.PathFor(partial));
            _hash?.Dispose();
            _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            _hashed = 0;
        }

        var written = await CopyToPartialAsync(response, partial, offset, expectedTotal, cancellationToken).ConfigureAwait(false);
        if (written == 0)
        {
            // Content is never 0 bytes: an empty answer is a broken server or proxy, not a recording, a voicemail or a fax.
            ContentFileGuard.DeleteQuietly(partial);
            ContentFileGuard.DeleteQuietly(ContentSidecar.PathFor(partial));
            throw new RcApiException(RcErrorKind.ResponseInvalid, $"The {Noun} download from {Where} answered HTTP {status} with an empty body; a {Noun} is never 0 bytes. Nothing is saved.");
        }

        if (expectedTotal is long expected && written != expected)
        {
            throw new RcApiException(RcErrorKind.ResponseInvalid, $"The {Noun} download from {Where} is short: expected {expected} bytes, got {written}. The part received is kept in '{Path.GetFileName(partial)}' and resumed next time.");
        }

        // Chunked transfer proves its own end (a cut chunked body throws); without it and without a length, nothing does.
        var unproven = expectedTotal is null && response.Headers.TransferEncodingChunked != true;
        return new Outcome(partial, FinalPathOf(partial), written, partialState.ContentType ?? responseType, partialState) { Unproven = unproven };
    }

    private ContentSidecar NewState(HttpResponseMessage response, string? contentType, long? expectedTotal)
    {
        var state = _item.NewSidecar();
        state.ContentType = contentType;
        state.Bytes = expectedTotal;
        state.ETag = response.Headers.ETag is { IsWeak: false } etag ? etag.Tag : null;
        state.LastModified = response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture);
        state.ContentUri = Where;
        return state;
    }

    /// <summary>Brings the hash up to <paramref name="length"/> bytes of the .partial: read from disk once, kept across retries.</summary>
    private async Task HashPrefixAsync(string partial, long length, CancellationToken cancellationToken)
    {
        if (_hash is not null && _hashed == length)
        {
            return;
        }

        _hash?.Dispose();
        _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _hashed = 0;
        var buffer = new byte[BufferSize];
        using var file = new FileStream(partial, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
        while (_hashed < length)
        {
            var read = await file.ReadAsync(buffer, 0, (int)Math.Min(buffer.Length, length - _hashed), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            _hash.AppendData(buffer, 0, read);
            _hashed += read;
        }
    }

    private async Task<long> CopyToPartialAsync(HttpResponseMessage response, string partial, long offset, long? expectedTotal, CancellationToken cancellationToken)
    {
        var position = offset;
        using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);

        // A stall is no bytes for StallTimeout, timed per read, never the whole body. Not every
        // platform's response stream honours the token: disposing the response unblocks a stalled read.
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var unblock = stall.Token.Register(response.Dispose);
        using var file = OpenPartial(partial, offset);
        var buffer = new byte[BufferSize];
        try
        {
            while (true)
            {
                stall.CancelAfter(_core.Settings.StallTimeout);
                var read = await body.ReadAsync(buffer, 0, buffer.Length, stall.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                await WriteAsync(file, buffer, read, cancellationToken).ConfigureAwait(false);
                _hash!.AppendData(buffer, 0, read);
                _hashed += read;
                position += read;
                _options.BytesWritten?.Invoke(read);
            }
        }
        catch (Exception ex) when (ex is not ContentFileException && stall.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Stalled: keep what arrived; the core retries (a timeout) and the next attempt resumes from it.
            _stalled = true;
            await FlushAsync(file, CancellationToken.None).ConfigureAwait(false);
            throw new TimeoutException($"no data for {_core.Settings.StallTimeout.TotalSeconds:0} s (the stall timeout).", ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // The connection broke: keep what arrived (the core retries and the next attempt resumes from it).
            _shortMessage = $"expected {(expectedTotal?.ToString(CultureInfo.InvariantCulture) ?? "more")} bytes, got {position}";
            await FlushAsync(file, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (IOException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        await FlushAsync(file, cancellationToken).ConfigureAwait(false);
        return position;
    }

    private static FileStream OpenPartial(string partial, long offset)
    {
        try
        {
            // A fresh .partial is created new (a planted link is removed, never followed); one resumed must not be a link.
            var file = offset > 0
                ? ContentFileGuard.OpenExisting(partial, FileShare.None, useAsync: true)
                : ContentFileGuard.CreateNew(partial, FileShare.None, useAsync: true);
            file.SetLength(offset);
            file.Position = offset;
            return file;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ContentFileGuard.WriteFailed(partial, ex);
        }
    }

    private static async Task WriteAsync(FileStream file, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        try
        {
            await file.WriteAsync(buffer, 0, count, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A full disk is not a broken connection: this must not make the core retry the request.
            throw ContentFileGuard.WriteFailed(file.Name, ex);
        }
    }

    private static async Task FlushAsync(FileStream file, CancellationToken cancellationToken)
    {
        try
        {
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw ContentFileGuard.WriteFailed(file.Name, ex);
        }
    }

    private static void WriteSidecar(ContentSidecar sidecar, string path)
    {
        try
        {
            sidecar.Write(path);
        }
        catch (ContentFileException ex)
        {
            throw ContentFileGuard.WriteFailed(path, ex);
        }
    }

    private DownloadedFile Complete(Outcome outcome)
    {
        CheckContainerSize(outcome.Partial!, outcome.Bytes);
        var sha256 = Hex(_hash!.GetHashAndReset());
        var sidecarPath = ContentSidecar.PathFor(outcome.Final!);
        string? written = null;
        try
        {
            if (_options.Sidecar)
            {
                // The sidecar first: a crash between the two leaves a sidecar without its file (Missing), never an unexplained file.
                var state = outcome.State;
                var sidecar = _item.NewSidecar();
                sidecar.ContentType = outcome.ContentType;
                sidecar.Bytes = outcome.Bytes;
                sidecar.Sha256 = sha256;
                sidecar.ETag = state?.ETag;
                sidecar.LastModified = state?.LastModified;
                sidecar.DownloadedAt = DateTimeOffset.UtcNow;
                sidecar.Server = _core.Server.BaseUri.GetLeftPart(UriPartial.Authority);
                sidecar.ContentUri = Where;
                sidecar.ModuleVersion = _options.ModuleVersion;
                WriteSidecar(sidecar, sidecarPath);
                written = sidecarPath;
            }
            else if (File.Exists(sidecarPath))
            {
                // -NoSidecar over -Force: an old sidecar would describe the old file.
                File.Delete(sidecarPath);
            }

            // .NET Framework has no File.Move overwrite overload: -Force deletes the old file first.
            if (_options.Overwrite && File.Exists(outcome.Final))
            {
                File.Delete(outcome.Final);
            }

            // A link at the final name is refused, not replaced: the rename would hide who planted it.
            ContentFileGuard.RefuseLinks(outcome.Final!);
            File.Move(outcome.Partial!, outcome.Final!);
        }
        catch (IOException ex)
        {
            throw new ContentFileException($"Cannot rename '{outcome.Partial}' to '{Path.GetFileName(outcome.Final)}': {ex.Message}", ex);
        }

        ContentFileGuard.DeleteQuietly(ContentSidecar.PathFor(outcome.Partial!));
        return new DownloadedFile(outcome.Final!, outcome.Bytes, outcome.ContentType, sha256, written);
    }

    /// <summary>
    /// A container that states its own size must agree with the bytes received: a WAV (RIFF) file is
    /// its chunk size plus 8 bytes. A server that sends a consistent but cut (or padded) body is caught
    /// here, before the file gets its final name.
    /// </summary>
    private void CheckContainerSize(string partial, long bytes)
    {
        if (WavHeader.DeclaredLength(partial) is long declared && declared != bytes)
        {
            throw new RcApiException(RcErrorKind.ResponseInvalid, $"The {Noun} from {Where} is a WAV file whose header says {declared} bytes, but {bytes} arrived: it is not complete. It is not saved under its final name; the bytes are kept in '{Path.GetFileName(partial)}'.");
        }
    }

    public static string Hex(byte[] hash)
    {
        var text = new char[hash.Length * 2];
        for (var i = 0; i < hash.Length; i++)
        {
            text[2 * i] = "0123456789abcdef"[hash[i] >> 4];
            text[(2 * i) + 1] = "0123456789abcdef"[hash[i] & 15];
        }

        return new string(text);
    }

    /// <summary>What one response left on disk, renamed outside the core's retry loop (file errors are no network errors).</summary>
    private sealed class Outcome
    {
        public static readonly Outcome RangeRefused = new(null, null, 0, null, null);

        public Outcome(string? partial, string? final, long bytes, string? contentType, ContentSidecar? state)
        {
            Partial = partial;
            Final = final;
            Bytes = bytes;
            ContentType = contentType;
            State = state;
        }

        /// <summary>Null: the range was refused (416); try again without it.</summary>
        public string? Partial { get; }

        public string? Final { get; }

        public long Bytes { get; }

        public string? ContentType { get; }

        public ContentSidecar? State { get; }

        /// <summary>The body ended without a length to check it by: not yet known to be complete.</summary>
        public bool Unproven { get; init; }
    }
}
