using System;
using System.Management.Automation;
using RingCentral.CallLog.Client.Api;

namespace RingCentral.CallLog.Commands;

/// <summary>Get-RcCallLogBatch: call log records by id, 50 per request.</summary>
[Cmdlet(VerbsCommon.Get, "RcCallLogBatch")]
[OutputType(typeof(CallLogRecord))]
public sealed class GetRcCallLogBatchCommand : CallLogScopedCmdlet
{
    private BatchWriter? _batch;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "Call log record ids.")]
    [ValidateNotNullOrEmpty]
    [ValidatePattern(InputPatterns.Id)]
    public string[] Id { get; set; } = Array.Empty<string>();

    protected override void BeginProcessing()
    {
        var scope = Scope();
        _batch = new BatchWriter(this, new CallLogApi(RequireConnection().Session.Core), scope, View, false);
    }

    protected override void ProcessRecord() => _batch!.Add(Id);

    protected override void EndProcessing() => _batch!.Flush();
}
