using System.Text.Json;
using RingCentral.Simulator.Auth;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Events;

/// <summary>
/// What the gateway keeps of a client between connections: its OAuth session, its subscription and the
/// newest notifications it was sent (the recovery buffer). A connect with this session's wsc within the
/// recovery timeout gets the notifications after the presented one again; a later one, or one whose
/// notifications fell out of the buffer, fails and starts without the subscription.
/// </summary>
internal sealed class GatewaySession
{
    private readonly object _gate = new();
    private readonly LinkedList<(long Sequence, byte[] Frame)> _buffer = new();
    private long _sequence;

    public GatewaySession(string key, Session oauth)
    {
        Key = key;
        OAuth = oauth;
    }

    public string Key { get; }

    public Session OAuth { get; }

    public GatewaySubscription? Subscription { get; set; }

    public GatewayConnection? Connection { get; private set; }

    public DateTimeOffset? DroppedAt { get; private set; }

    /// <summary>
    /// Makes <paramref name="connection"/> this session's and queues, in one step (so no notification
    /// falls between them), its ConnectionDetails and, when recovering, the notifications after
    /// <paramref name="replayAfter"/>.
    /// </summary>
    public void Attach(GatewayConnection connection, Func<WscToken, byte[]> connectionDetails, long? replayAfter)
    {
        lock (_gate)
        {
            // A recovered connection's wsc points at the replay's start, not the newest notification:
            // dropped again before the replay has arrived, the client then recovers the replay too.
            connection.Send(connectionDetails(new WscToken(Key, replayAfter ?? _sequence)));
            if (replayAfter is long after)
            {
                var first = true;
                foreach (var (sequence, frame) in _buffer)
                {
                    if (sequence <= after) continue;
                    if (first) connection.SendAfterPause(frame);
                    else connection.Send(frame);
                    first = false;
                }
            }
            Connection = connection;
            DroppedAt = null;
        }
    }

    public void Detach(GatewayConnection connection, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(Connection, connection)) return;
            Connection = null;
            DroppedAt = now;
        }
    }

    /// <summary>Buffers a notification for the subscription and sends it to the connection, if there is one.</summary>
    public void Notify(TelephonyPartyEvent e, TelephonyFilter filter, int bufferSize)
    {
        lock (_gate)
        {
            var subscription = Subscription;
            if (subscription is null) return;
            _sequence++;
            var frame = GatewayFrames.ServerNotification(new WscToken(Key, _sequence), Payload(e, filter, subscription.Id));
            _buffer.AddLast((_sequence, frame));
            while (_buffer.Count > bufferSize) _buffer.RemoveFirst();
            Connection?.Send(frame);
        }
    }

    /// <summary>Whether every notification after <paramref name="presented"/> is still in the buffer (a replay would have no hole).</summary>
    public bool CanReplayAfter(long presented)
    {
        lock (_gate)
        {
            return presented <= _sequence && (presented == _sequence || (_buffer.First is not null && _buffer.First.Value.Sequence <= presented + 1));
        }
    }

    private byte[] Payload(TelephonyPartyEvent e, TelephonyFilter filter, string subscriptionId) => JsonBody.Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("uuid", Guid.NewGuid().ToString());
        w.WriteString("event", filter.EventUri);
        w.WriteString("timestamp", Iso(DateTimeOffset.UtcNow));
        w.WriteString("subscriptionId", subscriptionId);
        w.WriteString("ownerId", OAuth.Extension.Id);
        w.WriteStartObject("body");
        w.WriteNumber("sequence", e.Sequence);
        w.WriteString("sessionId", e.SessionId);
        w.WriteString("telephonySessionId", e.TelephonySessionId);
        w.WriteString("serverId", "10.13.22.253.TAM");
        w.WriteString("eventTime", Iso(e.EventTime));
        w.WriteStartObject("origin");
        w.WriteString("type", "Call");
        w.WriteEndObject();
        w.WriteStartArray("parties");
        w.WriteStartObject();
        w.WriteString("accountId", e.Owner.Id.Length > 0 ? AccountIdOf(filter) : "");
        w.WriteString("extensionId", e.Owner.Id);
        w.WriteString("id", e.PartyId);
        w.WriteString("direction", e.Inbound ? "Inbound" : "Outbound");
        Side(w, "from", e.From);
        Side(w, "to", e.To);
        w.WriteStartArray("recordings");
        foreach (var id in e.RecordingIds)
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteBoolean("active", e.StatusCode != "Hold");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("status");
        w.WriteString("code", e.StatusCode);
        if (e.Reason is not null) w.WriteString("reason", e.Reason);
        w.WriteBoolean("rcc", false);
        w.WriteEndObject();
        w.WriteBoolean("missedCall", e.MissedCall);
        w.WriteBoolean("standAlone", false);
        w.WriteBoolean("muted", false);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }, 1024);

    private static string AccountIdOf(TelephonyFilter filter)
    {
        // "/restapi/v1.0/account/{id}/…": the filter already holds the real account id.
        var parts = filter.EventUri.Split('/');
        return parts.Length > 4 ? parts[4] : "";
    }

    private static void Side(Utf8JsonWriter w, string name, Data.Party p)
    {
        w.WriteStartObject(name);
        if (p.PhoneNumber is not null) w.WriteString("phoneNumber", p.PhoneNumber);
        if (p.Name is not null) w.WriteString("name", p.Name);
        if (p.ExtensionId is not null) w.WriteString("extensionId", p.ExtensionId);
        w.WriteEndObject();
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
