using System;
using System.Management.Automation;
using RingCentral.CallLog.Client;

namespace RingCentral.CallLog.Commands;

/// <summary>Get-RcRecording: recording metadata by recording id, or for call log records and RecordingInfo from the pipeline.</summary>
[Cmdlet(VerbsCommon.Get, "RcRecording", DefaultParameterSetName = InputSet)]
[OutputType(typeof(RecordingInfo))]
public sealed class GetRcRecordingCommand : RecordingInputCmdlet
{
    // The connection is looked up in the begin step, so a missing one is reported even when no input arrives.
    protected override void BeginProcessing() => _ = Session;

    protected override void ProcessRecord()
    {
        foreach (var input in Inputs())
        {
            if (input.SkipReason is not null)
            {
                WriteVerbose(input.SkipReason);
                continue;
            }

            if (input.Error is not null)
            {
                WriteError(ErrorIds.InvalidArgumentRecord(input.Error, InputObject));
                continue;
            }

            var id = input.Target!.RecordingId;
            try
            {
                WriteObject(Run(ct => Recordings.GetAsync(id, RcEvents, ct)));
            }
            catch (RcApiException ex)
            {
                WriteError(ErrorIds.Record(ex, id, ErrorIds.RecordingNotFound));
            }
        }
    }
}
