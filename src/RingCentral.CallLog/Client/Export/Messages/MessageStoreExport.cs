using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Client.Export.Messages;

/// <summary>
/// One account-wide message store export into an archive folder: create the task, wait for it
/// (polled on the Heavy group's pace, never faster), list its archives, download each zip through
/// the content engine into a working folder, unpack it into <see cref="MessageStoreLayout"/> and
/// remove it. A handful of Heavy requests for a whole account.
/// </summary>
internal sealed class MessageStoreExport
{
    /// <summary>Where the zips are downloaded, inside the archive folder (same disk); removed once unpacked.</summary>
    public const string WorkFolderName = ".message-store-export";

    /// <summary>RingCentral's guide polls every 2–10 s; never faster than 2 s, whatever the group allows.</summary>
    public static readonly TimeSpan MinimumPoll = TimeSpan.FromSeconds(2);

    /// <summary>The Heavy group as documented (10 a minute) until a response says otherwise.</summary>
    private static readonly TimeSpan s_assumedHeavyPace = TimeSpan.FromSeconds(6);

    // A working file nobody wrote for this long is a killed run's leftover, not another run's download.
    private static readonly TimeSpan s_leftoverAge = TimeSpan.FromMinutes(10);

    private readonly RcHttpCore _core;
    private readonly MessageStoreExportApi _api;
    private readonly IRcEvents _events;

    public MessageStoreExport(RcHttpCore core, IRcEvents events)
    {
        _core = core;
        _api = new MessageStoreExportApi(core);
        _events = events;
    }

    /// <summary>Called with the task's state while waiting, and with each archive's progress afterwards.</summary>
    public Action<MessageStoreExportProgress>? Progressed { get; set; }

    /// <summary>The time between two polls of the task: the Heavy group's pace (window / limit), at least <see cref="MinimumPoll"/>.</summary>
    public TimeSpan PollInterval()
    {
        var state = _core.Pacer.Snapshot(RouteKeys.MessageStoreExport);
        var pace = state is { Limit: > 0, WindowSeconds: > 0 }
            ? TimeSpan.FromSeconds((double)state.WindowSeconds.Value / state.Limit.Value)
            : s_assumedHeavyPace;
        return pace < MinimumPoll ? MinimumPoll : pace;
    }

    /// <param name="request">What to export, and where.</param>
    /// <param name="emit">Gets one row per attachment file (written, skipped or failed).</param>
    /// <param name="archiveFailed">Gets each zip that could not be downloaded or trusted; the others are still unpacked.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    public async Task RunAsync(MessageStoreExportRequest request, Action<MessageDownload> emit, Action<string, Exception> archiveFailed, CancellationToken cancellationToken)
    {
        var task = await _api.CreateAsync(request.DateFrom, request.DateTo, request.MessageTypes, _events, cancellationToken).ConfigureAwait(false);
        _events.Verbose($"Export task {task.Id} created ({task.Status}).");
        task = await WaitAsync(task, request.Timeout, cancellationToken).ConfigureAwait(false);
        var archives = await _api.ListArchivesAsync(task.Id, _events, cancellationToken).ConfigureAwait(false);
        _events.Verbose($"Export task {task.Id} completed with {archives.Count} archive(s), {archives.Sum(a => a.Size ?? 0)} bytes.");

        var layout = new MessageStoreLayout(request.Path, request.Period, request.ModuleVersion, _core.Server.BaseUri.GetLeftPart(UriPartial.Authority), _events);
        var work = Path.Combine(layout.Directory, WorkFolderName);
        Directory.CreateDirectory(work);
        RemoveLeftovers(work);

        // The message lists (archive 0) first: the attachments take their names from them.
        foreach (var archive in archives.OrderBy(a => a.Number == 0 ? 0 : 1).ThenBy(a => a.Number))
        {
            var item = new MessageStoreArchiveItem(task.Id, archive.Number);
            var identity = item.Identity;
            var what = identity.ToString();
            if (layout.DiskFull)
            {
                // Fetching it would spend a Heavy request to fail the same way.
                archiveFailed(what, new ContentFileException($"{identity.Capitalized()} was not downloaded: {MessageStoreLayout.EarlierFileFilledTheDisk}") { DiskFull = true });
                continue;
            }

            var zipBase = ZipBasePath(work, task.Id, archive.Number);
            string? zipPath = null;
            try
            {
                // Again for each zip: a second export into the same folder removes the working folder when it finds it empty.
                Directory.CreateDirectory(work);
                zipPath = await DownloadAsync(item, archive, zipBase, archives.Count, cancellationToken).ConfigureAwait(false);
                await UnpackAsync(zipPath, what, archive, layout, emit, cancellationToken).ConfigureAwait(false);
            }
            catch (ContentFileException ex) when (ex.DiskFull)
            {
                layout.NoteDiskFull();
                archiveFailed(what, new ContentFileException($"{identity.Capitalized()} could not be stored: the disk is full ({ex.GetBaseException().Message}). {MessageStoreLayout.FullDiskNextStep}", ex) { DiskFull = true });
            }
            catch (Exception ex) when (ex is RcApiException or MessageStoreArchiveException or ContentFileException)
            {
                archiveFailed(what, ex);
            }
            finally
            {
                // A zip is never resumed (a rerun makes a new task, with new zips): whatever is left of it goes.
                foreach (var file in Directory.Exists(work) ? Directory.GetFiles(work, Path.GetFileName(zipBase) + ".*") : [])
                {
                    ContentFileGuard.DeleteQuietly(file);
                }
            }
        }

        TryRemoveEmpty(work);
    }

    private async Task<MessageStoreExportTask> WaitAsync(MessageStoreExportTask task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var deadline = started + timeout;
        while (!task.IsCompleted)
        {
            if (task.HasEndedWithoutArchive)
            {
                throw new MessageStoreExportFailedException($"The message store export task {task.Id} ended as '{task.Status}' without archives; nothing was exported. Run it again, or for a shorter period.", task.Id, task.Status, timedOut: false);
            }

            var interval = PollInterval();
            if (DateTimeOffset.UtcNow + interval > deadline)
            {
                throw new MessageStoreExportFailedException($"The message store export task {task.Id} was still '{task.Status}' after {Minutes(timeout)} (-Timeout); nothing was exported. Run it again with a longer -Timeout, or for a shorter period.", task.Id, task.Status, timedOut: true);
            }

            // Waited in steps, so the progress bar shows time passing.
            var until = DateTimeOffset.UtcNow + interval;
            while (DateTimeOffset.UtcNow < until)
            {
                Progressed?.Invoke(new MessageStoreExportProgress($"Export task {task.Status}", $"waiting for RingCentral: {(DateTimeOffset.UtcNow - started).TotalSeconds:0} s", null));
                var step = until - DateTimeOffset.UtcNow;
                await Task.Delay(step > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : step < TimeSpan.Zero ? TimeSpan.Zero : step, cancellationToken).ConfigureAwait(false);
            }

            task = await _api.GetAsync(task.Id, _events, cancellationToken).ConfigureAwait(false);
            _events.Verbose($"Export task {task.Id}: {task.Status}.");
        }

        return task;
    }

    private static string ZipBasePath(string work, string taskId, int number) =>
        Path.Combine(work, ContentFileNamer.SanitizeName(taskId) + "_archive-" + number.ToString(CultureInfo.InvariantCulture));

    private async Task<string> DownloadAsync(MessageStoreArchiveItem item, MessageStoreExportArchive archive, string basePath, int count, CancellationToken cancellationToken)
    {
        long received = 0;
        var options = new ContentDownloadOptions
        {
            // A working file, removed once unpacked: the files it holds get the sidecars.
            Sidecar = false,
            Overwrite = true,
            BytesWritten = n =>
            {
                received += n;
                Progressed?.Invoke(new MessageStoreExportProgress(
                    $"Archive {archive.Number} ({count} in all)",
                    $"{received} of {(archive.Size?.ToString(CultureInfo.InvariantCulture) ?? "?")} bytes",
                    archive.Size is > 0 ? (int)Math.Min(100, received * 100 / archive.Size.Value) : null));
            },
        };
        using var download = new ContentDownload(_core, archive.Uri, basePath, item, options);
        var file = await download.RunAsync(_events, cancellationToken).ConfigureAwait(false);
        _events.Verbose($"Archive {archive.Number}: {file.Bytes} bytes, SHA-256 {file.Sha256}.");
        if (archive.Size is long listed && listed != file.Bytes)
        {
            throw new MessageStoreArchiveException($"{item.Identity.Capitalized()} has {file.Bytes} bytes; the archive list says {listed}. Nothing of it was unpacked.");
        }

        return file.Path;
    }

    private async Task UnpackAsync(string zipPath, string what, MessageStoreExportArchive archive, MessageStoreLayout layout, Action<MessageDownload> emit, CancellationToken cancellationToken)
    {
        using var zip = MessageStoreZip.Open(zipPath, what);
        var entries = MessageStoreZip.Entries(zip);
        foreach (var entry in entries.Where(e => e.Kind == MessageStoreZipEntryKind.Refused))
        {
            _events.Warning($"'{entry.Name}' in {what} is refused: {entry.Reason}. Nothing is written for it.");
        }

        foreach (var entry in entries.Where(e => e.Kind == MessageStoreZipEntryKind.Unknown))
        {
            _events.Warning($"'{entry.Name}' in {what} is left out: {entry.Reason}.");
        }

        foreach (var entry in entries.Where(e => e.Kind == MessageStoreZipEntryKind.MessageList))
        {
            var file = layout.AddMessageList(entry, what);
            _events.Verbose($"Messages of extension {entry.ExtensionId}: '{file}'.");
        }

        var contentUri = UrlText.Of(archive.Uri);
        foreach (var entry in entries.Where(e => e.Kind == MessageStoreZipEntryKind.Attachment))
        {
            emit(await layout.AddAttachmentAsync(entry, what, contentUri, cancellationToken).ConfigureAwait(false));
        }
    }

    private void RemoveLeftovers(string work)
    {
        foreach (var file in Directory.GetFiles(work))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > s_leftoverAge && !ContentFileGuard.IsLink(file))
            {
                _events.Verbose($"Removing '{Path.GetFileName(file)}', left by an earlier export that did not finish.");
                ContentFileGuard.DeleteQuietly(file);
            }
        }
    }

    private static void TryRemoveEmpty(string work)
    {
        try
        {
            if (!Directory.EnumerateFileSystemEntries(work).Any())
            {
                Directory.Delete(work);
            }
        }
        catch (IOException)
        {
            // Another run is using it.
        }
    }

    private static string Minutes(TimeSpan t) => t.TotalMinutes >= 1 ? $"{t.TotalMinutes:0.#} min" : $"{t.TotalSeconds:0} s";
}
