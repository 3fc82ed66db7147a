namespace RingCentral.Simulator.Data;

/// <summary>How one call ended: the record's result, reason and duration.</summary>
internal readonly record struct CallOutcome(string Result, string? Reason, int DurationMs, bool Blocked = false)
{
    public bool Connected => Result is "Accepted" or "Call connected";
}

/// <summary>
/// The proportions of a generated call: who owns it, its direction, how it ended, whether it was
/// recorded. <see cref="DataGenerator"/> asks in a fixed order, so a mix that draws the same
/// numbers gives the same data for a seed.
/// </summary>
internal abstract class CallMix
{
    public abstract Extension Owner(Random r);
    public abstract double InboundShare(Extension owner);
    /// <summary>An inbound voice call; <paramref name="open"/>: someone was there to answer.</summary>
    public abstract CallOutcome Inbound(Random r, bool open);
    public abstract CallOutcome Outbound(Random r);
    /// <summary>Whether a connected call of <paramref name="owner"/> was recorded.</summary>
    public abstract bool Records(Random r, Extension owner);
    /// <summary>For a recorded call: started by the user (on demand) rather than by an automatic rule.</summary>
    public abstract bool OnDemand(Random r, Extension owner);
    /// <summary>Share of answered outside inbound calls that rang a queue (other extensions get a missed record of the session).</summary>
    public abstract double QueueShare { get; }

    public static CallMix For(CallProfile profile, IReadOnlyList<Extension> extensions) => profile switch
    {
        CallProfile.AroundTheClock => new EvenCallMix(extensions),
        _ => new BusinessCallMix(profile, extensions),
    };

    /// <summary>Connected calls: log-normal minutes around <paramref name="medianMinutes"/> (most 1–10 min, a long tail), at most an hour.</summary>
    protected static int LogNormalDuration(Random r, double medianMinutes, double sigma)
    {
        // Box–Muller: one standard normal from two uniforms.
        var z = Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
        var minutes = medianMinutes * Math.Exp(sigma * z);
        return (int)Math.Clamp(minutes * 60_000, 4_000, 3_600_000) + r.Next(0, 1000);
    }
}
