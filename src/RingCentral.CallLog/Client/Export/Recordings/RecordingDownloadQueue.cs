using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client.Api;

namespace RingCentral.CallLog.Client.Export.Recordings;

/// <summary>
/// Save-RcRecording's work without PowerShell: decides per recording (skip, refuse, download, and
/// under which name), runs up to ThrottleLimit downloads at a time with a bounded backlog, counts
/// recordings and bytes, and hands each outcome to a callback (from a worker thread). Planning and
/// starting happen on one thread (the pipeline's); the downloads on the thread pool.
/// </summary>
internal sealed class RecordingDownloadQueue : IDisposable
{
    private static readonly long s_progressInterval = TimeSpan.FromMilliseconds(300).Ticks;

    private readonly RecordingApi _api;
    private readonly RecordingFileNamer _namer;
    private readonly RecordingDownloadOptions _options;
    private readonly IRcEvents _events;
    private readonly Action? _progressed;
    private readonly List<Task> _running = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _abort;
    private int _submitted;
    private int _finished;
    private int _skipped;
    private int _failed;
    private int _notDownloaded;
    private long _bytes;
    private long _lastProgress;
    private bool _directoryReady;
    private string? _diskFull;

    /// <param name="api">The connection's recording API.</param>
    /// <param name="namer">Names within the target directory (reserved per run).</param>
    /// <param name="options">-Force, -NoSidecar, -ThrottleLimit.</param>
    /// <param name="events">Where the client's messages go.</param>
    /// <param name="progressed">Called now and then (at most every 300 ms, from a worker thread) while bytes arrive.</param>
    /// <param name="stop">Ctrl+C.</param>
    public RecordingDownloadQueue(RecordingApi api, RecordingFileNamer namer, RecordingDownloadOptions options, IRcEvents events, Action? progressed, CancellationToken stop)
    {
        _api = api;
        _namer = namer;
        _options = options;
        _events = events;
        _progressed = progressed;
        _slots = new SemaphoreSlim(options.ThrottleLimit, options.ThrottleLimit);
        _abort = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var report = options.BytesWritten;
        options.BytesWritten = count =>
        {
            AddBytes(count);
            report?.Invoke(count);
        };
    }

    public int Submitted => Volatile.Read(ref _submitted);

    public int Finished => Volatile.Read(ref _finished);

    public int Skipped => Volatile.Read(ref _skipped);

    public int Downloaded => Finished - Volatile.Read(ref _notDownloaded);

    public int Failed => Volatile.Read(ref _failed);

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>
    /// Decides what to do with one recording. Names are reserved here, so two recordings of a run
    /// never share one; a name whose files belong to another recording is passed over.
    /// </summary>
    public RecordingPlan Plan(RecordingTarget target)
    {
        if (!_seen.Add(target.RecordingId))
        {
            return RecordingPlan.Duplicate(target);
        }

        RecordingSlot? slot = null;
        string basePath;
        try
        {
            basePath = _namer.ReserveBasePath(target.Values, candidate =>
            {
                slot = RecordingSlot.Inspect(candidate, target.RecordingId);
                return slot.State != RecordingSlotState.Foreign;
            });
        }
        catch (InvalidOperationException ex)
        {
            return Refuse(target, ex.Message);
        }

        // A final name that is a link is never taken as this recording's file: the download refuses it with a clear error.
        var found = slot!;
        if (IsSkipped(found))
        {
            Interlocked.Increment(ref _skipped);
            RemoveLeftovers(basePath);
            return RecordingPlan.Skip(target, SkippedRow(target, found));
        }

        var shown = found.Partial is { } partial
            ? RecordingContentDownload.FinalPathOf(partial)
            : basePath + (target.ContentType is null ? ".*" : RecordingFileNamer.ExtensionFor(target.ContentType));
        return RecordingPlan.Download(target, basePath, shown);
    }

    /// <summary>A recording that cannot be downloaded at all (refused input, unsafe name): counted as failed.</summary>
    public RecordingPlan Refuse(RecordingTarget target, string problem)
    {
        Interlocked.Increment(ref _failed);
        return RecordingPlan.Refuse(target, Row(target, "Failed", null, null, problem), problem);
    }

    /// <summary>Completes once fewer than twice ThrottleLimit downloads are started and unfinished: input is read only as fast as downloads go.</summary>
    public async Task WhenRoomAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            _running.RemoveAll(t => t.IsCompleted);
            if (_running.Count < _options.ThrottleLimit * 2)
            {
                return;
            }

            await Task.WhenAny(Task.WhenAny(_running.ToArray()), Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Starts a planned download; <paramref name="finished"/> gets its row and, when it failed, the exception.</summary>
    public void Start(RecordingPlan plan, Action<RecordingDownload, Exception?> finished)
    {
        if (!_directoryReady)
        {
            // Only now: -WhatIf, and a run with nothing to download, create no folder.
            Directory.CreateDirectory(_namer.Directory);
            _directoryReady = true;
        }

        Interlocked.Increment(ref _submitted);
        var token = _abort.Token;
        _running.Add(Task.Run(() => RunAsync(plan, finished, token)));
    }

    public Task WhenAllAsync() => Task.WhenAll(_running.ToArray());

    /// <summary>Stops the downloads and waits (a while) until every .partial is closed.</summary>
    public void Dispose()
    {
        _abort.Cancel();
        try
        {
            Task.WaitAll(_running.ToArray(), TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // Cancelled downloads: their .partial files stay for the next run.
        }

        _abort.Dispose();
        _slots.Dispose();
    }

    private bool IsSkipped(RecordingSlot slot) =>
        slot.State == RecordingSlotState.Complete && !_options.Overwrite && !RecordingFileGuard.IsLink(slot.Final!);

    private static RecordingDownload SkippedRow(RecordingTarget target, RecordingSlot slot) => new()
    {
        RecordingId = target.RecordingId,
        CallLogId = target.CallLogId ?? slot.Sidecar?.Call?.CallLogId,
        Path = slot.Final,
        // Like Sha256, what was recorded at download: a manifest row is a reference, never the file as it is now.
        Bytes = slot.Sidecar?.Bytes ?? new FileInfo(slot.Final!).Length,
        ContentType = slot.Sidecar?.ContentType ?? RecordingContentDownload.ContentTypeOf(slot.Final!),
        Sha256 = slot.Sidecar?.Sha256,
        SidecarPath = slot.Sidecar is null ? null : RecordingSidecar.PathFor(slot.Final!),
        Status = "Skipped",
    };

    /// <summary>
    /// What a killed run left beside a complete recording, its lock file and its temporary sidecars:
    /// removed under the recording's claim, so a run saving it right now keeps its files.
    /// </summary>
    private static void RemoveLeftovers(string basePath)
    {
        var temporaries = RecordingSidecar.LeftoverTemporaries(basePath).ToList();
        if (temporaries.Count == 0 && !File.Exists(basePath + RecordingClaim.Suffix))
        {
            return;
        }

        try
        {
            using var claim = RecordingClaim.TryAcquire(basePath);
            if (claim is not null)
            {
                temporaries.ForEach(RecordingFileGuard.DeleteQuietly);
            }
        }
        catch (RecordingFileException)
        {
            // Left for a later run: it only costs a zero-byte file.
        }
    }

    private async Task RunAsync(RecordingPlan plan, Action<RecordingDownload, Exception?> finished, CancellationToken cancellationToken)
    {
        var target = plan.Target;
        RecordingDownload row;
        Exception? error = null;
        var skipped = false;
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _diskFull) is { } full)
            {
                // One full disk fails every later download into the folder: they would spend requests to fail the same way.
                throw new RecordingFileException($"Not downloaded: an earlier download into this folder found the disk full. {full}") { DiskFull = true };
            }

            // Another run (another process, or the same scheduled job started twice) may be saving this
            // recording into this folder right now: wait for it, then see what it left.
            using var claim = await RecordingClaim.AcquireAsync(plan.BasePath!, () => _events.Verbose($"Recording {target.RecordingId}: another run is saving it into this folder; waiting for it."), cancellationToken).ConfigureAwait(false);

            // Held: the temporary sidecars here are a dead run's (a full disk, kill -9), never a live one's.
            foreach (var leftover in RecordingSidecar.LeftoverTemporaries(plan.BasePath!))
            {
                RecordingFileGuard.DeleteQuietly(leftover);
            }

            var slot = RecordingSlot.Inspect(plan.BasePath!, target.RecordingId);
            if (IsSkipped(slot))
            {
                skipped = true;
                row = SkippedRow(target, slot);
            }
            else if (slot.State == RecordingSlotState.Foreign)
            {
                // Another run (with another template) put another recording's file here meanwhile: never replace it.
                throw new RecordingFileException($"'{slot.Final ?? slot.Partial}' was saved by another run meanwhile and belongs to another recording; this one is not downloaded now. Run again to save it under another name.");
            }
            else
            {
                row = await DownloadAsync(plan, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RcApiException ex)
        {
            error = ex;
            row = Row(target, "Failed", null, target.ContentType, ex.Message);
        }
        catch (Exception ex) when (ex is RecordingFileException or IOException or UnauthorizedAccessException && !cancellationToken.IsCancellationRequested)
        {
            if (ex is RecordingFileException { DiskFull: true })
            {
                Interlocked.CompareExchange(ref _diskFull, ex.Message, null);
            }

            error = ex;
            row = Row(target, "Failed", null, target.ContentType, ex.Message);
        }
        finally
        {
            _slots.Release();
        }

        if (error is not null)
        {
            Interlocked.Increment(ref _failed);
            Interlocked.Increment(ref _notDownloaded);
        }

        if (skipped)
        {
            // Counted as skipped, not as a download: another run saved it.
            Interlocked.Increment(ref _skipped);
            Interlocked.Increment(ref _notDownloaded);
        }

        Interlocked.Increment(ref _finished);
        finished(row, error);
    }

    private async Task<RecordingDownload> DownloadAsync(RecordingPlan plan, CancellationToken cancellationToken)
    {
        var target = plan.Target;
        var contentUri = target.ContentUri;
        if (contentUri is null)
        {
            var info = await _api.GetAsync(target.RecordingId, _events, cancellationToken).ConfigureAwait(false);
            contentUri = info.ContentUri;
            target.ContentType = info.ContentType;
        }

        var uri = RecordingApi.ContentUri(target.RecordingId, contentUri);
        var file = await _api.DownloadAsync(uri, plan.BasePath!, target, _options, _events, cancellationToken).ConfigureAwait(false);
        return Row(target, "Downloaded", file, file.ContentType ?? target.ContentType, null);
    }

    private static RecordingDownload Row(RecordingTarget target, string status, DownloadedFile? file, string? contentType, string? error) => new()
    {
        RecordingId = target.RecordingId,
        CallLogId = target.CallLogId,
        Path = file?.Path,
        Bytes = file?.Bytes ?? 0,
        ContentType = contentType,
        Sha256 = file?.Sha256,
        SidecarPath = file?.SidecarPath,
        Status = status,
        Error = error,
    };

    private void AddBytes(long count)
    {
        Interlocked.Add(ref _bytes, count);
        var now = DateTime.UtcNow.Ticks;
        var last = Interlocked.Read(ref _lastProgress);
        if (_progressed is not null && now - last >= s_progressInterval && Interlocked.CompareExchange(ref _lastProgress, now, last) == last)
        {
            _progressed();
        }
    }
}
