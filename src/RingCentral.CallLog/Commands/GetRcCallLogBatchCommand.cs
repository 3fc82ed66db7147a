using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.RegularExpressions;
using RingCentral.CallLog.Client.Api;

namespace RingCentral.CallLog.Commands;

/// <summary>Get-RcCallLogBatch: call log records by id, 50 per request.</summary>
[Cmdlet(VerbsCommon.Get, "RcCallLogBatch")]
[OutputType(typeof(CallLogRecord))]
public sealed class GetRcCallLogBatchCommand : CallLogScopedCmdlet
{
    private static readonly Regex s_id = new(InputPatterns.Id, RegexOptions.CultureInvariant);

    private BatchWriter? _batch;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "Call log record ids.")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = Array.Empty<string>();

    protected override void BeginProcessing()
    {
        var scope = Scope();
        _batch = new BatchWriter(this, CallLogs, scope, View, false);
    }

    /// <summary>
    /// An id that cannot be a record id is one error for that id, before any request for it; the
    /// others are still read (as Save-RcRecording does), so one bad cell of a CSV does not stop the run.
    /// </summary>
    protected override void ProcessRecord()
    {
        var valid = new List<string>(Id.Length);
        foreach (var id in Id)
        {
            if (s_id.IsMatch(id))
            {
                valid.Add(id);
            }
            else
            {
                WriteError(ErrorIds.InvalidArgumentRecord(new ArgumentException($"-Id '{id}' cannot be a call log record id (only letters, digits, '-' and '_'); it is skipped.", nameof(Id)), id));
            }
        }

        _batch!.Add(valid);
    }

    protected override void EndProcessing() => _batch!.Flush();
}
