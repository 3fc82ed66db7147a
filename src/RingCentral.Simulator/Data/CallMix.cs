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

/// <summary>
/// The office and contact-center mix: a reception and a sales line busier than the rest, missed
/// calls about one inbound call in eleven in opening hours and most calls after hours, rings of
/// seconds, talk of minutes, and recordings only on the extensions set to record.
/// </summary>
internal sealed class BusinessCallMix : CallMix
{
    private readonly IReadOnlyList<Extension> _extensions;
    private readonly double[] _cumulativeWeight;
    private readonly double[] _inboundShare;
    private readonly RecordingMode[] _recording;
    private readonly bool _center;

    public BusinessCallMix(CallProfile profile, IReadOnlyList<Extension> extensions)
    {
        _extensions = extensions;
        _center = profile == CallProfile.ContactCenter;
        var n = extensions.Count;
        // The third extension answers the main number, the fourth is the sales line (with two
        // extensions, the admin and the user take those roles).
        var reception = 2 % n;
        var sales = 3 % n;
        var weights = new double[n];
        _inboundShare = new double[n];
        _recording = new RecordingMode[n];
        for (var i = 0; i < n; i++)
        {
            weights[i] = 1;
            _inboundShare[i] = _center ? 0.80 : 0.50;
            // Contact centers record every agent; an office records sales and lets a few people record on demand.
            _recording[i] = _center ? (i == 0 ? RecordingMode.None : RecordingMode.Automatic)
                : i % 4 == 1 ? RecordingMode.OnDemand : RecordingMode.None;
        }
        weights[sales] += _center ? 1.0 : 2.5;
        _inboundShare[sales] = 0.35;
        _recording[sales] = RecordingMode.Automatic;
        weights[reception] += _center ? 2.0 : 4.0;
        _inboundShare[reception] = 0.90;
        _cumulativeWeight = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++) _cumulativeWeight[i] = sum += weights[i];
        for (var i = 0; i < n; i++) _cumulativeWeight[i] /= sum;
    }

    private enum RecordingMode { None, OnDemand, Automatic }

    public override Extension Owner(Random r)
    {
        var x = r.NextDouble();
        var i = 0;
        while (i < _cumulativeWeight.Length - 1 && _cumulativeWeight[i] <= x) i++;
        return _extensions[i];
    }

    public override double InboundShare(Extension owner) => _inboundShare[owner.Index];

    public override CallOutcome Inbound(Random r, bool open)
    {
        var x = r.NextDouble();
        if (x < 0.015) return new("Blocked", "Number Blocked", 0, Blocked: true);
        x = (x - 0.015) / 0.985;
        // After hours nobody answers most calls: voicemail takes them.
        var missed = open ? (_center ? 0.07 : 0.085) : 0.60;
        if (x >= missed) return new("Accepted", "Accepted", Connected(r));
        var kind = x / missed;
        if (_center)
        {
            // Contact-center callers wait in a queue, and some give up there.
            if (kind < 0.35) return new("Abandoned", "Hang Up", r.Next(10_000, 180_000));
            if (kind < 0.60) return new("Voicemail", "Not Answered", r.Next(15_000, 90_000));
            if (kind < 0.85) return new("Missed", "Not Answered", r.Next(5_000, 30_000));
            if (kind < 0.93) return new("No Answer", "No Answer", r.Next(15_000, 40_000));
            return new("Busy", "Line Busy", r.Next(0, 3_000));
        }
        if (kind < (open ? 0.40 : 0.70)) return new("Voicemail", "Not Answered", r.Next(15_000, 90_000));
        if (kind < (open ? 0.72 : 0.88)) return new("Missed", "Not Answered", r.Next(4_000, 30_000));
        if (kind < (open ? 0.84 : 0.94)) return new("Abandoned", "Hang Up", r.Next(2_000, 25_000));
        if (kind < (open ? 0.93 : 0.98)) return new("No Answer", "No Answer", r.Next(15_000, 40_000));
        return new("Busy", "Line Busy", r.Next(0, 3_000));
    }

    public override CallOutcome Outbound(Random r)
    {
        var x = r.NextDouble();
        if (x < 0.78) return new("Call connected", "Connected", Connected(r));
        if (x < 0.90) return new("No Answer", "No Answer", r.Next(15_000, 40_000));
        if (x < 0.95) return new("Busy", "Line Busy", r.Next(0, 3_000));
        if (x < 0.97) return new("Wrong Number", "Bad Number", r.Next(1_000, 5_000));
        return new("Hang Up", "Hang Up", r.Next(1_000, 10_000));
    }

    public override bool Records(Random r, Extension owner) => _recording[owner.Index] switch
    {
        RecordingMode.Automatic => r.NextDouble() < 0.97,
        RecordingMode.OnDemand => r.NextDouble() < 0.25,
        _ => false,
    };

    public override bool OnDemand(Random r, Extension owner) => _recording[owner.Index] == RecordingMode.OnDemand;

    public override double QueueShare => _center ? 0.12 : 0.03;

    // One connected call in ten is a quick one (a wrong person, a yes or no), under a minute.
    private int Connected(Random r) => r.NextDouble() < 0.10 ? r.Next(8_000, 60_000) : LogNormalDuration(r, _center ? 4.5 : 3.0, 0.80);
}
