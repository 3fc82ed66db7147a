using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Export.Recordings;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Save-RcRecording: parameters, -WhatIf/-Confirm, output and progress. The work (names, skip and
/// resume, parallel downloads, counts) is RecordingDownloadQueue's; its workers never write to the
/// pipeline: they post their outcome, and the pipeline thread writes it.
/// </summary>
[Cmdlet(VerbsData.Save, "RcRecording", SupportsShouldProcess = true, DefaultParameterSetName = InputSet)]
[OutputType(typeof(RecordingDownload))]
public sealed class SaveRcRecordingCommand : RecordingInputCmdlet
{
    private const int ProgressId = 0x5253;

    private RecordingDownloadQueue? _queue;
    private RecordingRetention? _retention;
    private string? _createdDirectory;
    private bool _completed;

    /// <summary>Target directory; default the current file-system location. Created when missing.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? FileNameTemplate { get; set; }

    /// <summary>Download again even when this recording's file exists.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Write no "&lt;recording file&gt;.json" sidecar.</summary>
    [Parameter]
    public SwitchParameter NoSidecar { get; set; }

    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 4;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        var directory = Path is null
            ? SessionState.Path.CurrentFileSystemLocation.ProviderPath
            : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (File.Exists(directory))
        {
            ThrowInvalidArgument(new ArgumentException($"-Path '{directory}' is a file; Save-RcRecording needs a directory (it is created when missing).", nameof(Path)), Path);
        }

        PrepareDirectory(directory);

        RecordingFileNamer? namer = null;
        try
        {
            namer = new RecordingFileNamer(directory, FileNameTemplate);
        }
        catch (ArgumentException ex)
        {
            ThrowInvalidArgument(new ArgumentException("-FileNameTemplate: " + ex.Message, nameof(FileNameTemplate), ex), FileNameTemplate);
        }

        var api = Recordings;
        var options = new RecordingDownloadOptions { Overwrite = Force, Sidecar = !NoSidecar, ThrottleLimit = ThrottleLimit };
        _queue = new RecordingDownloadQueue(api, namer!, options, RcEvents, () => Pump.Post(WriteProgressNow), StopToken);
        _retention = new RecordingRetention(() => Run(ct => api.GetPolicyAsync(RcEvents, ct)), WriteVerbose);
    }

    protected override void ProcessRecord()
    {
        foreach (var input in Inputs())
        {
            if (input.SkipReason is not null)
            {
                WriteVerbose(input.SkipReason);
            }
            else if (input.Error is not null)
            {
                // Refused input still gets its row, so a manifest accounts for every recording it was given.
                WriteError(ErrorIds.InvalidArgumentRecord(input.Error, InputObject));
                Emit(_queue!.Refuse(new RecordingTarget(new RecordingNameValues { RecordingId = input.RefusedId ?? string.Empty, CallLogId = input.CallLogId }), input.Error.Message).Row!);
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
        Run(_ => _queue!.WhenAllAsync());
        var queue = _queue!;
        WriteVerbose($"Recordings: {queue.Downloaded} downloaded, {queue.Skipped} skipped, {queue.Failed} failed; {queue.Bytes} bytes.");
        WriteProgress(new ProgressRecord(ProgressId, "Saving recordings", "Done") { RecordType = ProgressRecordType.Completed });
        _completed = true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Stopped or failed mid-way: end the workers so every .partial is closed before we return.
            _queue?.Dispose();
            RemoveUnusedDirectory();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Creates -Path in the begin step, because the next command of the pipeline may open a file in
    /// it before the first download (Export-Csv (Join-Path $folder 'manifest.csv')). A place that
    /// cannot be written is one terminating error naming -Path, not one error per recording.
    /// -WhatIf creates nothing.
    /// </summary>
    private void PrepareDirectory(string directory)
    {
        var whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound) ? bound : SessionState.PSVariable.GetValue("WhatIfPreference");
        if (LanguagePrimitives.IsTrue(whatIf))
        {
            return;
        }

        try
        {
            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory);
                _createdDirectory = directory;
            }

            // Existing folders can still refuse files (read-only mount, permissions): find out now, once.
            var probe = System.IO.Path.Combine(directory, ".rc-write-test-" + Guid.NewGuid().ToString("N"));
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            RemoveUnusedDirectory();
            ThrowInvalidArgument(new ArgumentException($"-Path '{directory}' cannot be written: {ex.Message}", nameof(Path), ex), Path);
        }
    }

    /// <summary>A run that did not complete leaves no empty folder of its own making behind.</summary>
    private void RemoveUnusedDirectory()
    {
        if (_createdDirectory is null || _completed)
        {
            return;
        }

        try
        {
            if (Directory.Exists(_createdDirectory) && Directory.GetFileSystemEntries(_createdDirectory).Length == 0)
            {
                Directory.Delete(_createdDirectory);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a folder we cannot remove is only untidy.
        }

        _createdDirectory = null;
    }

    private void Submit(RecordingTarget target)
    {
        if (_retention!.Check(target.Values, DateTimeOffset.UtcNow) is { } warning)
        {
            WriteWarning(warning);
        }

        var plan = _queue!.Plan(target);
        switch (plan.Kind)
        {
            case RecordingPlanKind.Duplicate:
                WriteVerbose($"Recording {target.RecordingId} came twice; it is handled once.");
                return;
            case RecordingPlanKind.Refuse:
                WriteError(new ErrorRecord(new InvalidOperationException(plan.Problem), "RecordingFileNameUnsafe", ErrorCategory.InvalidData, target.RecordingId));
                Emit(plan.Row!);
                return;
            case RecordingPlanKind.Skip:
                WriteVerbose($"Recording {target.RecordingId}: '{plan.Row!.Path}' is this recording's and exists; skipped (use -Force to download again).");
                Emit(plan.Row);
                return;
        }

        if (!ShouldProcess(plan.ShownPath, $"Download recording {target.RecordingId}"))
        {
            return;
        }

        Run(ct => _queue.WhenRoomAsync(ct));
        _queue.Start(plan, (row, error) => Pump.Post(() => Finish(row, error)));
        WriteProgressNow();
    }

    /// <summary>On the pipeline thread: one download ended.</summary>
    private void Finish(RecordingDownload row, Exception? error)
    {
        if (error is RcApiException api)
        {
            WriteError(ErrorIds.Record(api, row.RecordingId, ErrorIds.RecordingNotFound));
        }
        else if (error is not null)
        {
            WriteError(new ErrorRecord(error, "RecordingFileWriteFailed", ErrorCategory.WriteError, row.RecordingId));
        }
        else if (row.Status == "Skipped")
        {
            WriteVerbose($"Recording {row.RecordingId}: another run saved '{row.Path}' meanwhile; skipped.");
        }
        else
        {
            WriteVerbose($"Recording {row.RecordingId}: saved {row.Bytes} bytes to '{row.Path}' (SHA-256 {row.Sha256}).");
        }

        Emit(row);
        WriteProgressNow();
    }

    private void Emit(RecordingDownload row)
    {
        if (PassThru)
        {
            WriteObject(row);
        }
    }

    private void WriteProgressNow()
    {
        var queue = _queue!;
        var status = string.Format(CultureInfo.InvariantCulture, "{0} of {1} downloads done, {2} skipped, {3:0.0} MB", queue.Finished, queue.Submitted, queue.Skipped, queue.Bytes / 1048576.0);
        WriteProgress(new ProgressRecord(ProgressId, "Saving recordings", status)
        {
            PercentComplete = queue.Submitted == 0 ? 0 : Math.Min(100, queue.Finished * 100 / queue.Submitted),
        });
    }
}
