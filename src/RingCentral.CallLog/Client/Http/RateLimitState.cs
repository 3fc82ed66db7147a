using System;
using System.Globalization;
using System.Text;

namespace RingCentral.CallLog.Client.Http;

/// <summary>A snapshot of one rate-limit group as the server last described it.</summary>
internal sealed class RateLimitState
{
    public string Group { get; set; } = string.Empty;

    public int? Limit { get; set; }

    public int? Remaining { get; set; }

    public int? WindowSeconds { get; set; }

    public TimeSpan? RetryAfter { get; set; }

    public override string ToString()
    {
        var text = new StringBuilder("rate limit group '").Append(Group).Append('\'');
        if (Limit is not null)
        {
            text.Append(string.Format(CultureInfo.InvariantCulture, ": {0} of {1} left per {2} s", Remaining?.ToString(CultureInfo.InvariantCulture) ?? "?", Limit, WindowSeconds?.ToString(CultureInfo.InvariantCulture) ?? "?"));
        }

        if (RetryAfter is not null)
        {
            text.Append(string.Format(CultureInfo.InvariantCulture, ", retry after {0:0.#} s", RetryAfter.Value.TotalSeconds));
        }

        return text.ToString();
    }
}
