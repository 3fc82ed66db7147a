using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace RingCentral.CallLog.Client.Export.Recordings;

/// <summary>
/// What is known of one recording's call: the values a file-name template draws on (every value may
/// come from the server), and the provenance a sidecar records.
/// </summary>
internal sealed class RecordingNameValues
{
    public string RecordingId { get; set; } = string.Empty;

    public string? CallLogId { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public string? Direction { get; set; }

    public string? FromPhoneNumber { get; set; }

    public string? ToPhoneNumber { get; set; }

    public string? SessionId { get; set; }

    public string? ExtensionId { get; set; }

    public string? TelephonySessionId { get; set; }

    /// <summary>The call's length in seconds.</summary>
    public int? Duration { get; set; }

    public string? FromName { get; set; }

    public string? ToName { get; set; }

    /// <summary>Automatic or OnDemand, when the input said.</summary>
    public string? RecordingType { get; set; }

    /// <summary>True when the input was a call log record (the richer default template applies).</summary>
    public bool FromCallLogRecord { get; set; }
}
