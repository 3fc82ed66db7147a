namespace RingCentral.Simulator.Infrastructure;

/// <summary>The settings that /_sim/config may change while the simulator runs.</summary>
internal sealed class RuntimeConfig
{
    public RuntimeConfig(SimulatorOptions o)
    {
        Heavy = o.Heavy;
        Medium = o.Medium;
        Light = o.Light;
        Auth = o.Auth;
        PenaltySeconds = o.PenaltySeconds;
        LatencyMs = o.LatencyMs;
        AccessTokenTtl = o.AccessTokenTtlSeconds;
        RefreshTokenTtl = o.RefreshTokenTtlSeconds;
        AdminMailboxAccess = o.AdminMailboxAccess;
        ExportDelaySeconds = o.ExportDelaySeconds;
    }

    public RateLimitSpec Heavy { get; set; }
    public RateLimitSpec Medium { get; set; }
    public RateLimitSpec Light { get; set; }
    public RateLimitSpec Auth { get; set; }
    public int PenaltySeconds { get; set; }
    public int LatencyMs { get; set; }
    public int AccessTokenTtl { get; set; }
    public int RefreshTokenTtl { get; set; }
    /// <summary>Overrides the base of contentUris in later responses; null = the media listener.</summary>
    public string? MediaBaseUrl { get; set; }
    /// <summary>Calls that end (listed at once) right after each call-log list request: calls arriving while an export pages.</summary>
    public int CallsPerListRequest { get; set; }
    /// <summary>Live mode holds still (no calls, no changes) while true: a test can then compare a final state.</summary>
    public bool LivePaused { get; set; }
    /// <summary>Whether an admin may read other extensions' message stores (RingCentral does not document it; both ways are testable).</summary>
    public bool AdminMailboxAccess { get; set; }
    /// <summary>Seconds a message store export task takes from Accepted to Completed.</summary>
    public double ExportDelaySeconds { get; set; }
    /// <summary>Export tasks end Failed instead of Completed while true.</summary>
    public bool ExportFails { get; set; }
    /// <summary>Largest attachment archive of an export, in bytes; more attachments go into further archives (RingCentral: 1 GB).</summary>
    public long ExportArchiveMaxBytes { get; set; } = 1L << 30;

    public RateLimitSpec For(RateGroup g) => g switch
    {
        RateGroup.Heavy => Heavy,
        RateGroup.Medium => Medium,
        RateGroup.Light => Light,
        RateGroup.Auth => Auth,
        _ => throw new ArgumentOutOfRangeException(nameof(g), g, "No such rate-limit group."),
    };
}
