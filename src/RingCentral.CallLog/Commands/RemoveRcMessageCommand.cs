using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Export.Archive;
using RingCentral.CallLog.Client.Export.Content;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Remove-RcMessage: deletes messages on RingCentral only when every attachment the message has
/// there has a local copy that verifies against the hash recorded at download: checked as each row
/// arrives, the message's attachments read from RingCentral, and every file hashed once more right
/// before its DELETE. One bad attachment keeps the whole message. By default RingCentral's first
/// delete (the message can be restored for some days); -Purge deletes for good.
/// </summary>
/// <remarks>
/// A message's rows may come anywhere in the input (a folder's files are in path order, a manifest
/// in download order), so nothing is decided before the input ends.
/// </remarks>
[Cmdlet(VerbsCommon.Remove, "RcMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(MessageRemoval))]
public sealed class RemoveRcMessageCommand : RcCmdlet
{
    /// <summary>The Status values of rows that may be deleted: a verified archive entry, a saved or skipped manifest row.</summary>
    private static readonly HashSet<string> s_deletableStatuses = new(StringComparer.OrdinalIgnoreCase) { ContentArchiveVerifier.Ok, "Downloaded", "Skipped" };

    private static readonly Regex s_id = new(InputPatterns.Id, RegexOptions.CultureInvariant);

    private readonly Dictionary<string, MessageCopies> _messages = new(StringComparer.Ordinal);
    private readonly List<MessageCopies> _order = new();
    private MessageApi? _api;

    /// <summary>Message ids; rows of other kinds (Test-RcArchive's recordings) are passed over.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "Message ids.")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string[]? MessageId { get; set; }

    /// <summary>The attachment the row's file is a copy of.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? AttachmentId { get; set; }

    /// <summary>The local copy to verify (a MessageDownload's or RcArchiveEntry's Path).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Path { get; set; }

    /// <summary>The hash recorded at download; must agree with the sidecar's.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Sha256 { get; set; }

    /// <summary>The row's own verdict: anything but Ok, Downloaded or Skipped is refused.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Status { get; set; }

    /// <summary>An RcArchiveEntry's Kind: Recording rows are not messages and are passed over.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Kind { get; set; }

    /// <summary>The mailbox when the file's sidecar does not name it: an extension id, or '~' (the default) for your own.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidatePattern(InputPatterns.ExtensionId)]
    public string ExtensionId { get; set; } = "~";

    /// <summary>Delete for good (RingCentral's purge): the message cannot be restored.</summary>
    [Parameter]
    public SwitchParameter Purge { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing() => _api = Messages;

    protected override void ProcessRecord()
    {
        if (string.Equals(Kind, ArchiveVerifier.RecordingKind, StringComparison.OrdinalIgnoreCase))
        {
            WriteVerbose($"'{Path}' is a recording, not a message; passed over (Remove-RcRecording deletes recordings).");
            return;
        }

        var ids = (MessageId ?? Array.Empty<string>()).Where(i => !string.IsNullOrWhiteSpace(i)).ToArray();
        if (ids.Length == 0)
        {
            WriteError(ErrorIds.InvalidArgumentRecord(new ArgumentException($"-MessageId is empty{(Path is null ? string.Empty : $" for '{Path}'")}; nothing to delete.", nameof(MessageId)), Path));
            return;
        }

        if (ids.Length > 1 && (!string.IsNullOrEmpty(Path) || !string.IsNullOrEmpty(Sha256) || !string.IsNullOrEmpty(AttachmentId)))
        {
            ThrowInvalidArgument(new ArgumentException("-Path, -Sha256 and -AttachmentId describe one attachment of one message; give one -MessageId with them (or pipe the rows).", nameof(MessageId)), MessageId);
        }

        foreach (var id in ids)
        {
            if (!s_id.IsMatch(id))
            {
                WriteError(ErrorIds.InvalidArgumentRecord(new ArgumentException($"-MessageId '{id}' cannot be a message id (only letters, digits, '-' and '_').", nameof(MessageId)), id));
                continue;
            }

            Collect(id);
        }
    }

    protected override void EndProcessing()
    {
        foreach (var mailbox in _order.Where(m => m.Refusal is null).GroupBy(m => m.ExtensionId ?? ExtensionId))
        {
            foreach (var batch in Batches(mailbox.ToList()))
            {
                CheckAgainstServer(mailbox.Key, batch);
            }
        }

        foreach (var message in _order.Where(m => m.Refusal is not null && !m.Reported))
        {
            Refuse(message);
        }

        foreach (var mailbox in _order.Where(m => m.Confirmed).GroupBy(m => m.ExtensionId ?? ExtensionId))
        {
            foreach (var batch in Batches(mailbox.ToList()))
            {
                Delete(mailbox.Key, batch);
            }
        }
    }

    private static IEnumerable<List<MessageCopies>> Batches(List<MessageCopies> messages)
    {
        for (var i = 0; i < messages.Count; i += MessageApi.MaxBatchSize)
        {
            yield return messages.GetRange(i, Math.Min(MessageApi.MaxBatchSize, messages.Count - i));
        }
    }

    /// <summary>Checks one row's file as it arrives; any doubt marks its whole message refused.</summary>
    private void Collect(string id)
    {
        if (!_messages.TryGetValue(id, out var message))
        {
            message = new MessageCopies(id);
            _messages[id] = message;
            _order.Add(message);
        }

        var path = string.IsNullOrEmpty(Path) ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        var attachment = string.IsNullOrWhiteSpace(AttachmentId) ? null : AttachmentId!.Trim();
        if (!string.IsNullOrEmpty(Status) && !s_deletableStatuses.Contains(Status!))
        {
            // The row itself says its copy is bad (Corrupt, Missing, Failed, ...): no later check may overrule that.
            message.Refuse(path, $"attachment {attachment ?? "?"}'s Status is {Status}; only Ok, Downloaded or Skipped rows are deleted.");
            return;
        }

        if (path is null || attachment is null)
        {
            message.Refuse(path, "a row names no local copy (Path) or no AttachmentId; nothing to verify.");
            return;
        }

        var check = ArchiveVerifier.CheckFile(path, ContentIdentity.MessageAttachment(id, attachment), null, string.IsNullOrEmpty(Sha256) ? null : Sha256, null);
        if (check.Status != ContentArchiveVerifier.Ok)
        {
            message.Refuse(path, $"attachment {attachment}: {check.Status}: {check.Detail}");
            return;
        }

        message.ExtensionId ??= ArchiveVerifier.ExtensionIdOf(path);
        message.Copies[attachment] = new VerifiedCopy(path, check.ActualSha256!);
    }

    /// <summary>
    /// Reads the messages from RingCentral (50 per bulk request) to learn every attachment each has:
    /// a message is deleted only when each of them has a verified copy, and each is asked for once.
    /// </summary>
    private void CheckAgainstServer(string extensionId, List<MessageCopies> batch)
    {
        IReadOnlyList<MessageItem> items;
        try
        {
            items = Run(ct => _api!.GetByIdsAsync(extensionId, batch.Select(m => m.MessageId).ToList(), RcEvents, ct));
        }
        catch (RcApiException ex)
        {
            Failed(extensionId, batch, ex);
            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i];
            if (items[i].Error is { } error)
            {
                Failed(extensionId, new[] { message }, error);
                continue;
            }

            var server = items[i].Message!;
            if (server.Availability == "Purged" || (server.Availability == "Deleted" && !Purge))
            {
                // A second delete would purge a Deleted message: only -Purge may do that.
                WriteVerbose($"Message {message.MessageId} is already {server.Availability} on RingCentral; nothing sent.");
                Emit(message, extensionId, server.Availability, null);
                continue;
            }

            var unverified = server.Attachments.Where(a => !message.Copies.ContainsKey(a.Id)).ToList();
            if (unverified.Count > 0)
            {
                message.Refuse(null, string.Join("; ", unverified.Select(a => $"attachment {a.Id} ({a.Type}) has no verified local copy in the input")) + ".");
                continue;
            }

            var what = $"{(Purge ? "Purge (for good)" : "Delete (restorable for some days)")} the message on RingCentral; {message.Copies.Count} attachment copies verified: {message.PathText}";
            message.Confirmed = ShouldDelete(message.MessageId, what);
        }
    }

    /// <summary>Hashes each verified file once more, then sends what still verifies; a message with one changed file is refused whole.</summary>
    private void Delete(string extensionId, List<MessageCopies> batch)
    {
        var ready = new List<MessageCopies>();
        foreach (var message in batch)
        {
            var changed = message.Copies.FirstOrDefault(c => !string.Equals(ArchiveVerifier.TrySha256Of(c.Value.Path), c.Value.Sha256, StringComparison.Ordinal));
            if (changed.Value is not null)
            {
                message.Refuse(changed.Value.Path, $"attachment {changed.Key}'s local copy changed or disappeared after it was verified (its SHA-256 is no longer the one recorded at download).");
                Refuse(message);
            }
            else
            {
                ready.Add(message);
            }
        }

        if (ready.Count == 0)
        {
            return;
        }

        try
        {
            Run(ct => _api!.DeleteAsync(extensionId, ready.Select(m => m.MessageId).ToList(), Purge, RcEvents, ct));
            ready.ForEach(m => Deleted(extensionId, m));
        }
        catch (RcApiException ex) when (ex.Kind == RcErrorKind.NotFound && ready.Count > 1)
        {
            // RingCentral refuses the whole request for one unknown id: find it by asking one at a time.
            WriteVerbose($"RingCentral did not find a message of a batch of {ready.Count}; deleting them one by one.");
            foreach (var message in ready)
            {
                try
                {
                    Run(ct => _api!.DeleteAsync(extensionId, new[] { message.MessageId }, Purge, RcEvents, ct));
                    Deleted(extensionId, message);
                }
                catch (RcApiException single)
                {
                    Failed(extensionId, new[] { message }, single);
                }
            }
        }
        catch (RcApiException ex)
        {
            Failed(extensionId, ready, ex);
        }
    }

    /// <summary>ShouldProcess; a host that cannot ask is one clear terminating error, and nothing is deleted.</summary>
    private bool ShouldDelete(string id, string what)
    {
        try
        {
            return ShouldProcess(id, what);
        }
        catch (Exception ex) when (ex is NullReferenceException or InvalidOperationException or System.Management.Automation.Host.HostException)
        {
            var error = new InvalidOperationException(
                "Remove-RcMessage asks before it deletes, and this host cannot ask (no interactive console: a scheduled task, cron, or pwsh -NonInteractive). " +
                "Pass -Confirm:$false to delete without asking, or -WhatIf to see what would be deleted. Nothing was deleted.", ex);
            ThrowTerminatingError(new ErrorRecord(error, ErrorIds.ConfirmationNotPossible, ErrorCategory.InvalidOperation, id));
            return false;
        }
    }

    private void Refuse(MessageCopies message)
    {
        message.Reported = true;
        WriteError(new ErrorRecord(new InvalidOperationException($"Message {message.MessageId} is not deleted: {message.Refusal}"), ErrorIds.MessageVerificationFailed, ErrorCategory.InvalidData, message.MessageId));
        Emit(message, message.ExtensionId ?? ExtensionId, "Refused", message.Refusal);
    }

    private void Deleted(string extensionId, MessageCopies message)
    {
        var status = Purge ? "Purged" : "Deleted";
        WriteVerbose($"Message {message.MessageId}: {status.ToLowerInvariant()} on RingCentral.");
        Emit(message, extensionId, status, null);
    }

    private void Failed(string extensionId, IReadOnlyList<MessageCopies> messages, RcApiException error)
    {
        foreach (var message in messages)
        {
            message.Reported = true;
            Emit(message, extensionId, "Failed", error.Message);
        }

        var target = messages.Count == 1 ? messages[0].MessageId : string.Join(",", messages.Select(m => m.MessageId));
        if (ErrorIds.AppliesToEveryId(error.Kind) && error.Remedy != RcRemedy.ExportMessageStore)
        {
            ThrowTerminating(error, target, ErrorIds.MessageNotFound);
        }

        WriteError(ErrorIds.Record(error, target, ErrorIds.MessageNotFound));
    }

    private void Emit(MessageCopies message, string extensionId, string status, string? error)
    {
        if (PassThru)
        {
            WriteObject(new MessageRemoval { MessageId = message.MessageId, ExtensionId = extensionId, Paths = message.PathText, Status = status, Error = error });
        }
    }

    /// <summary>One message's rows: the copies that verified, or why the message is refused.</summary>
    private sealed class MessageCopies
    {
        public MessageCopies(string messageId)
        {
            MessageId = messageId;
        }

        public string MessageId { get; }

        /// <summary>From a sidecar; else the cmdlet's -ExtensionId.</summary>
        public string? ExtensionId { get; set; }

        public Dictionary<string, VerifiedCopy> Copies { get; } = new(StringComparer.Ordinal);

        public string? Refusal { get; private set; }

        public string? RefusedPath { get; private set; }

        public bool Confirmed { get; set; }

        public bool Reported { get; set; }

        public string? PathText => RefusedPath ?? (Copies.Count == 0 ? null : string.Join("; ", Copies.Select(c => c.Key + "=" + c.Value.Path)));

        /// <summary>The first reason wins; a refused message is never deleted.</summary>
        public void Refuse(string? path, string reason)
        {
            Refusal ??= reason;
            RefusedPath ??= path;
            Confirmed = false;
        }
    }

    private sealed class VerifiedCopy
    {
        public VerifiedCopy(string path, string sha256)
        {
            Path = path;
            Sha256 = sha256;
        }

        public string Path { get; }

        public string Sha256 { get; }
    }
}
