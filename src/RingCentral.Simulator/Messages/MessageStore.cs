using RingCentral.Simulator.Data;

namespace RingCentral.Simulator.Messages;

/// <summary>
/// Every extension's message store: the voicemail and fax each call left (made when first asked for,
/// so starting the simulator costs nothing more, and again for calls added or changed later), SMS
/// conversations over the history period, and messages the test hook adds. Holds the changeable state
/// (read status, availability) of each message. Lists come newest first (creation time, then id).
/// </summary>
internal sealed class MessageStore
{
    private const long HookIdBase = 950_000_000_000;
    private const long SmsIdBase = 900_000_000_003;

    private readonly SimulatorState _sim;
    private readonly MessageFactory _factory;
    private readonly object _gate = new();
    private readonly Dictionary<long, StoredMessage> _byId = [];
    private List<StoredMessage> _sorted = [];
    private bool _dirty;
    private bool _smsMade;
    private long _seenCallVersion = -1;
    private long _nextHookId = HookIdBase;

    public MessageStore(SimulatorState sim)
    {
        _sim = sim;
        _factory = new MessageFactory(sim.StartMoment.ToUnixTimeMilliseconds());
    }

    public MessageFactory Factory => _factory;

    /// <summary>The lock that guards every message's changeable state.</summary>
    public object Gate => _gate;

    /// <summary>The message <paramref name="id"/> of <paramref name="owner"/>'s store, if it exists there by now.</summary>
    public StoredMessage? Find(Extension owner, long id, long nowMs)
    {
        lock (_gate)
        {
            Sync();
            return _byId.TryGetValue(id, out var m) && ReferenceEquals(m.Owner, owner) && m.CreationMs <= nowMs ? m : null;
        }
    }

    /// <summary>The messages <paramref name="filter"/> matches, newest first.</summary>
    public List<StoredMessage> Query(MessageFilter filter, long nowMs)
    {
        lock (_gate)
        {
            Sync();
            return _sorted.Where(m => filter.Matches(m, nowMs)).ToList();
        }
    }

    /// <summary>Every message of the account created in [fromMs, toMs] by now, newest first (the export task's selection).</summary>
    public List<StoredMessage> AccountWide(long fromMs, long toMs, long nowMs)
    {
        lock (_gate)
        {
            Sync();
            return _sorted.Where(m => m.CreationMs >= fromMs && m.CreationMs <= toMs && m.CreationMs <= nowMs).ToList();
        }
    }

    /// <summary>Adds messages made by <paramref name="make"/> with fresh ids (the test hook).</summary>
    public List<StoredMessage> Add(int count, Func<long, StoredMessage> make)
    {
        lock (_gate)
        {
            Sync();
            var added = new List<StoredMessage>();
            for (var i = 0; i < count; i++) added.Add(Put(make(_nextHookId += 1000)));
            return added;
        }
    }

    /// <summary>A message's state changed: its lastModifiedTime becomes now, and never goes back.</summary>
    public static void Touch(StoredMessage m, long nowMs) => m.LastModifiedMs = Math.Max(nowMs, m.LastModifiedMs + 1);

    private void Sync()
    {
        if (!_smsMade)
        {
            _smsMade = true;
            var o = _sim.Options;
            var startMs = _sim.StartMoment.ToUnixTimeMilliseconds();
            var next = SmsIdBase;
            foreach (var m in _factory.SmsHistory(o.Seed, _sim.Extensions, startMs - (o.Days * 86_400_000L), startMs, (long)o.CallsPerDay * o.Days / 15, ref next)) Put(m);
        }
        var version = _sim.Store.Version;
        if (version != _seenCallVersion)
        {
            _seenCallVersion = version;
            foreach (var call in _sim.Store.All)
            {
                var id = call.LinkedMessageId;
                if (id != 0 && !_byId.ContainsKey(id)) Put(_factory.FromCall(call));
            }
        }
        if (_dirty)
        {
            _sorted.Sort(static (a, b) => b.CreationMs != a.CreationMs ? b.CreationMs.CompareTo(a.CreationMs) : b.Id.CompareTo(a.Id));
            _dirty = false;
        }
    }

    private StoredMessage Put(StoredMessage m)
    {
        _byId[m.Id] = m;
        _sorted.Add(m);
        _dirty = true;
        return m;
    }
}
