using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Save-RcRecording: downloads recording content to disk, up to -ThrottleLimit at a time. Downloads
/// start as input arrives; workers never write to the pipeline: they post their result, and the
/// pipeline thread writes it (between inputs, and while waiting at the end).
/// </summary>
[Cmdlet(VerbsData.Save, "RcRecording", SupportsShouldProcess = true, DefaultParameterSetName = GetRcRecordingCommand.InputSet)]
[OutputType(typeof(RecordingDownload))]
public sealed class SaveRcRecordingCommand : RcCmdlet
{
    private const int ProgressId = 0x5253;
    private static readonly long s_progressInterval = TimeSpan.FromMilliseconds(300).Ticks;

    private readonly List<Task> _running = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private RecordingFileNamer? _namer;
    private RecordingApi? _api;
    private IRcEvents? _events;
    private SemaphoreSlim? _slots;
    private CancellationTokenSource? _abort;
    private string _directory = string.Empty;
    private bool _directoryReady;
    private int _submitted;
    private int _finished;
    private int _skipped;
    private int _failed;
    private long _bytes;
    private long _lastProgress;

    /// <summary>Recording ids (not call log record ids). No alias Id: a record's Id must never bind here.</summary>
    [Parameter(ParameterSetName = GetRcRecordingCommand.IdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "Recording ids.")]
    [ValidateNotNullOrEmpty]
    [ValidatePattern(RecordingInput.IdPattern)]
    public string[] RecordingId { get; set; } = Array.Empty<string>();

    /// <summary>CallLogRecord or RecordingInfo objects (records without a recording are skipped).</summary>
    [Parameter(ParameterSetName = GetRcRecordingCommand.InputSet, Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject? InputObject { get; set; }

    /// <summary>Target directory; default the current file-system location. Created when missing.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? FileNameTemplate { get; set; }

    /// <summary>Download again even when the final file exists.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 4;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        _directory = Path is null
            ? SessionState.Path.CurrentFileSystemLocation.ProviderPath
            : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (File.Exists(_directory))
        {
            ThrowInvalidArgument(new ArgumentException($"-Path '{_directory}' is a file; Save-RcRecording needs a directory (it is created when missing).", nameof(Path)), Path);
        }

        try
        {
            _namer = new RecordingFileNamer(_directory, FileNameTemplate);
        }
        catch (ArgumentException ex)
        {
            ThrowInvalidArgument(ex, FileNameTemplate);
        }

        _api = new RecordingApi(RequireConnection().Session.Core);

        _events = RcEvents;
        _slots = new SemaphoreSlim(ThrottleLimit, ThrottleLimit);
        _abort = CancellationTokenSource.CreateLinkedTokenSource(StopToken);
    }

    protected override void ProcessRecord()
    {
        foreach (var input in GetRcRecordingCommand.Inputs(this, RecordingId, InputObject))
        {
            if (input.SkipReason is not null)
            {
                WriteVerbose(input.SkipReason);
            }
            else if (input.Error is not null)
            {
                WriteError(new ErrorRecord(input.Error, "InvalidArgument" + input.Error.ParamName, ErrorCategory.InvalidArgument, InputObject));
            }
            else
            {
                Submit(input.Target!);
            }
        }

        Pump.Drain();
    }

    protected override void EndProcessing()
    {
        Run(_ => Task.WhenAll(_running.ToArray()));
        WriteVerbose($"Recordings: {_submitted - _failed} downloaded, {_skipped} skipped, {_failed} failed; {_bytes} bytes.");
        WriteProgress(new ProgressRecord(ProgressId, "Saving recordings", "Done") { RecordType = ProgressRecordType.Completed });
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Stopped or failed mid-way: end the workers so every .partial is closed before we return.
            _abort?.Cancel();
            try
            {
                Task.WaitAll(_running.ToArray(), TimeSpan.FromSeconds(10));
            }
            catch (AggregateException)
            {
                // Cancelled downloads: their .partial files stay for the next run.
            }

            _abort?.Dispose();
            _slots?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Submit(RecordingTarget target)
    {
        var id = target.RecordingId;
        if (!_seen.Add(id))
        {
            WriteVerbose($"Recording {id} came twice; it is handled once.");
            return;
        }

        string basePath;
        try
        {
            basePath = _namer!.ReserveBasePath(target.Values);
        }
        catch (InvalidOperationException ex)
        {
            WriteError(new ErrorRecord(ex, "RecordingFileNameUnsafe", ErrorCategory.InvalidData, id));
            return;
        }

        if (!Force && RecordingContentDownload.ExistingFinal(basePath) is { } existing)
        {
            _skipped++;
            WriteVerbose($"Recording {id}: '{existing}' exists; skipped (use -Force to download again).");
            Emit(new RecordingDownload
            {
                RecordingId = id,
                CallLogId = target.CallLogId,
                Path = existing,
                Bytes = new FileInfo(existing).Length,
                ContentType = ContentTypeOf(existing),
                Status = "Skipped",
            });
            return;
        }

        var shown = basePath + (target.ContentType is null ? ".*" : RecordingFileNamer.ExtensionFor(target.ContentType));
        if (!ShouldProcess(shown, $"Download recording {id}"))
        {
            return;
        }

        EnsureDirectory();
        WaitForRoom();
        _submitted++;
        var token = _abort!.Token;
        _running.Add(Task.Run(() => DownloadAsync(target, basePath, token)));
        WriteProgressNow();
    }

    private void EnsureDirectory()
    {
        if (!_directoryReady)
        {
            Directory.CreateDirectory(_directory);
            _directoryReady = true;
        }
    }

    /// <summary>Keeps a bounded number of downloads queued: input is read only as fast as downloads go.</summary>
    private void WaitForRoom()
    {
        _running.RemoveAll(t => t.IsCompleted);
        while (_running.Count >= ThrottleLimit * 2)
        {
            Run(_ => Task.WhenAny(_running.ToArray()));
            if (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }

            _running.RemoveAll(t => t.IsCompleted);
        }
    }

    /// <summary>One download, on a worker thread. Its outcome goes back to the pipeline thread through the pump.</summary>
    private async Task DownloadAsync(RecordingTarget target, string basePath, CancellationToken cancellationToken)
    {
        var id = target.RecordingId;
        RecordingDownload result;
        ErrorRecord? error = null;
        await _slots!.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var contentUri = target.ContentUri;
            var contentType = target.ContentType;
            if (contentUri is null)
            {
                var info = await _api!.GetAsync(id, _events!, cancellationToken).ConfigureAwait(false);
                contentUri = info.ContentUri;
                contentType = info.ContentType;
            }

            var uri = RecordingApi.ContentUri(id, contentUri);
            var file = await _api!.DownloadAsync(uri, basePath, contentType, Force, AddBytes, _events!, cancellationToken).ConfigureAwait(false);
            result = Outcome(target, "Downloaded", file.Path, file.Bytes, file.ContentType ?? contentType, null);
        }
        catch (RcApiException ex)
        {
            error = ErrorIds.Record(ex, id, ErrorIds.RecordingNotFound);
            result = Outcome(target, "Failed", null, 0, target.ContentType, ex.Message);
        }
        catch (Exception ex) when (ex is RecordingFileException or IOException or UnauthorizedAccessException && !cancellationToken.IsCancellationRequested)
        {
            error = new ErrorRecord(ex, "RecordingFileWriteFailed", ErrorCategory.WriteError, id);
            result = Outcome(target, "Failed", null, 0, target.ContentType, ex.Message);
        }
        finally
        {
            _slots.Release();
        }

        Pump.Post(() => Finish(result, error));
    }

    private static RecordingDownload Outcome(RecordingTarget target, string status, string? path, long bytes, string? contentType, string? error) => new()
    {
        RecordingId = target.RecordingId,
        CallLogId = target.CallLogId,
        Path = path,
        Bytes = bytes,
        ContentType = contentType,
        Status = status,
        Error = error,
    };

    /// <summary>On the pipeline thread: one download ended.</summary>
    private void Finish(RecordingDownload result, ErrorRecord? error)
    {
        _finished++;
        if (error is not null)
        {
            _failed++;
            WriteError(error);
        }
        else
        {
            WriteVerbose($"Recording {result.RecordingId}: saved {result.Bytes} bytes to '{result.Path}'.");
        }

        Emit(result);
        WriteProgressNow();
    }

    private void Emit(RecordingDownload result)
    {
        if (PassThru)
        {
            WriteObject(result);
        }
    }

    /// <summary>From worker threads: counts bytes and asks the pipeline thread for a progress line now and then.</summary>
    private void AddBytes(long count)
    {
        Interlocked.Add(ref _bytes, count);
        var now = DateTime.UtcNow.Ticks;
        var last = Interlocked.Read(ref _lastProgress);
        if (now - last >= s_progressInterval && Interlocked.CompareExchange(ref _lastProgress, now, last) == last)
        {
            Pump.Post(WriteProgressNow);
        }
    }

    private void WriteProgressNow()
    {
        var bytes = Interlocked.Read(ref _bytes);
        var status = string.Format(CultureInfo.InvariantCulture, "{0} of {1} downloads done, {2} skipped, {3:0.0} MB", _finished, _submitted, _skipped, bytes / 1048576.0);
        WriteProgress(new ProgressRecord(ProgressId, "Saving recordings", status)
        {
            PercentComplete = _submitted == 0 ? 0 : Math.Min(100, _finished * 100 / _submitted),
        });
    }

    private static string? ContentTypeOf(string path) => System.IO.Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".MP3" => "audio/mpeg",
        ".WAV" => "audio/wav",
        _ => null,
    };
}
