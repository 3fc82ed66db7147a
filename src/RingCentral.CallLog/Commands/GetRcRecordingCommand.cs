using System;
using System.Collections.Generic;
using System.Management.Automation;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;

namespace RingCentral.CallLog.Commands;

/// <summary>Get-RcRecording: recording metadata by recording id, or for call log records and RecordingInfo from the pipeline.</summary>
/// <remarks>
/// The default set is InputObject: PowerShell binds pipeline input to the default set first, and a
/// whole record (with its contentUri and name values) must win over its RecordingId property alone.
/// Piped strings arrive as InputObject too and are read as recording ids.
/// </remarks>
[Cmdlet(VerbsCommon.Get, "RcRecording", DefaultParameterSetName = InputSet)]
[OutputType(typeof(RecordingInfo))]
public sealed class GetRcRecordingCommand : RcCmdlet
{
    internal const string IdSet = "RecordingId";
    internal const string InputSet = "InputObject";
    private RecordingApi? _api;

    /// <summary>Recording ids (not call log record ids). No alias Id: a record's Id must never bind here.</summary>
    [Parameter(ParameterSetName = IdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "Recording ids.")]
    [ValidateNotNullOrEmpty]
    [ValidatePattern(InputPatterns.Id)]
    public string[] RecordingId { get; set; } = Array.Empty<string>();

    /// <summary>CallLogRecord or RecordingInfo objects (records without a recording are skipped).</summary>
    [Parameter(ParameterSetName = InputSet, Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject? InputObject { get; set; }

    protected override void BeginProcessing() => _api = RequireConnection().Session.Recordings;

    protected override void ProcessRecord()
    {
        foreach (var input in Inputs(this, RecordingId, InputObject))
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
                WriteObject(Run(ct => _api!.GetAsync(id, RcEvents, ct)));
            }
            catch (RcApiException ex)
            {
                WriteError(ErrorIds.Record(ex, id, ErrorIds.RecordingNotFound));
            }
        }
    }

    /// <summary>The inputs of one ProcessRecord call, whichever parameter set bound them.</summary>
    internal static IEnumerable<RecordingInputResult> Inputs(PSCmdlet cmdlet, string[] recordingIds, PSObject? inputObject)
    {
        if (cmdlet.ParameterSetName == InputSet)
        {
            if (inputObject is not null)
            {
                yield return RecordingInput.FromObject(inputObject);
            }

            yield break;
        }

        foreach (var id in recordingIds)
        {
            yield return RecordingInput.FromId(id);
        }
    }
}
