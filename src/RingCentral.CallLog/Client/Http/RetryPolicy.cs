using System;
using System.Net.Http.Headers;
using System.Threading;

namespace RingCentral.CallLog.Client.Http;

/// <summary>
/// Which failed answers are worth sending again, and how often. 429 and the temporary failures
/// (502, 503, 504, and 500 with RingCentral's CMN-201 "Service Temporary Unavailable") get the
/// connection's full -MaxRetryCount; any other 500 (an internal error, which tends to repeat for
/// the same request) is retried once; everything else is final at once. The wait before a retry is
/// the server's Retry-After when it gave one, else a capped exponential backoff with jitter.
/// <see cref="RcHttpCore"/> runs the loop: it asks here, waits, and sends again.
/// </summary>
internal static class RetryPolicy
{
    public const string TemporarilyUnavailable = "CMN-201";
    private static readonly ThreadLocal<Random> s_jitter = new(() => new Random(Guid.NewGuid().GetHashCode()));

    /// <summary>How many retries an answer with this status and RingCentral code may have.</summary>
    public static int RetriesFor(int status, string? errorCode, int maxRetryCount) => status switch
    {
        429 or 502 or 503 or 504 => maxRetryCount,
        500 when errorCode is not null && errorCode.IndexOf(TemporarilyUnavailable, StringComparison.Ordinal) >= 0 => maxRetryCount,
        500 => Math.Min(1, maxRetryCount),
        _ => 0,
    };

    /// <summary>How long to wait before retry number <paramref name="retry"/> (0-based): the server's word, else the backoff.</summary>
    public static TimeSpan Wait(TimeSpan? retryAfter, int retry, RcClientSettings settings) => retryAfter ?? Backoff(retry, settings);

    /// <summary>The wait a Retry-After header asks for (seconds or a date), else <paramref name="fallback"/>.</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, TimeSpan? fallback)
    {
        var header = headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return fallback;
    }

    private static TimeSpan Backoff(int retry, RcClientSettings settings)
    {
        // Capped exponential backoff with full jitter in [50 %, 100 %] of the step.
        var step = settings.BackoffBase.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 16));
        var capped = Math.Min(step, settings.BackoffCap.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (s_jitter.Value!.NextDouble() / 2)));
    }
}
