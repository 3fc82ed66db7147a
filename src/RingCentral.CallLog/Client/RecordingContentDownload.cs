using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace RingCentral.CallLog.Client;

/// <summary>A finished download: where it is, how big, and what the server said it was.</summary>
internal sealed class DownloadedFile
{
    public DownloadedFile(string path, long bytes, string? contentType)
    {
        Path = path;
        Bytes = bytes;
        ContentType = contentType;
    }

    public string Path { get; }

    public long Bytes { get; }

    public string? ContentType { get; }
}

/// <summary>A local file could not be written or renamed (not a network failure, so never retried).</summary>
internal sealed class RecordingFileException : Exception
{
    public RecordingFileException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// Downloads one recording to "&lt;final&gt;.partial" and renames it to the final name only once
/// the byte count matches what the server announced, so a final-named file is always complete.
/// A leftover .partial is resumed with Range; 200 restarts it, 416 retries without Range.
/// One instance per download: it keeps what the attempts (retries by the core) share.
/// </summary>
internal sealed class RecordingContentDownload
{
    private const int BufferSize = 81920;
    private static readonly HashSet<int> s_accepted = new() { 206, 416 };

    private readonly RcHttpCore _core;
    private readonly Uri _contentUri;
    private readonly string _basePath;
    private readonly string? _knownContentType;
    private readonly bool _overwrite;
    private readonly Action<long>? _bytesWritten;

    private long _requestedFrom;
    private bool _withoutRange;
    private string? _shortMessage;

    /// <param name="core">The connection's HTTP core (its pacer and host rule apply).</param>
    /// <param name="contentUri">The contentUri exactly as the server gave it.</param>
    /// <param name="basePath">Full path of the final file without its extension (the extension comes from the Content-Type).</param>
    /// <param name="knownContentType">The content type from metadata, when known; the response's Content-Type wins.</param>
    /// <param name="overwrite">-Force: replace an existing final file.</param>
    /// <param name="bytesWritten">Called with each chunk's size (from a worker thread).</param>
    public RecordingContentDownload(RcHttpCore core, Uri contentUri, string basePath, string? knownContentType, bool overwrite, Action<long>? bytesWritten)
    {
        _core = core;
        _contentUri = contentUri;
        _basePath = basePath;
        _knownContentType = knownContentType;
        _overwrite = overwrite;
        _bytesWritten = bytesWritten;
    }

    /// <summary>The .partial files a download of this base path may have left, in the order to resume them.</summary>
    public static IEnumerable<string> PartialCandidates(string basePath, string? knownContentType)
    {
        var preferred = knownContentType is null ? null : RecordingFileNamer.ExtensionFor(knownContentType);
        return RecordingFileNamer.KnownExtensions
            .OrderBy(e => e == preferred ? 0 : 1)
            .Select(e => basePath + e + ".partial");
    }

    /// <summary>An existing final file for this base path (any known extension), or null.</summary>
    public static string? ExistingFinal(string basePath) =>
        RecordingFileNamer.KnownExtensions.Select(e => basePath + e).FirstOrDefault(File.Exists);

    public async Task<DownloadedFile> RunAsync(IRcEvents events, CancellationToken cancellationToken)
    {
        for (var round = 0; ; round++)
        {
            var request = new RcRequest(HttpMethod.Get, _contentUri, RouteKeys.RecordingContent)
            {
                AcceptStatuses = s_accepted,
                Configure = SetRange,
            };
            Outcome outcome;
            try
            {
                outcome = await _core.SendAsync(request, ReadAsync, events, cancellationToken).ConfigureAwait(false);
            }
            catch (RcApiException ex) when (ex.Kind is RcErrorKind.ConnectionFailed or RcErrorKind.RequestTimeout && _shortMessage is not null)
            {
                // Every attempt broke off mid-body: report it as the short download it is; the .partial stays for the next run.
                throw new RcApiException(RcErrorKind.ResponseInvalid, $"The recording download from {_contentUri.GetLeftPart(UriPartial.Path)} ended early: {_shortMessage}. The part received is kept and resumed next time.", ex)
                {
                    Request = ex.Request,
                };
            }

            if (outcome.Partial is not null)
            {
                return Complete(outcome.Partial, outcome.Final!, outcome.Bytes, outcome.ContentType);
            }

            if (round >= 1)
            {
                throw new RcApiException(RcErrorKind.ResponseInvalid, $"The server refused the range of {_contentUri.GetLeftPart(UriPartial.Path)} twice (HTTP 416).");
            }

            // 416: the .partial does not fit the content any more; start over without Range.
            events.Verbose($"{_contentUri.GetLeftPart(UriPartial.Path)}: the range was not satisfiable (HTTP 416); downloading from the start.");
            _withoutRange = true;
        }
    }

    private static string? ExistingPartial(string basePath, string? knownContentType) =>
        PartialCandidates(basePath, knownContentType).FirstOrDefault(File.Exists);

    private void SetRange(HttpRequestMessage message)
    {
        // Called on every attempt, so a retry after a broken connection resumes from what is on disk now.
        var partial = _withoutRange ? null : ExistingPartial(_basePath, _knownContentType);
        _requestedFrom = partial is null ? 0 : new FileInfo(partial).Length;
        message.Headers.Range = _requestedFrom > 0 ? new RangeHeaderValue(_requestedFrom, null) : null;
    }

    private async Task<Outcome> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var contentType = response.Content.Headers.ContentType?.MediaType ?? _knownContentType;
        var extension = RecordingFileNamer.ExtensionFor(contentType);
        var existing = _withoutRange ? null : ExistingPartial(_basePath, _knownContentType);
        var partial = existing ?? _basePath + extension + ".partial";
        var final = _basePath + extension;
        var range = response.Content.Headers.ContentRange;

        if (status == 416)
        {
            // The whole content may already be on disk (a run stopped just before the rename).
            if (existing is not null && range?.Length is long total && total == _requestedFrom && total > 0)
            {
                return new Outcome(existing, final, total, contentType);
            }

            return Outcome.RangeRefused;
        }

        long offset;
        long? expectedTotal;
        if (status == 206 && _requestedFrom > 0)
        {
            if (range?.From != _requestedFrom)
            {
                throw new RcApiException(RcErrorKind.ResponseInvalid, $"Asked for bytes from {_requestedFrom} of {_contentUri.GetLeftPart(UriPartial.Path)}, got range '{range}'.");
            }

            offset = _requestedFrom;
            expectedTotal = range.Length ?? (response.Content.Headers.ContentLength is long part ? offset + part : null);
        }
        else
        {
            // 200 (the server ignored Range, or there was nothing to resume): start from byte 0.
            offset = 0;
            expectedTotal = status == 206 ? range?.Length : response.Content.Headers.ContentLength;
        }

        var written = await CopyToPartialAsync(response, partial, offset, expectedTotal, cancellationToken).ConfigureAwait(false);
        if (expectedTotal is long expected && written != expected)
        {
            throw new RcApiException(RcErrorKind.ResponseInvalid, $"The recording download from {_contentUri.GetLeftPart(UriPartial.Path)} is short: expected {expected} bytes, got {written}. The part received is kept in '{Path.GetFileName(partial)}' and resumed next time.");
        }

        return new Outcome(partial, final, written, contentType);
    }

    private async Task<long> CopyToPartialAsync(HttpResponseMessage response, string partial, long offset, long? expectedTotal, CancellationToken cancellationToken)
    {
        var position = offset;
        using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);

        // Not every platform's response stream honours the token: disposing the response unblocks a stalled read.
        using var unblock = cancellationToken.Register(response.Dispose);
        using var file = OpenPartial(partial, offset);
        var buffer = new byte[BufferSize];
        try
        {
            while (true)
            {
                var read = await body.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                await WriteAsync(file, buffer, read, cancellationToken).ConfigureAwait(false);
                position += read;
                _bytesWritten?.Invoke(read);
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // The connection broke: keep what arrived (the core retries and the next attempt resumes from it).
            _shortMessage = $"expected {(expectedTotal?.ToString(CultureInfo.InvariantCulture) ?? "more")} bytes, got {position}";
            await file.FlushAsync(CancellationToken.None).ConfigureAwait(false);
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

        await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        return position;
    }

    private static FileStream OpenPartial(string partial, long offset)
    {
        try
        {
            var file = new FileStream(partial, offset > 0 ? FileMode.Open : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
            file.SetLength(offset);
            file.Position = offset;
            return file;
        }
        catch (IOException ex)
        {
            throw new RecordingFileException($"Cannot write '{partial}': {ex.Message}", ex);
        }
    }

    private static async Task WriteAsync(FileStream file, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        try
        {
            await file.WriteAsync(buffer, 0, count, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // A full disk is not a broken connection: this must not make the core retry the request.
            throw new RecordingFileException($"Cannot write '{file.Name}': {ex.Message}", ex);
        }
    }

    private DownloadedFile Complete(string partial, string final, long bytes, string? contentType)
    {
        // .NET Framework has no File.Move overwrite overload: -Force deletes the old file first.
        try
        {
            if (_overwrite && File.Exists(final))
            {
                File.Delete(final);
            }

            File.Move(partial, final);
        }
        catch (IOException ex)
        {
            throw new RecordingFileException($"Cannot rename '{partial}' to '{Path.GetFileName(final)}': {ex.Message}", ex);
        }

        return new DownloadedFile(final, bytes, contentType);
    }

    /// <summary>What one response left on disk, renamed outside the core's retry loop (file errors are no network errors).</summary>
    private sealed class Outcome
    {
        public static readonly Outcome RangeRefused = new(null, null, 0, null);

        public Outcome(string? partial, string? final, long bytes, string? contentType)
        {
            Partial = partial;
            Final = final;
            Bytes = bytes;
            ContentType = contentType;
        }

        /// <summary>Null: the range was refused (416); try again without it.</summary>
        public string? Partial { get; }

        public string? Final { get; }

        public long Bytes { get; }

        public string? ContentType { get; }
    }
}
