using System;
using System.Management.Automation;
using RingCentral.CallLog.Client.Api;

namespace RingCentral.CallLog.Commands;

/// <summary>Get-RcCallLogBatch: call log records by id, 50 per request.</summary>
[Cmdlet(VerbsCommon.Get, "RcCallLogBatch")]
[OutputType(typeof(CallLogRecord))]
public sealed class GetRcCallLogBatchCommand : RcCmdlet
{
    private BatchWriter? _batch;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "Call log record ids.")]
    [ValidateNotNullOrEmpty]
    [ValidatePattern(InputPatterns.Id)]
    public string[] Id { get; set; } = Array.Empty<string>();

    [Parameter]
    public SwitchParameter Account { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidatePattern(InputPatterns.ExtensionId)]
    public string? ExtensionId { get; set; }

    [Parameter]
    [ValidateSet("Simple", "Detailed")]
    public string View { get; set; } = "Simple";

    protected override void BeginProcessing()
    {
        var scope = CallLogListingCmdlet.ScopeOf(this, Account, ExtensionId);
        _batch = new BatchWriter(this, new CallLogApi(RequireConnection().Session.Core), scope, View, false);
    }

    protected override void ProcessRecord() => _batch!.Add(Id);

    protected override void EndProcessing() => _batch!.Flush();
}
