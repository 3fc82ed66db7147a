using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Export.Content;
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

    private ContentDownloadQueue? _queue;
    private RecordingRetention? _retention;
    private readonly OutputFolder _folder = new();

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

        // -WhatIf creates nothing.
        if (!IsWhatIfRun)
        {
            PrepareOutputFolder(_folder, directory, Path);
        }

        ContentFileNamer? namer = null;
        try
        {
            namer = new ContentFileNamer(directory, FileNameTemplate, RecordingTarget.FileNaming);
        }
        catch (ArgumentException ex)
        {
            ThrowInvalidArgument(new ArgumentException("-FileNameTemplate: " + ex.Message, nameof(FileNameTemplate), ex), FileNameTemplate);
        }

        var api = Recordings;
        var options = new ContentDownloadOptions { Overwrite = Force, Sidecar = !NoSidecar, ThrottleLimit = ThrottleLimit };
        _queue = new ContentDownloadQueue(Session.Core, new RecordingContentSource(api), namer!, options, RcEvents, () => Pump.Post(WriteProgressNow), StopToken);
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
                Emit(_queue!.Refuse(new RecordingTarget(new ContentNameValues { RecordingId = input.RefusedId ?? string.Empty, CallLogId = input.CallLogId }), input.Error.Message).Row!);
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
        _folder.Complete();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Stopped or failed mid-way: end the workers so every .partial is closed before we return.
            _queue?.Dispose();
            _folder.RemoveIfUnused();
        }

        base.Dispose(disposing);
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
            case ContentPlanKind.Duplicate:
                WriteVerbose($"Recording {target.RecordingId} came twice; it is handled once.");
                return;
            case ContentPlanKind.Refuse:
                WriteError(new ErrorRecord(new InvalidOperationException(plan.Problem), ErrorIds.RecordingFileNameUnsafe, ErrorCategory.InvalidData, target.RecordingId));
                Emit(plan.Row!);
                return;
            case ContentPlanKind.Skip:
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
    private void Finish(ContentOutcome outcome, Exception? error)
    {
        var row = RecordingRows.ToDownload(outcome);
        if (error is RcApiException api)
        {
            WriteError(ErrorIds.Record(api, row.RecordingId, ErrorIds.RecordingNotFound));
        }
        else if (error is not null)
        {
            WriteError(new ErrorRecord(error, ErrorIds.RecordingFileWriteFailed, ErrorCategory.WriteError, row.RecordingId));
        }
        else if (row.Status == "Skipped")
        {
            WriteVerbose($"Recording {row.RecordingId}: another run saved '{row.Path}' meanwhile; skipped.");
        }
        else
        {
            WriteVerbose($"Recording {row.RecordingId}: saved {row.Bytes} bytes to '{row.Path}' (SHA-256 {row.Sha256}).");
        }

        Emit(outcome);
        WriteProgressNow();
    }

    private void Emit(ContentOutcome outcome)
    {
        if (PassThru)
        {
            WriteObject(RecordingRows.ToDownload(outcome));
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
