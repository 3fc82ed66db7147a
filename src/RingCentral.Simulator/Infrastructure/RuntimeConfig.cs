namespace RingCentral.Simulator.Infrastructure;

/// <summary>The settings that /_sim/config may change while the simulator runs.</summary>
internal sealed class RuntimeConfig
{
    public RuntimeConfig(SimulatorOptions o)
    {
        Heavy = o.Heavy;
        Light = o.Light;
        Auth = o.Auth;
        PenaltySeconds = o.PenaltySeconds;
        LatencyMs = o.LatencyMs;
        AccessTokenTtl = o.AccessTokenTtlSeconds;
        RefreshTokenTtl = o.RefreshTokenTtlSeconds;
    }

    public RateLimitSpec Heavy { get; set; }
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

    public RateLimitSpec For(RateGroup g) => g switch
    {
        RateGroup.Heavy => Heavy,
        RateGroup.Light => Light,
        RateGroup.Auth => Auth,
        _ => throw new ArgumentOutOfRangeException(nameof(g), g, "No such rate-limit group."),
    };
}
