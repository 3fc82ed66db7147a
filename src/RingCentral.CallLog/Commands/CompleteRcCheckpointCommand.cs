using System;
using System.IO;
using System.Management.Automation;
using RingCentral.CallLog.Client.Export.Checkpoints;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Complete-RcCheckpoint: moves a checkpoint to the state its last run left pending, after the
/// consumer has stored that run's rows. Get-RcCallLog cannot do this itself: it ends before the
/// next command of its pipeline has flushed, so only the script knows when the rows are safe.
/// </summary>
[Cmdlet(VerbsLifecycle.Complete, "RcCheckpoint", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(void))]
public sealed class CompleteRcCheckpointCommand : PSCmdlet
{
    /// <summary>The checkpoint file given to Get-RcCallLog -Checkpoint (not the .pending file).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    protected override void EndProcessing()
    {
        var path = GetUnresolvedProviderPathFromPSPath(Path);
        if (Directory.Exists(path))
        {
            Refuse(new ArgumentException($"-Path '{path}' is a folder; give the checkpoint file that Get-RcCallLog -Checkpoint was given.", nameof(Path)), ErrorIds.InvalidArgument(nameof(Path)), ErrorCategory.InvalidArgument, path);
        }

        using var completion = Prepare(path);
        var from = completion.Committed is null ? "no checkpoint yet" : $"{completion.Committed.HighWaterMark:o}";
        var action = $"Complete the pending run: move the checkpoint from {from} to {completion.Pending.HighWaterMark:o} ({completion.Pending.EntryCount} records of the change window remembered)";
        if (!ShouldProcess(path, action))
        {
            return;
        }

        completion.Promote();
        WriteVerbose($"Checkpoint '{path}' now at {completion.Pending.HighWaterMark:o}.");
    }

    private CheckpointCompletion Prepare(string path)
    {
        try
        {
            return CheckpointCompletion.Prepare(path);
        }
        catch (CheckpointInUseException ex)
        {
            Refuse(ex, ErrorIds.CheckpointInUse, ErrorCategory.ResourceBusy, path);
        }
        catch (FileNotFoundException ex)
        {
            Refuse(new FileNotFoundException($"-Path: {ex.Message}", ex.FileName, ex), ErrorIds.CheckpointNotPending, ErrorCategory.ObjectNotFound, path);
        }
        catch (InvalidDataException ex)
        {
            Refuse(new InvalidDataException($"-Path: {ex.Message}", ex), ErrorIds.CheckpointInvalid, ErrorCategory.InvalidData, path);
        }
        catch (CheckpointMismatchException ex)
        {
            Refuse(new CheckpointMismatchException($"-Path: {ex.Message}", ex), ErrorIds.CheckpointMismatch, ErrorCategory.InvalidData, path);
        }

        throw new InvalidOperationException("unreachable");
    }

    private void Refuse(Exception exception, string errorId, ErrorCategory category, string path) =>
        ThrowTerminatingError(new ErrorRecord(exception, errorId, category, path));
}
