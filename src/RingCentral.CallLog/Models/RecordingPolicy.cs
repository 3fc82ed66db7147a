namespace RingCentral.CallLog;

/// <summary>The account's call recording settings that decide how long RingCentral keeps recordings.</summary>
public sealed class RecordingPolicy
{
    internal RecordingPolicy()
    {
    }

    public bool? OnDemandEnabled { get; internal set; }

    /// <summary>Days RingCentral keeps on-demand recordings.</summary>
    public int? OnDemandRetentionDays { get; internal set; }

    public bool? AutomaticEnabled { get; internal set; }

    /// <summary>Days RingCentral keeps automatic recordings.</summary>
    public int? AutomaticRetentionDays { get; internal set; }

    /// <summary>At most this many automatic recordings are kept per account.</summary>
    public int? AutomaticMaxRecordings { get; internal set; }

    /// <summary>The retention of a recording of this type (Automatic or OnDemand); the shorter of the two when the type is unknown.</summary>
    public int? RetentionDaysFor(string? recordingType) => recordingType switch
    {
        "Automatic" => AutomaticRetentionDays ?? OnDemandRetentionDays,
        "OnDemand" => OnDemandRetentionDays ?? AutomaticRetentionDays,
        _ => OnDemandRetentionDays is int a && AutomaticRetentionDays is int b ? System.Math.Min(a, b) : OnDemandRetentionDays ?? AutomaticRetentionDays,
    };

    public override string ToString() => $"OnDemand {OnDemandRetentionDays} days, Automatic {AutomaticRetentionDays} days";
}
