using System.Collections.Concurrent;
using System.Security.Cryptography;
using RingCentral.Simulator.Auth;
using RingCentral.Simulator.Data;

namespace RingCentral.Simulator.Events;

/// <summary>
/// RingCentral's WebSocket gateway in the simulator: the sessions clients may recover, the connections
/// open now, and the telephony session events of new calls fanned out to the subscriptions they match.
/// </summary>
internal sealed class Gateway
{
    private readonly ConcurrentDictionary<string, GatewaySession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<GatewayConnection, byte> _connections = new();
    private readonly ConcurrentQueue<SentNotification> _sent = new();
    private long _notifications;
    private long _published;

    public Gateway(SimulatorState sim)
    {
        Subscriptions = new SubscriptionRequests(sim, Settings);
    }

    public GatewaySettings Settings { get; } = new();

    public WsTokenStore Tokens { get; } = new();

    public SubscriptionRequests Subscriptions { get; }

    public int OpenConnections => _connections.Count;

    public long NotificationsSent => Interlocked.Read(ref _notifications);

    /// <summary>Every notification made for a subscription, in order, the newest 100 000: what a test compares a client's output with.</summary>
    public IReadOnlyCollection<SentNotification> Sent => _sent;

    /// <summary>A new gateway session for <paramref name="oauth"/> (a first connect, or a failed recovery).</summary>
    public GatewaySession NewSession(Session oauth)
    {
        var session = new GatewaySession(JwtCodec.B64(RandomNumberGenerator.GetBytes(18)), oauth);
        _sessions[session.Key] = session;
        return session;
    }

    public GatewaySession? FindSession(string key) => _sessions.TryGetValue(key, out var s) ? s : null;

    public void Track(GatewayConnection connection) => _connections[connection] = 0;

    public void Forget(GatewayConnection connection) => _connections.TryRemove(connection, out _);

    /// <summary>Every open socket dropped without a close handshake (a test's network failure).</summary>
    public int DropAll()
    {
        var dropped = 0;
        foreach (var c in _connections.Keys)
        {
            c.Abort();
            dropped++;
        }
        return dropped;
    }

    /// <summary>A frame that is not JSON, to every open socket (a test's garbled frame).</summary>
    public void SendMalformed()
    {
        foreach (var c in _connections.Keys) c.Send("[{\"type\":\"ServerNotification\",\"messageId\":"u8.ToArray());
    }

    /// <summary>
    /// The status changes of new calls, to every subscription that asked for them, one run of sequences per
    /// session. A queue call leaves a record for each extension it rang, all of one session; it is told
    /// once, from its first record (the party that took it), as a client numbering a session's sequences
    /// would read a second run as a replay. RingCentral may deliver a later sequence before an earlier one:
    /// every third call published has the two events before its last swapped, never the last, so a client
    /// that has a session's Disconnected has all of it.
    /// </summary>
    public void Publish(IEnumerable<CallRecord> calls)
    {
        foreach (var call in calls.DistinctBy(c => c.SessionId))
        {
            var events = CallLifecycle.EventsOf(call);
            if (Interlocked.Increment(ref _published) % 3 == 1) (events[^3], events[^2]) = (events[^2], events[^3]);
            foreach (var e in events) Publish(e);
        }
    }

    private void Publish(TelephonyPartyEvent e)
    {
        foreach (var session in _sessions.Values)
        {
            if (session.Subscription?.Match(e) is not { } filter) continue;
            session.Notify(e, filter, Settings.RecoveryBufferSize);
            Interlocked.Increment(ref _notifications);
            _sent.Enqueue(new SentNotification(e.TelephonySessionId, e.PartyId, e.Sequence, e.StatusCode, session.Subscription?.Id, DateTimeOffset.UtcNow));
            while (_sent.Count > 100_000) _sent.TryDequeue(out _);
        }
    }
}

/// <summary>One notification the gateway made (sent at once, or buffered for a connection to come).</summary>
internal sealed record SentNotification(string TelephonySessionId, string PartyId, long Sequence, string Status, string? SubscriptionId, DateTimeOffset Time);
