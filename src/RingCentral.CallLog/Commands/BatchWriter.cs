using System.Collections.Generic;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Collects ids from the pipeline, fetches them 50 per request, and writes the records in input
/// order, with one non-terminating error per id that failed while the others come through. A
/// failure that applies to every id (see <see cref="ErrorIds.AppliesToEveryId"/>) ends the command instead.
/// </summary>
internal sealed class BatchWriter
{
    private readonly RcCmdlet _cmdlet;
    private readonly CallLogApi _api;
    private readonly CallLogScope _scope;
    private readonly string _view;
    private readonly bool _raw;
    private readonly List<string> _pending = new(CallLogApi.MaxBatchSize);

    public BatchWriter(RcCmdlet cmdlet, CallLogApi api, CallLogScope scope, string view, bool raw)
    {
        _cmdlet = cmdlet;
        _api = api;
        _scope = scope;
        _view = view;
        _raw = raw;
    }

    public void Add(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            _pending.Add(id);
            if (_pending.Count == CallLogApi.MaxBatchSize)
            {
                Flush();
            }
        }
    }

    public void Flush()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var ids = _pending.ToArray();
        _pending.Clear();
        IReadOnlyList<BatchItem> items;
        try
        {
            items = _cmdlet.Run(ct => _api.GetByIdsAsync(ids, _scope, _view, _raw, _cmdlet.RcEvents, ct));
        }
        catch (RcApiException ex) when (ErrorIds.AppliesToEveryId(ex.Kind))
        {
            // Every later batch would fail the same way: one terminating error, no more requests.
            _cmdlet.ThrowTerminating(ex, ids);
            return;
        }
        catch (RcApiException ex)
        {
            // The whole request failed (after retries): each of its ids is reported, the next batch still goes.
            foreach (var id in ids)
            {
                _cmdlet.WriteError(ErrorIds.Record(ex, id));
            }

            return;
        }

        foreach (var item in items)
        {
            if (item.Error is not null)
            {
                _cmdlet.WriteError(ErrorIds.Record(item.Error, item.Id));
            }
            else
            {
                _cmdlet.WriteObject(_raw ? item.RawRecord : item.Record);
            }
        }
    }
}
