namespace RingCentral.Simulator.Data;

/// <summary>The 24x7 profile's mix: every extension alike, the same odds at every hour (the data of earlier versions).</summary>
internal sealed class EvenCallMix(IReadOnlyList<Extension> extensions) : CallMix
{
    public override Extension Owner(Random r) => extensions[r.Next(extensions.Count)];

    public override double InboundShare(Extension owner) => 0.55;

    public override CallOutcome Inbound(Random r, bool open)
    {
        var x = r.NextDouble();
        if (x < 0.60) return new("Accepted", "Accepted", ConnectedDuration(r));
        if (x < 0.76) return new("Missed", "Not Answered", r.Next(0, 30_000));
        if (x < 0.88) return new("Voicemail", "Not Answered", r.Next(8_000, 120_000));
        if (x < 0.92) return new("Busy", "Line Busy", r.Next(0, 3_000));
        if (x < 0.95) return new("Blocked", "Number Blocked", 0, Blocked: true);
        if (x < 0.98) return new("Abandoned", "Hang Up", r.Next(0, 20_000));
        return new("No Answer", "No Answer", r.Next(0, 30_000));
    }

    public override CallOutcome Outbound(Random r)
    {
        var x = r.NextDouble();
        if (x < 0.75) return new("Call connected", "Connected", ConnectedDuration(r));
        if (x < 0.87) return new("No Answer", "No Answer", r.Next(0, 40_000));
        if (x < 0.93) return new("Busy", "Line Busy", r.Next(0, 3_000));
        if (x < 0.97) return new("Wrong Number", "Bad Number", r.Next(0, 5_000));
        return new("Hang Up", "Hang Up", r.Next(0, 10_000));
    }

    public override bool Records(Random r, Extension owner) => r.NextDouble() < 0.42;

    public override bool OnDemand(Random r, Extension owner) => r.NextDouble() < 0.3;

    public override double QueueShare => 0.08;

    private static int ConnectedDuration(Random r)
    {
        // Exponential minutes: most calls are a few minutes, some close to an hour.
        var minutes = -Math.Log(1 - r.NextDouble()) * 3.5;
        return (int)Math.Clamp(minutes * 60_000, 4_000, 3_600_000) + r.Next(0, 1000);
    }
}
