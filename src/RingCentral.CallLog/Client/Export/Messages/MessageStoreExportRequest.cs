using System;
using System.Collections.Generic;

namespace RingCentral.CallLog.Client.Export.Messages;

/// <summary>What one export asks for: the period, the message types (none: all), where it goes, how long to wait.</summary>
internal sealed class MessageStoreExportRequest
{
    public string Path { get; init; } = string.Empty;

    public DateTimeOffset DateFrom { get; init; }

    public DateTimeOffset DateTo { get; init; }

    public IReadOnlyList<string> MessageTypes { get; init; } = Array.Empty<string>();

    /// <summary>How long the task may take to complete.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    public string ModuleVersion { get; init; } = typeof(MessageStoreExportRequest).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The period as a file name part: "20261101T000000Z-20261102T000000Z".</summary>
    public string Period => DateFrom.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture) + "-" + DateTo.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
