using System.Text.Json;

namespace RingCentral.Simulator.Faults;

/// <summary>
/// A queued fault: applies to the next <see cref="Remaining"/> matching requests. "stall" sends the
/// status line and headers of the real answer (or of <see cref="Status"/> when one is given) and then
/// nothing for <see cref="DelayMs"/> (0 = until the client goes away). "body" answers <see cref="Body"/>
/// in place of the real body (an answer RingCentral should never give, for the client's checks).
/// </summary>
internal sealed class FaultRule
{
    public required string Kind { get; init; }
    public string? Path { get; init; }
    public int Remaining { get; set; } = 1;
    public int Status { get; init; } = 503;
    public int? RetryAfter { get; init; }
    public int DelayMs { get; init; }
    public string? Location { get; init; }
    /// <summary>For "status": the errorCode of the body (default by status: CMN-301, CMN-201, CMN-120, CMN-status).</summary>
    public string? ErrorCode { get; init; }
    /// <summary>For "body": the text answered instead of the real body (JSON, with the real status unless <see cref="Status"/> is given).</summary>
    public string? Body { get; init; }
    public double? Probability { get; init; }
    public Random? Random { get; init; }

    public static readonly string[] Kinds = ["status", "drop", "truncate", "delay", "reset", "redirect", "stall", "body", "slow-body", "stall-body"];

    /// <summary>Parses the /_sim/faults body; returns null with an error message when invalid.</summary>
    public static (FaultRule? Rule, string? Error) Parse(JsonElement e)
    {
        string? Str(string n) => e.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        int? Int(string n) => e.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
        var kind = Str("kind");
        if (kind is null || !Kinds.Contains(kind)) return (null, "kind must be one of " + string.Join(", ", Kinds));
        double? probability = e.TryGetProperty("probability", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDouble() : null;
        if (kind == "redirect" && Str("location") is null) return (null, "redirect needs location");
        if (kind == "body" && Str("body") is null) return (null, "body needs body");
        return (new FaultRule
        {
            Kind = kind,
            Path = Str("path"),
            Remaining = Int("count") ?? 1,
            Status = Int("status") ?? (kind is "stall" or "body" ? 0 : 503),
            RetryAfter = Int("retryAfter"),
            DelayMs = Int("delayMs") ?? 0,
            Location = Str("location"),
            ErrorCode = Str("errorCode"),
            Body = Str("body"),
            Probability = probability,
            Random = probability is null ? null : new Random(Int("seed") ?? 0),
        }, null);
    }
}
