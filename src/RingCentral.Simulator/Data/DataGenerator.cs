using System.Globalization;

namespace RingCentral.Simulator.Data;

/// <summary>
/// Generates the account: extensions and a deterministic call history (a pure function of the seed,
/// the profile, the zone and the start moment). Mixes follow what real accounts show: mostly voice, a
/// few faxes, misses, voicemail, blocked and deleted records, masked numbers, queue calls seen by
/// several extensions. The profile says when calls come (<see cref="BusinessHours"/>) and how they
/// are spread over extensions and results (<see cref="CallMix"/>).
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
    private readonly CallMix _mix;
    private readonly BusinessHours? _hours;
    private readonly TimeZoneInfo _zone;

    public DataGenerator(int seed, int extensionCount, CallProfile profile = CallProfile.AroundTheClock, TimeZoneInfo? zone = null)
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
        _mix = CallMix.For(profile, exts);
        _hours = BusinessHours.For(profile);
        _zone = zone ?? TimeZoneInfo.Utc;
    }

    public long AccountNumericId { get; }
    public string AccountId { get; }
    public IReadOnlyList<Extension> Extensions { get; }
    public Random Random => _rng;

    /// <summary>
    /// Generates <paramref name="calls"/> calls over [from, to], newest first: the i-th call sits at
    /// quantile (i + jitter) / calls of the profile's busy hours, so the total is exact and the
    /// density follows the profile (evenly spread for 24x7).
    /// </summary>
    public List<CallRecord> GenerateHistory(long fromMs, long toMs, long calls)
    {
        var list = new List<CallRecord>((int)Math.Min(int.MaxValue / 2, calls + (calls / 8)));
        if (calls <= 0) return list;
        var span = (double)(toMs - fromMs) / calls;
        var timeline = _hours is null ? null : new CallTimeline(fromMs, toMs, _hours, _zone);
        var slot = 0;
        for (long i = 0; i < calls; i++)
        {
            var start = timeline is null
                ? toMs - (long)((i + _rng.NextDouble()) * span)
                : timeline.TimeAt((i + _rng.NextDouble()) / calls, ref slot);
            AddCall(list, start, visibleDelayMs: null);
        }
        return list;
    }

    /// <summary>Whether the business was open at <paramref name="startMs"/> in the account's zone (always, for 24x7).</summary>
    private bool IsOpen(long startMs)
        => _hours is null || _hours.IsOpen(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(startMs), _zone).DateTime);

    /// <summary>Adds one call (and, for queue calls, the records of the other extensions that rang).</summary>
    public void AddCall(List<CallRecord> into, long startMs, long? visibleDelayMs, long? durationMsOverride = null)
    {
        var r = _rng;
        var owner = _mix.Owner(r);
        var isFax = r.NextDouble() < 0.03;
        var inbound = r.NextDouble() < _mix.InboundShare(owner);
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
        string action;
        CallOutcome outcome;
        if (isFax)
        {
            action = inbound ? "Incoming Fax" : "Outgoing Fax";
            var ok = r.NextDouble() < 0.9;
            outcome = new(inbound ? (ok ? "Received" : "Receive Error") : (ok ? "Sent" : "Fax Not Sent"),
                ok ? null : (inbound ? "Fax Not Received" : "Fax Send Error"), r.Next(10_000, 120_000));
        }
        else if (inbound)
        {
            action = Pick(r, ["Phone Call", "Phone Call", "Phone Call", "Phone Call", "FindMe", "Ring Directly", "Transfer"]);
            outcome = _mix.Inbound(r, IsOpen(startMs));
        }
        else
        {
            action = internalCall ? "VoIP Call" : Pick(r, ["VoIP Call", "VoIP Call", "Phone Call", "RingOut Web", "RingOut PC", "RingMe"]);
            outcome = _mix.Outbound(r);
        }
        var (result, reason, durationMs, blocked) = outcome;
        if (durationMsOverride is long d) durationMs = (int)d;
        var connected = outcome.Connected;
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
        if (!isFax && connected && durationMs > 0 && _mix.Records(r, owner))
        {
            recording = _nextRecording += 1000 + (r.Next(0, 2) * 1000);
            onDemand = _mix.OnDemand(r, owner);
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
        if (inbound && !internalCall && !isFax && result == "Accepted" && r.NextDouble() < _mix.QueueShare)
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
