using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Export.Recordings;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Remove-RcRecording: deletes recordings on RingCentral, 100 per request, and only those whose
/// local copy verifies against the hash recorded at download (its sidecar's, and the given Sha256),
/// once as each input arrives and again right before its request. An input whose Status says it is
/// not good is refused whatever its file holds. Anything else is refused and never sent;
/// -SkipVerification is the only way around the check of the file.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "RcRecording", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(RecordingRemoval))]
public sealed class RemoveRcRecordingCommand : RcCmdlet
{
    /// <summary>The Status values of inputs that may be deleted: a verified archive entry, a saved or skipped manifest row.</summary>
    private static readonly HashSet<string> s_deletableStatuses = new(StringComparer.OrdinalIgnoreCase)
    {
        RecordingArchiveVerifier.Ok, "Downloaded", "Skipped",
    };

    private readonly List<PendingDelete> _pending = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "Recording ids.")]
    [ValidateNotNullOrEmpty]
    [ValidatePattern(InputPatterns.Id)]
    public string[] RecordingId { get; set; } = Array.Empty<string>();

    /// <summary>The local copy to verify (a RecordingDownload's or RecordingArchiveEntry's Path).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Path { get; set; }

    /// <summary>The hash recorded at download (a manifest row's or an archive entry's Sha256); must agree with the sidecar's.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Sha256 { get; set; }

    /// <summary>The piped row's own verdict (Save-RcRecording's or Test-RcRecordingArchive's): anything but Ok, Downloaded or Skipped is refused.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Status { get; set; }

    /// <summary>Deletes without checking any local copy: for recordings meant to be discarded.</summary>
    [Parameter]
    public SwitchParameter SkipVerification { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    // The connection is looked up in the begin step, so a missing one is reported even when no input arrives.
    protected override void BeginProcessing() => _ = Session;

    protected override void ProcessRecord()
    {
        if (RecordingId.Length > 1 && (!string.IsNullOrEmpty(Path) || !string.IsNullOrEmpty(Sha256)))
        {
            ThrowInvalidArgument(new ArgumentException("-Path and -Sha256 describe one recording; give one -RecordingId with them (or pipe the rows).", nameof(RecordingId)), RecordingId);
        }

        foreach (var id in RecordingId)
        {
            if (!_seen.Add(id))
            {
                continue;
            }

            var path = string.IsNullOrEmpty(Path) ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (!string.IsNullOrEmpty(Status) && !s_deletableStatuses.Contains(Status!))
            {
                // The row itself says its copy is bad (Corrupt, Missing, Failed, ...): no later check may overrule that.
                Refuse(id, path, $"its Status is {Status}; only Ok, Downloaded or Skipped rows are deleted.");
                continue;
            }

            string? verifiedSha256 = null;
            if (!SkipVerification)
            {
                var check = path is null ? null : RecordingArchiveVerifier.CheckFile(path, id, null, string.IsNullOrEmpty(Sha256) ? null : Sha256, null);
                if (check?.Status != RecordingArchiveVerifier.Ok)
                {
                    Refuse(id, path, check is null ? "No local copy given (Path); nothing to verify. Use -SkipVerification to delete recordings you mean to discard." : $"{check.Status}: {check.Detail}");
                    continue;
                }

                verifiedSha256 = check.Sha256;
            }

            var what = SkipVerification ? "Delete the recording on RingCentral (not verified: -SkipVerification)" : $"Delete the recording on RingCentral (local copy verified: {path})";
            if (ShouldDelete(id, what))
            {
                _pending.Add(new PendingDelete(id, path, verifiedSha256));
                if (_pending.Count == RecordingApi.MaxDeleteIds)
                {
                    Flush();
                }
            }
        }
    }

    protected override void EndProcessing() => Flush();

    /// <summary>
    /// ShouldProcess, but a host that cannot ask (cron or a scheduled task: no console, stdin at its
    /// end; pwsh -NonInteractive) is one clear terminating error that says what to pass, instead
    /// of the host's own failure ("Object reference not set…"). Nothing is deleted then.
    /// </summary>
    private bool ShouldDelete(string id, string what)
    {
        try
        {
            return ShouldProcess(id, what);
        }
        catch (Exception ex) when (ex is NullReferenceException or InvalidOperationException or System.Management.Automation.Host.HostException)
        {
            _pending.Clear();
            var error = new InvalidOperationException(
                "Remove-RcRecording asks before it deletes, and this host cannot ask (no interactive console: a scheduled task, cron, or pwsh -NonInteractive). " +
                "Pass -Confirm:$false to delete without asking, or -WhatIf to see what would be deleted. Nothing was deleted.", ex);
            ThrowTerminatingError(new ErrorRecord(error, ErrorIds.ConfirmationNotPossible, ErrorCategory.InvalidOperation, id));
            return false;
        }
    }

    private void Refuse(string id, string? path, string reason)
    {
        WriteError(new ErrorRecord(new InvalidOperationException($"Recording {id} is not deleted: {reason}"), ErrorIds.RecordingVerificationFailed, ErrorCategory.InvalidData, id));
        Emit(id, path, "Refused", reason);
    }

    /// <summary>
    /// Sends what is pending, after hashing each verified file once more: between the first check
    /// and the request a file may be overwritten at the same size, replaced by a link, or removed.
    /// </summary>
    private void Flush()
    {
        var batch = new List<PendingDelete>();
        foreach (var item in _pending)
        {
            if (item.VerifiedSha256 is { } verified && !string.Equals(RecordingArchiveVerifier.TrySha256Of(item.Path!), verified, StringComparison.Ordinal))
            {
                Refuse(item.Id, item.Path, "the local copy changed or disappeared after it was verified (its SHA-256 is no longer the one recorded at download).");
            }
            else
            {
                batch.Add(item);
            }
        }

        _pending.Clear();
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            Run(ct => Recordings.DeleteAsync(batch.Select(b => b.Id).ToList(), RcEvents, ct));
            batch.ForEach(b => Deleted(b.Id, b.Path));
        }
        catch (RcApiException ex) when (ex.Kind == RcErrorKind.NotFound && batch.Count > 1)
        {
            // RingCentral refuses the whole request for one unknown id: find it by asking one at a time.
            WriteVerbose($"RingCentral did not find a recording of a batch of {batch.Count}; deleting them one by one.");
            foreach (var item in batch)
            {
                try
                {
                    Run(ct => Recordings.DeleteAsync(new[] { item.Id }, RcEvents, ct));
                    Deleted(item.Id, item.Path);
                }
                catch (RcApiException single)
                {
                    Failed(new[] { item }, single);
                }
            }
        }
        catch (RcApiException ex)
        {
            Failed(batch, ex);
        }
    }

    private void Deleted(string id, string? path)
    {
        WriteVerbose($"Recording {id}: deleted on RingCentral.");
        Emit(id, path, "Deleted", null);
    }

    private void Failed(IReadOnlyList<PendingDelete> items, RcApiException error)
    {
        foreach (var item in items)
        {
            Emit(item.Id, item.Path, "Failed", error.Message);
        }

        var target = items.Count == 1 ? items[0].Id : string.Join(",", items.Select(i => i.Id));
        if (ErrorIds.AppliesToEveryId(error.Kind))
        {
            ThrowTerminating(error, target, ErrorIds.RecordingNotFound);
        }

        WriteError(ErrorIds.Record(error, target, ErrorIds.RecordingNotFound));
    }

    private void Emit(string id, string? path, string status, string? error)
    {
        if (PassThru)
        {
            WriteObject(new RecordingRemoval { RecordingId = id, Path = path, Status = status, Error = error });
        }
    }

    /// <summary>A recording waiting for its batch, with the hash its file had when it was verified (null with -SkipVerification).</summary>
    private sealed class PendingDelete
    {
        public PendingDelete(string id, string? path, string? verifiedSha256)
        {
            Id = id;
            Path = path;
            VerifiedSha256 = verifiedSha256;
        }

        public string Id { get; }

        public string? Path { get; }

        public string? VerifiedSha256 { get; }
    }
}
