using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>
/// The content engine's entry point: a save cmdlet's work without PowerShell, for any kind of
/// content. It decides per item (skip, refuse, download, and under which name), runs up to
/// ThrottleLimit downloads at a time with a bounded backlog, counts items and bytes, and hands each
/// outcome to a callback (from a worker thread). Planning and starting happen on one thread (the
/// pipeline's); the downloads on the thread pool. A cmdlet gives it the connection's core, its
/// kind's <see cref="IContentSource"/> and a <see cref="ContentFileNamer"/> with its kind's naming,
/// then calls <see cref="Plan"/> and <see cref="Start"/> per item (see Save-RcRecording).
/// </summary>
internal sealed class ContentDownloadQueue : IDisposable
{
    private static readonly long s_progressInterval = TimeSpan.FromMilliseconds(300).Ticks;

    private readonly RcHttpCore _core;
    private readonly IContentSource _source;
    private readonly ContentFileNamer _namer;
    private readonly ContentDownloadOptions _options;
    private readonly IRcEvents _events;
    private readonly Action? _progressed;
    private readonly List<Task> _running = new();
    private readonly HashSet<ContentIdentity> _seen = new();
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

    /// <param name="core">The connection's HTTP core: the downloads go through it.</param>
    /// <param name="source">Where the kind's content lives (a lookup when the input did not give its address).</param>
    /// <param name="namer">Names within the target directory (reserved per run).</param>
    /// <param name="options">-Force, -NoSidecar, -ThrottleLimit.</param>
    /// <param name="events">Where the client's messages go.</param>
    /// <param name="progressed">Called now and then (at most every 300 ms, from a worker thread) while bytes arrive.</param>
    /// <param name="stop">Ctrl+C.</param>
    public ContentDownloadQueue(RcHttpCore core, IContentSource source, ContentFileNamer namer, ContentDownloadOptions options, IRcEvents events, Action? progressed, CancellationToken stop)
    {
        _core = core;
        _source = source;
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
    /// Decides what to do with one item. Names are reserved here, so two items of a run never
    /// share one; a name whose files belong to another item is passed over.
    /// </summary>
    public ContentPlan Plan(ContentItem target)
    {
        if (!_seen.Add(target.Identity))
        {
            return ContentPlan.Duplicate(target);
        }

        ContentSlot? slot = null;
        string basePath;
        try
        {
            basePath = _namer.ReserveBasePath(target.Values, candidate =>
            {
                slot = ContentSlot.Inspect(candidate, target.Identity, target.Naming);
                return slot.State != ContentSlotState.Foreign;
            });
        }
        catch (InvalidOperationException ex)
        {
            return Refuse(target, ex.Message);
        }

        // A final name that is a link is never taken as this item's file: the download refuses it with a clear error.
        var found = slot!;
        if (IsSkipped(found))
        {
            Interlocked.Increment(ref _skipped);
            RemoveLeftovers(basePath, target.Naming);
            return ContentPlan.Skip(target, SkippedRow(target, found));
        }

        var shown = found.Partial is { } partial
            ? ContentDownload.FinalPathOf(partial)
            : basePath + (target.ContentType is null ? ".*" : target.Naming.ExtensionFor(target.ContentType));
        return ContentPlan.Download(target, basePath, shown);
    }

    /// <summary>An item that cannot be downloaded at all (refused input, unsafe name): counted as failed.</summary>
    public ContentPlan Refuse(ContentItem target, string problem)
    {
        Interlocked.Increment(ref _failed);
        return ContentPlan.Refuse(target, Row(target, "Failed", null, null, problem), problem);
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
    public void Start(ContentPlan plan, Action<ContentOutcome, Exception?> finished)
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

    private bool IsSkipped(ContentSlot slot) =>
        slot.State == ContentSlotState.Complete && !_options.Overwrite && !ContentFileGuard.IsLink(slot.Final!);

    private static ContentOutcome SkippedRow(ContentItem target, ContentSlot slot) => new(target, "Skipped")
    {
        CallLogId = target.CallLogId ?? slot.Sidecar?.Call?.CallLogId,
        Path = slot.Final,
        // Like Sha256, what was recorded at download: a manifest row is a reference, never the file as it is now.
        Bytes = slot.Sidecar?.Bytes ?? new FileInfo(slot.Final!).Length,
        ContentType = slot.Sidecar?.ContentType ?? MediaTypes.ContentTypeOf(slot.Final!),
        Sha256 = slot.Sidecar?.Sha256,
        SidecarPath = slot.Sidecar is null ? null : ContentSidecar.PathFor(slot.Final!),
    };

    /// <summary>
    /// What a killed run left beside a complete file, its lock file and its temporary sidecars:
    /// removed under the item's claim, so a run saving it right now keeps its files.
    /// </summary>
    private static void RemoveLeftovers(string basePath, ContentNaming naming)
    {
        var temporaries = ContentSidecar.LeftoverTemporaries(basePath, naming.Extensions).ToList();
        if (temporaries.Count == 0 && !File.Exists(basePath + ContentClaim.Suffix))
        {
            return;
        }

        try
        {
            using var claim = ContentClaim.TryAcquire(basePath);
            if (claim is not null)
            {
                temporaries.ForEach(ContentFileGuard.DeleteQuietly);
            }
        }
        catch (ContentFileException)
        {
            // Left for a later run: it only costs a zero-byte file.
        }
    }

    private async Task RunAsync(ContentPlan plan, Action<ContentOutcome, Exception?> finished, CancellationToken cancellationToken)
    {
        var target = plan.Target;
        ContentOutcome row;
        Exception? error = null;
        var skipped = false;
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _diskFull) is { } full)
            {
                // One full disk fails every later download into the folder: they would spend requests to fail the same way.
                throw new ContentFileException($"Not downloaded: the disk is full (an earlier download into this folder could not be written). {full}") { DiskFull = true };
            }

            // Another run (another process, or the same scheduled job started twice) may be saving this
            // item into this folder right now: wait for it, then see what it left.
            using var claim = await ContentClaim.AcquireAsync(plan.BasePath!, () => _events.Verbose(ContentClaim.WaitingFor(target.Identity)), cancellationToken).ConfigureAwait(false);

            // Held: the temporary sidecars here are a dead run's (a full disk, kill -9), never a live one's.
            foreach (var leftover in ContentSidecar.LeftoverTemporaries(plan.BasePath!, target.Naming.Extensions))
            {
                ContentFileGuard.DeleteQuietly(leftover);
            }

            var slot = ContentSlot.Inspect(plan.BasePath!, target.Identity, target.Naming);
            if (IsSkipped(slot))
            {
                skipped = true;
                row = SkippedRow(target, slot);
            }
            else if (slot.State == ContentSlotState.Foreign)
            {
                // Another run (with another template) put another item's file here meanwhile: never replace it.
                throw new ContentFileException($"'{slot.Final ?? slot.Partial}' was saved by another run meanwhile and belongs to another {target.Naming.Noun}; this one is not downloaded now. Run again to save it under another name.");
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
        catch (Exception ex) when (ex is ContentFileException or IOException or UnauthorizedAccessException && !cancellationToken.IsCancellationRequested)
        {
            if (ex is ContentFileException { DiskFull: true })
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

    private async Task<ContentOutcome> DownloadAsync(ContentPlan plan, CancellationToken cancellationToken)
    {
        var target = plan.Target;
        var uri = await _source.ContentUriAsync(target, _events, cancellationToken).ConfigureAwait(false);
        using var download = new ContentDownload(_core, uri, plan.BasePath!, target, _options);
        var file = await download.RunAsync(_events, cancellationToken).ConfigureAwait(false);
        return Row(target, "Downloaded", file, file.ContentType ?? target.ContentType, null);
    }

    private static ContentOutcome Row(ContentItem target, string status, DownloadedFile? file, string? contentType, string? error) => new(target, status)
    {
        CallLogId = target.CallLogId,
        Path = file?.Path,
        Bytes = file?.Bytes ?? 0,
        ContentType = contentType,
        Sha256 = file?.Sha256,
        SidecarPath = file?.SidecarPath,
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
