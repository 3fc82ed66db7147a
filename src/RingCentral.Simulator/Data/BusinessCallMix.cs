namespace RingCentral.Simulator.Data;

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
