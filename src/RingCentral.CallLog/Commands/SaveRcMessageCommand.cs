using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Export.Messages;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Save-RcMessage: every attachment of each message (voicemail audio, its transcription, the fax
/// document) through the content engine, as Save-RcRecording saves recordings. Messages piped from
/// Get-RcMessage are saved as they are; ids, call log records and CSV rows are read first (50 per
/// bulk request). The workers never write to the pipeline: they post their outcome, and the
/// pipeline thread writes it.
/// </summary>
[Cmdlet(VerbsData.Save, "RcMessage", SupportsShouldProcess = true, DefaultParameterSetName = GetRcMessageCommand.InputSet)]
[OutputType(typeof(MessageDownload))]
public sealed class SaveRcMessageCommand : RcCmdlet
{
    private const int ProgressId = 0x534D;

    private readonly MailboxRefusals _refusals = new();
    private ContentDownloadQueue? _queue;
    private MessageBatchWriter? _batch;
    private readonly OutputFolder _folder = new();

    /// <summary>The mailbox of -MessageId, and of piped inputs that do not name theirs: an extension id, or '~' (the default) for your own.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidatePattern(InputPatterns.ExtensionId)]
    public string ExtensionId { get; set; } = "~";

    /// <summary>Message ids of the -ExtensionId mailbox (not call log record ids).</summary>
    [Parameter(ParameterSetName = GetRcMessageCommand.IdSet, Mandatory = true, Position = 0, HelpMessage = "Message ids.")]
    [ValidateNotNullOrEmpty]
    [ValidatePattern(InputPatterns.Id)]
    public string[] MessageId { get; set; } = Array.Empty<string>();

    /// <summary>RcMessage objects (Get-RcMessage), call log records or CSV rows with MessageId, or message id strings.</summary>
    [Parameter(ParameterSetName = GetRcMessageCommand.InputSet, Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject? InputObject { get; set; }

    /// <summary>Target directory; default the current file-system location. Created when missing.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? FileNameTemplate { get; set; }

    /// <summary>Download again even when this attachment's file exists.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

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
            ThrowInvalidArgument(new ArgumentException($"-Path '{directory}' is a file; Save-RcMessage needs a directory (it is created when missing).", nameof(Path)), Path);
        }

        ContentFileNamer? namer = null;
        try
        {
            namer = new ContentFileNamer(directory, FileNameTemplate, MessageAttachmentItem.FileNaming);
        }
        catch (ArgumentException ex)
        {
            ThrowInvalidArgument(new ArgumentException("-FileNameTemplate: " + ex.Message, nameof(FileNameTemplate), ex), FileNameTemplate);
        }

        var session = Session;
        // -WhatIf creates nothing.
        if (!IsWhatIfRun)
        {
            PrepareOutputFolder(_folder, directory, Path);
        }

        // The sidecar is what Remove-RcMessage and Test-RcArchive verify against: always written.
        var options = new ContentDownloadOptions { Overwrite = Force, Sidecar = true, ThrottleLimit = ThrottleLimit };
        _queue = new ContentDownloadQueue(session.Core, new MessageAttachmentSource(), namer!, options, RcEvents, () => Pump.Post(WriteProgressNow), StopToken);
        _batch = new MessageBatchWriter(this, session.Messages, _refusals, SubmitMessage);
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == GetRcMessageCommand.IdSet)
        {
            foreach (var id in MessageId)
            {
                _batch!.Add(ExtensionId, id, null);
            }
        }
        else if (InputObject?.BaseObject is RcMessage message)
        {
            // Get-RcMessage already read it: its attachments are saved without another request.
            SubmitMessage(message);
        }
        else if (InputObject is not null)
        {
            var input = MessageInput.From(InputObject);
            if (input.SkipReason is not null)
            {
                WriteVerbose(input.SkipReason);
            }
            else if (input.Error is not null)
            {
                // Refused input still gets its row, so a manifest accounts for every message it was given.
                WriteError(ErrorIds.InvalidArgumentRecord(input.Error, InputObject));
                Emit(_queue!.Refuse(new MessageAttachmentItem(new ContentNameValues { MessageId = input.MessageId, AttachmentId = string.Empty, CallLogId = input.CallLogId }), input.Error.Message).Row!);
            }
            else
            {
                _batch!.Add(input.ExtensionId ?? ExtensionId, input.MessageId, input.CallLogId);
            }
        }

        Pump.Drain();
    }

    protected override void EndProcessing()
    {
        _batch!.FlushAll();
        Run(_ => _queue!.WhenAllAsync());
        Pump.Drain();
        var queue = _queue!;
        WriteVerbose($"Message attachments: {queue.Downloaded} downloaded, {queue.Skipped} skipped, {queue.Failed} failed; {queue.Bytes} bytes.");
        WriteProgress(new ProgressRecord(ProgressId, "Saving messages", "Done") { RecordType = ProgressRecordType.Completed });
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

    /// <summary>On the pipeline thread: every attachment of one message goes to the queue.</summary>
    private void SubmitMessage(RcMessage message)
    {
        if (message.Attachments.Count == 0)
        {
            WriteVerbose($"Message {message.Id} has no attachments; nothing to save.");
            return;
        }

        if (message.Availability == "Purged")
        {
            WriteVerbose($"Message {message.Id} is Purged on RingCentral: its attachments are gone; nothing to save.");
            return;
        }

        foreach (var item in MessageRows.ItemsOf(message))
        {
            Submit(item);
        }
    }

    private void Submit(MessageAttachmentItem item)
    {
        var what = item.Identity.ToString();
        var plan = _queue!.Plan(item);
        switch (plan.Kind)
        {
            case ContentPlanKind.Duplicate:
                WriteVerbose($"Message {item.MessageId} attachment {item.AttachmentId} came twice; it is handled once.");
                return;
            case ContentPlanKind.Refuse:
                WriteError(new ErrorRecord(new InvalidOperationException(plan.Problem), ErrorIds.MessageFileNameUnsafe, ErrorCategory.InvalidData, what));
                Emit(plan.Row!);
                return;
            case ContentPlanKind.Skip:
                WriteVerbose($"Message {item.MessageId} attachment {item.AttachmentId}: '{plan.Row!.Path}' is this attachment's and exists; skipped (use -Force to download again).");
                Emit(plan.Row);
                return;
        }

        if (!ShouldProcess(plan.ShownPath, $"Download {what} ({item.AttachmentType})"))
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
        var row = MessageRows.ToDownload(outcome);
        var what = $"message {row.MessageId} attachment {row.AttachmentId}";
        if (error is RcApiException api)
        {
            WriteError(ErrorIds.Record(api, what, ErrorIds.MessageNotFound));
        }
        else if (error is not null)
        {
            WriteError(new ErrorRecord(error, ErrorIds.MessageFileWriteFailed, ErrorCategory.WriteError, what));
        }
        else if (row.Status == "Skipped")
        {
            WriteVerbose($"Message {row.MessageId} attachment {row.AttachmentId}: another run saved '{row.Path}' meanwhile; skipped.");
        }
        else
        {
            WriteVerbose($"Message {row.MessageId} attachment {row.AttachmentId}: saved {row.Bytes} bytes to '{row.Path}' (SHA-256 {row.Sha256}).");
        }

        Emit(outcome);
        WriteProgressNow();
    }

    private void Emit(ContentOutcome outcome)
    {
        if (PassThru)
        {
            WriteObject(MessageRows.ToDownload(outcome));
        }
    }

    private void WriteProgressNow()
    {
        var queue = _queue!;
        var status = string.Format(CultureInfo.InvariantCulture, "{0} of {1} downloads done, {2} skipped, {3:0.0} MB", queue.Finished, queue.Submitted, queue.Skipped, queue.Bytes / 1048576.0);
        WriteProgress(new ProgressRecord(ProgressId, "Saving messages", status)
        {
            PercentComplete = queue.Submitted == 0 ? 0 : Math.Min(100, queue.Finished * 100 / queue.Submitted),
        });
    }
}
