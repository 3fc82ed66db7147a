using System;
using System.Collections.Generic;

namespace RingCentral.CallLog.Report;

/// <summary>
/// What the report's words mean, in one place: the help (docs/en-US/Export-RcCallReport.md), the
/// page's footnote and the tests all follow these definitions.
/// </summary>
internal static class CallMeasures
{
    /// <summary>Results of an inbound call that rang and reached no one (RingCentral's result values).</summary>
    public static readonly IReadOnlyCollection<string> MissedResults = new[]
    {
        "Missed", "Voicemail", "No Answer", "Busy", "Abandoned", "Rejected", "Hang Up",
    };

    /// <summary>Results of a call in which the parties talked: an answered inbound call or a connected outbound one.</summary>
    public static readonly IReadOnlyCollection<string> ConnectedResults = new[] { "Accepted", "Call connected" };

    /// <summary>Upper bounds (exclusive, seconds) of the duration histogram's buckets; the last bucket is open.</summary>
    public static readonly IReadOnlyList<int> DurationBucketBounds = new[] { 30, 60, 120, 300, 600, 1800 };

    public static readonly IReadOnlyList<string> DurationBucketLabels = new[]
    {
        "< 30 s", "30-60 s", "1-2 min", "2-5 min", "5-10 min", "10-30 min", ">= 30 min",
    };

    private static readonly HashSet<string> s_missed = new(MissedResults, StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> s_connected = new(ConnectedResults, StringComparer.OrdinalIgnoreCase);

    public static bool IsInbound(CallLogEntry call) => string.Equals(call.Direction, "Inbound", StringComparison.OrdinalIgnoreCase);

    public static bool IsOutbound(CallLogEntry call) => string.Equals(call.Direction, "Outbound", StringComparison.OrdinalIgnoreCase);

    /// <summary>An inbound call whose result is one of <see cref="MissedResults"/>.</summary>
    public static bool IsMissed(CallLogEntry call) => IsInbound(call) && IsMissedResult(call.Result);

    /// <summary>A call (either direction) whose result is one of <see cref="ConnectedResults"/>.</summary>
    public static bool IsConnected(CallLogEntry call) => IsConnectedResult(call.Result);

    /// <summary>A result that counts as missed on an inbound call (<see cref="MissedResults"/>, any case).</summary>
    public static bool IsMissedResult(string? result) => result is not null && s_missed.Contains(result);

    /// <summary>A result that counts as connected (<see cref="ConnectedResults"/>, any case).</summary>
    public static bool IsConnectedResult(string? result) => result is not null && s_connected.Contains(result);

    /// <summary>The call's length in whole seconds; a record without one counts as 0.</summary>
    public static int Seconds(CallLogEntry call) => Math.Max(0, call.Duration ?? 0);

    /// <summary>The histogram bucket of a duration.</summary>
    public static int DurationBucket(int seconds)
    {
        for (var i = 0; i < DurationBucketBounds.Count; i++)
        {
            if (seconds < DurationBucketBounds[i])
            {
                return i;
            }
        }

        return DurationBucketBounds.Count;
    }

    /// <summary>Monday = 0 ... Sunday = 6 (the heat map's rows, the ISO week order).</summary>
    public static int WeekdayIndex(DayOfWeek day) => ((int)day + 6) % 7;

    /// <summary>The extension a record belongs to, as a person reads it: the party that is that extension, else the id.</summary>
    public static string ExtensionLabel(CallLogRecord call)
    {
        var id = call.ExtensionId;
        string? name = null;
        string? number = null;
        if (id is not null && id == call.ToExtensionId)
        {
            (name, number) = (call.ToName, call.ToExtensionNumber);
        }
        else if (id is not null && id == call.FromExtensionId)
        {
            (name, number) = (call.FromName, call.FromExtensionNumber);
        }
        else if (IsInbound(call) && id is null)
        {
            (name, number) = (call.ToName, call.ToExtensionNumber);
        }

        if (name is not null && number is not null)
        {
            return name + " (" + number + ")";
        }

        return name ?? (number is null ? null : "ext. " + number) ?? id ?? "(no extension)";
    }
}
