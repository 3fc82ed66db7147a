using System;
using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;
using RingCentral.CallLog.Client.Export.Recordings;

namespace RingCentral.CallLog.Commands;

/// <summary>What became of one input object: a target, a verbose skip, or refused input.</summary>
internal sealed class RecordingInputResult
{
    private RecordingInputResult(RecordingTarget? target, string? skipReason, ArgumentException? error, string? refusedId = null, string? callLogId = null)
    {
        Target = target;
        SkipReason = skipReason;
        Error = error;
        RefusedId = refusedId;
        CallLogId = callLogId;
    }

    public RecordingTarget? Target { get; }

    public string? SkipReason { get; }

    public ArgumentException? Error { get; }

    /// <summary>The refused id, made printable (control characters as '?'), for the Failed row.</summary>
    public string? RefusedId { get; }

    public string? CallLogId { get; }

    public static RecordingInputResult Of(RecordingTarget target) => new(target, null, null);

    public static RecordingInputResult Skip(string reason) => new(null, reason, null);

    public static RecordingInputResult Refuse(ArgumentException error, string? id = null, string? callLogId = null) =>
        new(null, null, error, id is null ? null : RecordingInput.Printable(id), callLogId);
}
