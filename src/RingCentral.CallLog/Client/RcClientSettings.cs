using System;
using System.Net;

namespace RingCentral.CallLog.Client;

/// <summary>Knobs of one connection's HTTP core. Defaults are RingCentral's documented values.</summary>
internal sealed class RcClientSettings
{
    /// <summary>Retries of one request after 429, 5xx and network failures.</summary>
    public int MaxRetryCount { get; set; } = 5;

    /// <summary>Wait after a 429 that carries no Retry-After (RingCentral: "30 seconds or later").</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First backoff step for 5xx and network failures; doubles per attempt, jittered, capped.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan BackoffCap { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one attempt (headers and body) may take; for a streamed body (recording content), the headers only.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>A streamed body (recording content) fails when no byte arrives for this long; it has no limit on its total time.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Explicit proxy; null uses the system proxy.</summary>
    public Uri? Proxy { get; set; }

    public NetworkCredential? ProxyCredential { get; set; }

    public string UserAgent { get; set; } = "RingCentral.CallLog/" + typeof(RcClientSettings).Assembly.GetName().Version?.ToString(3);
}
