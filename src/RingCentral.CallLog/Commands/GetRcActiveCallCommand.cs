using System;
using System.Management.Automation;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Commands;

/// <summary>Get-RcActiveCall: calls in progress and just ended (about two minutes), account or extension level.</summary>
[Cmdlet(VerbsCommon.Get, "RcActiveCall", SupportsPaging = true)]
[OutputType(typeof(CallLogRecord))]
public sealed class GetRcActiveCallCommand : CallLogListingCmdlet
{
    [Parameter]
    [ValidateSet("Inbound", "Outbound")]
    public string[] Direction { get; set; } = Array.Empty<string>();

    [Parameter]
    [ValidateSet("Voice", "Fax")]
    public string[] Type { get; set; } = Array.Empty<string>();

    [Parameter]
    [ValidateSet("PSTN", "VoIP")]
    public string[] Transport { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        var query = new CallLogQuery
        {
            Scope = Scope(),
            Direction = Direction,
            Type = Type,
            Transport = Transport,
            View = View,
            PerPage = EffectivePageSize(PagingParameters),
        };
        var api = RequireConnection().Session.CallLogs;
        WritePages(api, api.FirstActiveCallsPageUri(query), RouteKeys.ActiveCalls, false, PagingParameters, "Reading active calls");
    }
}
