using System;

namespace RingCentral.CallLog.Report;

/// <summary>One line of the report's table: only what the page shows, so rows stay small.</summary>
internal sealed class CallReportRow
{
    public CallReportRow(CallLogRecord call, DateTimeOffset localStart, LocalRecording? recording, LocalMessage? message = null)
    {
        CallId = call.Id;
        LocalStart = localStart;
        Direction = call.Direction ?? string.Empty;
        From = call.From;
        To = call.To;
        Seconds = CallMeasures.Seconds(call);
        Result = call.Result ?? string.Empty;
        Extension = CallMeasures.ExtensionLabel(call);
        Recording = recording;
        Message = message;
    }

    public string CallId { get; }

    public DateTimeOffset LocalStart { get; }

    public string Direction { get; }

    public string From { get; }

    public string To { get; }

    public int Seconds { get; }

    public string Result { get; }

    public string Extension { get; }

    public LocalRecording? Recording { get; }

    /// <summary>The call's voicemail or fax on disk.</summary>
    public LocalMessage? Message { get; }
}
