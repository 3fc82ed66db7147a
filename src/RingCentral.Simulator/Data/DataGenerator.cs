using System.Globalization;

namespace RingCentral.Simulator.Data;

/// <summary>
/// Generates the account: extensions and a deterministic call history (a pure function of the seed
/// and the start moment). Mixes follow what real accounts show: mostly voice, a few faxes, misses,
/// voicemail, blocked and deleted records, masked numbers, queue calls seen by several extensions.
/// </summary>
internal sealed class DataGenerator
{
    private const string IdChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly string[] FirstNames = ["Alice", "Bob", "Carol", "David", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy", "Mallory", "Niaj", "Olivia", "Peggy", "Rupert", "Sybil", "Trent", "Victor", "Walter", "Yvonne"];
    private static readonly string[] LastNames = ["Smith", "Nguyen", "Garcia", "Kim", "Müller", "Rossi", "Dubois", "Tanaka", "Olsen", "Kowalski", "Silva", "Brown"];
    private static readonly (string Area, string Location, string CallerId)[] Places =
    [
        ("415", "San Francisco (South), CA", "SAN FRANCSCO CA"), ("650", "Palo Alto, CA", "PALO ALTO CA"),
        ("212", "New York, NY", "NEW YORK NY"), ("312", "Chicago, IL", "CHICAGO IL"), ("206", "Seattle, WA", "SEATTLE WA"),
        ("617", "Boston, MA", "BOSTON MA"), ("512", "Austin, TX", "AUSTIN TX"), ("303", "Denver, CO", "DENVER CO"),
        ("760", "Warner Springs, CA", "WARNER SPGS CA"), ("501", "Benton, AR", "BENTON AR"),
    ];

    private readonly Random _rng;
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<Party> _external = [];
    private long _nextSession;
    private long _nextRecording;
    private long _nextMessage;

    public DataGenerator(int seed, int extensionCount)
    {
        _rng = new Random(seed);
        AccountNumericId = 400000000000 + (_rng.Next(100000, 999999) * 1000L) + 4;
        AccountId = AccountNumericId.ToString(CultureInfo.InvariantCulture);
        var exts = new Extension[extensionCount];
        for (var i = 0; i < extensionCount; i++)
        {
            var numeric = AccountNumericId + 1000 + (i * 1000L);
            var id = numeric.ToString(CultureInfo.InvariantCulture);
            var number = (101 + i).ToString(CultureInfo.InvariantCulture);
            var name = $"{FirstNames[i % FirstNames.Length]} {LastNames[(i / FirstNames.Length + i) % LastNames.Length]}";
            var phone = "+1650555" + (1000 + i).ToString(CultureInfo.InvariantCulture).PadLeft(4, '0')[^4..];
            exts[i] = new Extension
            {
                Index = i, Id = id, NumericId = numeric, ExtensionNumber = number, Name = name, IsAdmin = i == 0,
                Party = new Party { PhoneNumber = phone, ExtensionNumber = number, ExtensionId = id, Name = name, DeviceId = (numeric + 700000000004).ToString(CultureInfo.InvariantCulture) },
            };
        }
        // Every third extension has a secretary (the next extension), who sometimes acts for it.
        for (var i = 0; i < extensionCount && extensionCount > 1; i += 3) exts[i].Delegate = exts[(i + 1) % extensionCount];
        Extensions = exts;
        for (var i = 0; i < 3000; i++) _external.Add(NewExternalParty());
        _nextSession = 13900000000 + (_rng.Next(1, 99999) * 1000L) + 4;
        _nextRecording = 1662000000 + (_rng.Next(1, 99999) * 1000L) + 4;
        _nextMessage = 401600000000 + (_rng.Next(1, 99999) * 1000L) + 8;
    }

    public long AccountNumericId { get; }
    public string AccountId { get; }
    public IReadOnlyList<Extension> Extensions { get; }
    public Random Random => _rng;

    /// <summary>Generates <paramref name="calls"/> calls spread evenly (with jitter) over [from, to], newest first.</summary>
    public List<CallRecord> GenerateHistory(long fromMs, long toMs, long calls)
    {
        var list = new List<CallRecord>((int)Math.Min(int.MaxValue / 2, calls + (calls / 8)));
        if (calls <= 0) return list;
        var span = (double)(toMs - fromMs) / calls;
        for (long i = 0; i < calls; i++)
        {
            var start = toMs - (long)((i + _rng.NextDouble()) * span);
            AddCall(list, start, visibleDelayMs: null);
        }
        return list;
    }

    /// <summary>Adds one call (and, for queue calls, the records of the other extensions that rang).</summary>
    public void AddCall(List<CallRecord> into, long startMs, long? visibleDelayMs, long? durationMsOverride = null)
    {
        var r = _rng;
        var owner = Extensions[r.Next(Extensions.Count)];
        var isFax = r.NextDouble() < 0.03;
        var inbound = r.NextDouble() < 0.55;
        var internalCall = !isFax && r.NextDouble() < 0.10;
        Party other;
        if (internalCall)
        {
            var peer = Extensions[(owner.Index + 1 + r.Next(Extensions.Count - 1)) % Extensions.Count];
            // Some internal parties carry only an extension number, as real records do.
            other = r.NextDouble() < 0.3 ? new Party { ExtensionNumber = peer.ExtensionNumber } : peer.Party;
        }
        else
        {
            other = _external[r.Next(_external.Count)];
        }
        var pstn = !internalCall && r.NextDouble() < 0.7;
        string action, result;
        string? reason;
        int durationMs;
        var blocked = false;
        if (isFax)
        {
            action = inbound ? "Incoming Fax" : "Outgoing Fax";
            var ok = r.NextDouble() < 0.9;
            result = inbound ? (ok ? "Received" : "Receive Error") : (ok ? "Sent" : "Fax Not Sent");
            reason = ok ? null : (inbound ? "Fax Not Received" : "Fax Send Error");
            durationMs = r.Next(10_000, 120_000);
        }
        else if (inbound)
        {
            action = Pick(r, ["Phone Call", "Phone Call", "Phone Call", "Phone Call", "FindMe", "Ring Directly", "Transfer"]);
            var x = r.NextDouble();
            if (x < 0.60) { result = "Accepted"; reason = "Accepted"; durationMs = ConnectedDuration(r); }
            else if (x < 0.76) { result = "Missed"; reason = "Not Answered"; durationMs = r.Next(0, 30_000); }
            else if (x < 0.88) { result = "Voicemail"; reason = "Not Answered"; durationMs = r.Next(8_000, 120_000); }
            else if (x < 0.92) { result = "Busy"; reason = "Line Busy"; durationMs = r.Next(0, 3_000); }
            else if (x < 0.95) { result = "Blocked"; reason = "Number Blocked"; durationMs = 0; blocked = true; }
            else if (x < 0.98) { result = "Abandoned"; reason = "Hang Up"; durationMs = r.Next(0, 20_000); }
            else { result = "No Answer"; reason = "No Answer"; durationMs = r.Next(0, 30_000); }
        }
        else
        {
            action = internalCall ? "VoIP Call" : Pick(r, ["VoIP Call", "VoIP Call", "Phone Call", "RingOut Web", "RingOut PC", "RingMe"]);
            var x = r.NextDouble();
            if (x < 0.75) { result = "Call connected"; reason = "Connected"; durationMs = ConnectedDuration(r); }
            else if (x < 0.87) { result = "No Answer"; reason = "No Answer"; durationMs = r.Next(0, 40_000); }
            else if (x < 0.93) { result = "Busy"; reason = "Line Busy"; durationMs = r.Next(0, 3_000); }
            else if (x < 0.97) { result = "Wrong Number"; reason = "Bad Number"; durationMs = r.Next(0, 5_000); }
            else { result = "Hang Up"; reason = "Hang Up"; durationMs = r.Next(0, 10_000); }
        }
        if (durationMsOverride is long d) durationMs = (int)d;
        var connected = result is "Accepted" or "Call connected";
        var internalType = internalCall ? "Usual"
            : isFax ? "Local"
            : Pick(r, ["Local", "Local", "LongDistance", "LongDistance", "International", "TollFreeNumber", "Usual"]);
        var session = _nextSession += 1000 + r.Next(0, 3) * 1000;
        // A few values outside the spec's enumerations (RingCentral adds values), chosen from the session
        // so the random stream, and with it the rest of the data, stays as it was.
        var rare = RecordTraits.Rare(session);
        if (!isFax && rare == 1) internalType = RecordTraits.UnlistedInternalType;
        else if (!isFax && inbound && rare == 2) action = RecordTraits.UnlistedAction;
        else if (!isFax && !inbound && rare == 3 && !connected) { result = RecordTraits.UnlistedResult; reason = RecordTraits.UnlistedReason; }
        var recording = 0L;
        var onDemand = false;
        var shortRecording = false;
        if (!isFax && connected && durationMs > 0 && r.NextDouble() < 0.42)
        {
            recording = _nextRecording += 1000 + (r.Next(0, 2) * 1000);
            onDemand = r.NextDouble() < 0.3;
            // RingCentral keeps no recording under 30 s; the record says so with shortRecording instead.
            if (durationMs < 30_000) { recording = 0; onDemand = false; shortRecording = true; }
        }
        var visibleDelay = visibleDelayMs ?? r.Next(15_000, 30_001);
        var record = new CallRecord
        {
            Id = NewId(r),
            Owner = owner,
            SessionId = session,
            StartMs = startMs,
            DurationMs = durationMs,
            IsFax = isFax,
            Inbound = inbound,
            Pstn = pstn,
            Action = action,
            Result = result,
            Reason = reason,
            InternalType = internalType,
            From = inbound ? other : owner.Party,
            To = inbound ? owner.Party : other,
            MessageId = isFax ? (_nextMessage += 1000) : 0,
            Blocked = blocked,
            Deleted = r.NextDouble() < 0.02,
            ShortRecording = shortRecording,
            LegCount = (byte)(isFax ? 1 : 1 + r.Next(0, 3)),
            VisibleAtMs = startMs + durationMs + visibleDelay,
            RecordingId = recording,
            RecordingOnDemand = onDemand,
            LastModifiedMs = startMs + durationMs + visibleDelay - r.Next(1_000, 10_000),
        };
        into.Add(record);
        // An inbound call to a queue rings several extensions: each gets its own record of the same session.
        if (inbound && !internalCall && !isFax && result == "Accepted" && r.NextDouble() < 0.08)
        {
            var extra = 1 + r.Next(0, 2);
            for (var k = 1; k <= extra && k < Extensions.Count; k++)
            {
                var peer = Extensions[(owner.Index + k) % Extensions.Count];
                into.Add(new CallRecord
                {
                    Id = NewId(r), Owner = peer, SessionId = session, StartMs = startMs, DurationMs = r.Next(2_000, 20_000),
                    IsFax = false, Inbound = true, Pstn = pstn, Action = "Phone Call", Result = "Missed", Reason = "Calls Not Accepted",
                    InternalType = internalType, From = other, To = peer.Party, LegCount = 1,
                    VisibleAtMs = record.VisibleAtMs, LastModifiedMs = record.LastModifiedMs,
                });
            }
        }
    }

    private static int ConnectedDuration(Random r)
    {
        // Long tail: most calls are a few minutes, some close to an hour.
        var minutes = -Math.Log(1 - r.NextDouble()) * 3.5;
        return (int)Math.Clamp(minutes * 60_000, 4_000, 3_600_000) + r.Next(0, 1000);
    }

    private static string Pick(Random r, string[] values) => values[r.Next(values.Length)];

    private string NewId(Random r)
    {
        Span<char> c = stackalloc char[15];
        while (true)
        {
            for (var i = 0; i < c.Length; i++) c[i] = IdChars[r.Next(IdChars.Length)];
            var id = new string(c);
            if (_ids.Add(id)) return id;
        }
    }

    private Party NewExternalParty()
    {
        var r = _rng;
        var x = r.NextDouble();
        var place = Places[r.Next(Places.Length)];
        var digits = r.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        if (x < 0.03)
        {
            // Masked number, as RingCentral returns in some conditions.
            var masked = "+33" + r.Next(10000, 99999).ToString(CultureInfo.InvariantCulture) + "XXXX";
            return new Party { PhoneNumber = masked };
        }
        if (x < 0.05)
        {
            return new Party { Name = Pick(r, FirstNames) + " " + Pick(r, LastNames) };
        }
        if (x < 0.35)
        {
            return new Party { PhoneNumber = "+1" + place.Area + digits, Name = place.CallerId, Location = place.Location };
        }
        return new Party { PhoneNumber = "+1" + place.Area + digits, Location = place.Location };
    }
}
