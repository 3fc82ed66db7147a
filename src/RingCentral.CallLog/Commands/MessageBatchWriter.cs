using System.Collections.Generic;
using System.Linq;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Collects message ids per mailbox, fetches them 50 per bulk request, and writes the messages in
/// input order within each mailbox, each with the call it came from. One non-terminating error per
/// id that failed; one error per mailbox RingCentral refuses, after which that mailbox is not asked
/// again in this run. A failure that applies to every id ends the command.
/// </summary>
internal sealed class MessageBatchWriter
{
    private readonly RcCmdlet _cmdlet;
    private readonly MessageApi _api;
    private readonly MailboxRefusals _refusals;
    private readonly Dictionary<string, List<(string Id, string? CallLogId)>> _pending = new();
    private readonly HashSet<(string, string)> _seen = new();
    private readonly System.Action<RcMessage> _sink;

    // sink: where each fetched message goes (on the pipeline thread); default: written to the pipeline.
    public MessageBatchWriter(RcCmdlet cmdlet, MessageApi api, MailboxRefusals refusals, System.Action<RcMessage>? sink = null)
    {
        _cmdlet = cmdlet;
        _api = api;
        _refusals = refusals;
        _sink = sink ?? cmdlet.WriteObject;
    }

    public void Add(string extensionId, string messageId, string? callLogId)
    {
        if (_refusals.WasRefused(extensionId))
        {
            _cmdlet.WriteVerbose($"Message {messageId}: extension {extensionId}'s mailbox was refused earlier in this run; not asked again.");
            return;
        }

        if (!_seen.Add((extensionId, messageId)))
        {
            // Two calls (or a call and its leg) may link one message: it is fetched and written once.
            _cmdlet.WriteVerbose($"Message {messageId} of extension {extensionId} was already asked for in this run; not written twice.");
            return;
        }

        if (!_pending.TryGetValue(extensionId, out var list))
        {
            list = new List<(string, string?)>(MessageApi.MaxBatchSize);
            _pending[extensionId] = list;
        }

        list.Add((messageId, callLogId));
        if (list.Count == MessageApi.MaxBatchSize)
        {
            Flush(extensionId);
        }
    }

    public void FlushAll()
    {
        foreach (var extensionId in _pending.Keys.ToList())
        {
            Flush(extensionId);
        }
    }

    private void Flush(string extensionId)
    {
        if (!_pending.TryGetValue(extensionId, out var batch) || batch.Count == 0)
        {
            return;
        }

        _pending.Remove(extensionId);
        if (_refusals.WasRefused(extensionId))
        {
            return;
        }

        var ids = batch.Select(b => b.Id).ToList();
        IReadOnlyList<MessageItem> items;
        try
        {
            items = _cmdlet.Run(ct => _api.GetByIdsAsync(extensionId, ids, _cmdlet.RcEvents, ct));
        }
        catch (RcApiException ex) when (ex.Remedy == RcRemedy.ExportMessageStore)
        {
            Refused(ex, extensionId);
            return;
        }
        catch (RcApiException ex) when (ErrorIds.AppliesToEveryId(ex.Kind))
        {
            // Every later request would fail the same way: one terminating error, no more requests.
            _cmdlet.ThrowTerminating(ex, ids, ErrorIds.MessageNotFound);
            return;
        }
        catch (RcApiException ex)
        {
            // The whole request failed (after retries): each of its ids is reported, the next batch still goes.
            foreach (var id in ids)
            {
                _cmdlet.WriteError(ErrorIds.Record(ex, id, ErrorIds.MessageNotFound));
            }

            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Error is { Remedy: RcRemedy.ExportMessageStore } refusal)
            {
                Refused(refusal, extensionId);
            }
            else if (item.Error is not null)
            {
                _cmdlet.WriteError(ErrorIds.Record(item.Error, item.Id, ErrorIds.MessageNotFound));
            }
            else
            {
                item.Message!.CallLogId = batch[i].CallLogId;
                _sink(item.Message);
            }
        }
    }

    private void Refused(RcApiException refusal, string extensionId)
    {
        if (_refusals.Note(refusal))
        {
            _cmdlet.WriteError(ErrorIds.Record(refusal, extensionId, ErrorIds.MessageNotFound));
        }
    }
}
