using System.Text.Json;

namespace RingCentral.Simulator.Faults;

/// <summary>
/// A queued fault: applies to the next <see cref="Remaining"/> matching requests. <see cref="FaultKind.Stall"/>
/// sends the status line and headers of the real answer (or of <see cref="Status"/> when one is given) and then
/// nothing for <see cref="DelayMs"/> (0 = until the client goes away). <see cref="FaultKind.Body"/> answers
/// <see cref="Body"/> in place of the real body (an answer RingCentral should never give, for the client's checks).
/// </summary>
internal sealed class FaultRule
{
    public required FaultKind Kind { get; init; }
    public string? Path { get; init; }
    public int Remaining { get; set; } = 1;
    public int Status { get; init; } = 503;
    public int? RetryAfter { get; init; }
    public int DelayMs { get; init; }
    public string? Location { get; init; }
    /// <summary>For <see cref="FaultKind.Status"/>: the errorCode of the body (default by status: CMN-301, CMN-201, CMN-120, CMN-status).</summary>
    public string? ErrorCode { get; init; }
    /// <summary>For <see cref="FaultKind.Body"/>: the text answered instead of the real body (JSON, with the real status unless <see cref="Status"/> is given).</summary>
    public string? Body { get; init; }
    public double? Probability { get; init; }
    public Random? Random { get; init; }

    /// <summary>Parses the /_sim/faults body; a body that is not a valid fault throws <see cref="FormatException"/> saying why.</summary>
    public static FaultRule Parse(JsonElement e)
    {
        string? Str(string n) => e.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        int? Int(string n) => e.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
        var kind = FaultKinds.Parse(Str("kind"));
        double? probability = e.TryGetProperty("probability", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDouble() : null;
        if (kind == FaultKind.Redirect && Str("location") is null) throw new FormatException("redirect needs location");
        if (kind == FaultKind.Body && Str("body") is null) throw new FormatException("body needs body");
        return new FaultRule
        {
            Kind = kind,
            Path = Str("path"),
            Remaining = Int("count") ?? 1,
            Status = Int("status") ?? (kind is FaultKind.Stall or FaultKind.Body ? 0 : 503),
            RetryAfter = Int("retryAfter"),
            DelayMs = Int("delayMs") ?? 0,
            Location = Str("location"),
            ErrorCode = Str("errorCode"),
            Body = Str("body"),
            Probability = probability,
            Random = probability is null ? null : new Random(Int("seed") ?? 0),
        };
    }
}
