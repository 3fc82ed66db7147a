using System.Globalization;

namespace RingCentral.Simulator;

/// <summary>A rate limit: <see cref="Limit"/> requests per <see cref="WindowSeconds"/>; 0/0 means unlimited.</summary>
public readonly record struct RateLimitSpec(int Limit, int WindowSeconds)
{
    public bool IsUnlimited => Limit <= 0 || WindowSeconds <= 0;

    /// <summary>Parses "L/W" (e.g. "10/60"; "0/0" = no limit).</summary>
    public static RateLimitSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit)
            || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var window)
            || limit < 0 || window < 0)
        {
            throw new FormatException($"Rate limit '{text}' is not LIMIT/WINDOWSECONDS (e.g. 10/60, 0/0 for none).");
        }
        return new RateLimitSpec(limit, window);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Limit}/{WindowSeconds}");

    public static implicit operator RateLimitSpec(string text) => Parse(text);
}
