using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Get-RcActiveCall: calls in progress and just ended (about two minutes), account or extension
/// level; or, for sessions given by id (from Watch-RcCallEvent through the pipeline), each one's
/// active-call record as soon as RingCentral lists it, with lookups coalesced (<see cref="ActiveCallLookup"/>).
/// </summary>
[Cmdlet(VerbsCommon.Get, "RcActiveCall", SupportsPaging = true)]
[OutputType(typeof(CallLogRecord))]
public sealed class GetRcActiveCallCommand : CallLogListingCmdlet
{
    private ActiveCallLookup? _lookup;

    [Parameter]
    [ValidateSet("Inbound", "Outbound")]
    public string[] Direction { get; set; } = Array.Empty<string>();

    [Parameter]
    [ValidateSet("Voice", "Fax")]
    public string[] Type { get; set; } = Array.Empty<string>();

    [Parameter]
    [ValidateSet("PSTN", "VoIP")]
    public string[] Transport { get; set; } = Array.Empty<string>();

    /// <summary>Only this call session (by property name from the pipeline: an RcCallEvent, a CallLogRecord, a CSV row).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? TelephonySessionId { get; set; }

    /// <summary>Only this session, by its older numeric id; used when no TelephonySessionId is given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? SessionId { get; set; }

    /// <summary>How long a session given by id is asked for until it is listed: a TimeSpan or seconds.</summary>
    [Parameter]
    [SecondsTransformation]
    public TimeSpan Wait { get; set; } = TimeSpan.FromSeconds(30);

    // Tests shorten the pace floor: internal, never a parameter.
    internal static TimeSpan MinimumLookupInterval { get; set; } = TimeSpan.FromSeconds(1);

    protected override void ProcessRecord()
    {
        var query = new CallLogQuery
        {
            Scope = Scope(),
            Direction = Direction,
            Type = Type,
            Transport = Transport,
            View = View,
            PerPage = EffectivePageSize(TelephonySessionId is null && SessionId is null ? PagingParameters : null),
        };
        var api = CallLogs;
        if (TelephonySessionId is null && SessionId is null)
        {
            WritePages(api, api.FirstActiveCallsPageUri(query), RouteKeys.ActiveCalls, false, PagingParameters, "Reading active calls");
            return;
        }

        Look(api, query);
    }

    protected override void EndProcessing()
    {
        if (_lookup is null)
        {
            return;
        }

        try
        {
            Run(_ => _lookup.CompletionAsync());
        }
        catch (RcApiException ex)
        {
            ThrowTerminating(ex, null);
        }
    }

    private void Look(CallLogApi api, CallLogQuery query)
    {
        if (Wait <= TimeSpan.Zero)
        {
            ThrowInvalidArgument(new ArgumentException($"-Wait must be longer than zero; it was {Wait}.", nameof(Wait)), Wait);
        }

        if (PagingParameters is { } paging && (paging.First != ulong.MaxValue || paging.Skip != 0 || paging.IncludeTotalCount))
        {
            ThrowInvalidArgument(new ArgumentException("-First, -Skip and -IncludeTotalCount apply to the listing of all active calls, not to sessions looked up by id.", paging.First != ulong.MaxValue ? "First" : paging.Skip != 0 ? "Skip" : "IncludeTotalCount"), null);
        }

        if (_lookup is null)
        {
            var core = Session.Core;
            var firstPage = api.FirstActiveCallsPageUri(query);
            _lookup = new ActiveCallLookup(ct => ReadAllAsync(api, firstPage, ct), () => core.Pacer.Snapshot(RouteKeys.ActiveCalls), m => Pump.Post(() => Write(m)), StopToken)
            {
                MinimumInterval = MinimumLookupInterval,
            };
        }

        ThrowIfLookupFailed();
        _lookup.Want(TelephonySessionId, TelephonySessionId is null ? SessionId : null, Wait, TelephonySessionId ?? SessionId);
        Pump.Drain();

        // From a live producer (Watch-RcCallEvent) the next input may be minutes away: wait here while
        // nothing else is queued upstream, so each record goes out as soon as it is listed. When more
        // input is waiting, take it first: its session joins the same requests.
        if (!PipelinePump.UpstreamIsLive)
        {
            return;
        }

        while (_lookup.Pending > 0 && !PipelinePump.UpstreamHasOutput)
        {
            Run(ct => Task.Delay(100, ct));
            ThrowIfLookupFailed();
        }

        Pump.Drain();
    }

    private void ThrowIfLookupFailed()
    {
        switch (_lookup?.Failure)
        {
            case RcApiException ex:
                ThrowTerminating(ex, null);
                break;
            case OperationCanceledException when StopToken.IsCancellationRequested:
                throw new PipelineStoppedException();
        }
    }

    private void Write(ActiveCallMatch match)
    {
        if (match.Found)
        {
            foreach (var record in match.Records)
            {
                WriteObject(record);
            }

            return;
        }

        var which = match.TelephonySessionId is not null ? "Telephony session " + match.TelephonySessionId : "Session " + match.SessionId;
        var message = string.Format(CultureInfo.InvariantCulture, "{0} was not among RingCentral's active calls within {1:0.#} s (-Wait).", which, match.Wait.TotalSeconds);
        WriteError(new ErrorRecord(new ItemNotFoundException(message), ErrorIds.ActiveCallNotListed, ErrorCategory.ObjectNotFound, match.Tag)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = Hints.ForActiveCallNotListed },
        });
    }

    /// <summary>Every page of the active calls, once.</summary>
    private async Task<IReadOnlyList<CallLogRecord>> ReadAllAsync(CallLogApi api, Uri firstPage, CancellationToken cancellationToken)
    {
        var records = new List<CallLogRecord>();
        var trail = new PageTrail();
        for (Uri? next = firstPage; next is not null;)
        {
            trail.Enter(next);
            var page = await api.GetPageAsync(next, RouteKeys.ActiveCalls, false, RcEvents, cancellationToken).ConfigureAwait(false);
            records.AddRange(page.Records);
            next = page.NextPage;
        }

        RcEvents.Verbose(string.Format(CultureInfo.InvariantCulture, "Active calls read: {0} listed.", records.Count));
        return records;
    }
}
