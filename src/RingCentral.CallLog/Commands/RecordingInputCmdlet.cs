using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// The input Get-RcRecording and Save-RcRecording share, declared once: recording ids
/// (-RecordingId), or call log records and recording metadata from the pipeline (-InputObject),
/// read by <see cref="RecordingInput"/>'s one binding rule.
/// </summary>
/// <remarks>
/// The default set is InputObject: PowerShell binds pipeline input to the default set first, and a
/// whole record (with its contentUri and name values) must win over its RecordingId property alone.
/// Piped strings arrive as InputObject too and are read as recording ids.
/// </remarks>
public abstract class RecordingInputCmdlet : RcCmdlet
{
    internal const string IdSet = "RecordingId";
    internal const string InputSet = "InputObject";

    /// <summary>Recording ids (not call log record ids). No alias Id: a record's Id must never bind here.</summary>
    [Parameter(ParameterSetName = IdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "Recording ids.")]
    [ValidateNotNullOrEmpty]
    [ValidatePattern(InputPatterns.Id)]
    public string[] RecordingId { get; set; } = Array.Empty<string>();

    /// <summary>CallLogRecord or RecordingInfo objects (records without a recording are skipped).</summary>
    [Parameter(ParameterSetName = InputSet, Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject? InputObject { get; set; }

    /// <summary>The inputs of one ProcessRecord call, whichever parameter set bound them.</summary>
    internal IEnumerable<RecordingInputResult> Inputs()
    {
        if (ParameterSetName == InputSet)
        {
            if (InputObject is not null)
            {
                yield return RecordingInput.FromObject(InputObject);
            }

            yield break;
        }

        foreach (var id in RecordingId)
        {
            yield return RecordingInput.FromId(id);
        }
    }
}
