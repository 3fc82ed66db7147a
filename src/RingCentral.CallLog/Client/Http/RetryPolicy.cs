using System;

namespace RingCentral.CallLog.Client.Http;

/// <summary>
/// Which failed answers are worth sending again, and how often. 429 and the temporary failures
/// (502, 503, 504, and 500 with RingCentral's CMN-201 "Service Temporary Unavailable") get the
/// connection's full -MaxRetryCount; any other 500 (an internal error, which tends to repeat for
/// the same request) is retried once; everything else is final at once.
/// </summary>
internal static class RetryPolicy
{
    public const string TemporarilyUnavailable = "CMN-201";

    /// <summary>How many retries an answer with this status and RingCentral code may have.</summary>
    public static int RetriesFor(int status, string? errorCode, int maxRetryCount) => status switch
    {
        429 or 502 or 503 or 504 => maxRetryCount,
        500 when errorCode is not null && errorCode.IndexOf(TemporarilyUnavailable, StringComparison.Ordinal) >= 0 => maxRetryCount,
        500 => Math.Min(1, maxRetryCount),
        _ => 0,
    };
}
