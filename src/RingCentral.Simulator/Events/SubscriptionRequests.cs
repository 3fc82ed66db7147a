using System.Globalization;
using System.Text.Json;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Events;

/// <summary>
/// The REST calls a client may make over the socket (ClientRequest): create, read, update and cancel the
/// connection's subscription. One subscription per gateway session: a new POST replaces the old one.
/// </summary>
internal sealed class SubscriptionRequests(SimulatorState sim, GatewaySettings settings)
{
    private const string Base = "/restapi/v1.0/subscription";

    /// <summary>HTTP status, the subscription id for the WSG-SubscriptionId header, and the JSON body.</summary>
    public (int Status, string? SubscriptionId, byte[] Body) Handle(GatewaySession session, string method, string path, JsonElement body)
    {
        var trimmed = path.Split('?')[0].TrimEnd('/');
        if (trimmed == Base && method == "POST") return Create(session, body);
        if (!trimmed.StartsWith(Base + "/", StringComparison.Ordinal)) return (404, null, ErrorBodies.InvalidUri());
        var id = trimmed[(Base.Length + 1)..];
        var current = session.Subscription;
        if (current is null || current.Id != id) return (404, null, ErrorBodies.Simple("SUB-100", "Subscription not found"));
        switch (method)
        {
            case "GET":
                return (200, id, Info(current));
            case "DELETE":
                session.Subscription = null;
                return (204, id, Array.Empty<byte>());
            case "PUT":
                var (filters, disabled, error) = ReadFilters(session, body);
                if (error is not null) return (400, null, error);
                current.Filters = filters!;
                current.DisabledFilters = disabled!;
                return (200, id, Info(current));
            default:
                return (405, null, ErrorBodies.Simple("CMN-405", "Method not allowed"));
        }
    }

    private (int, string?, byte[]) Create(GatewaySession session, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object
            || !body.TryGetProperty("deliveryMode", out var mode) || mode.ValueKind != JsonValueKind.Object
            || !mode.TryGetProperty("transportType", out var transport) || transport.GetString() != "WebSocket")
        {
            return (400, null, ErrorBodies.Api("CMN-101", "CMN-101", "Parameter [deliveryMode.transportType] value is invalid: WebSocket expected over a WebSocket connection", parameterName: "deliveryMode.transportType"));
        }
        var (filters, disabled, error) = ReadFilters(session, body);
        if (error is not null) return (400, null, error);
        var subscription = new GatewaySubscription
        {
            Id = Guid.NewGuid().ToString(),
            CreationTime = DateTimeOffset.UtcNow,
            Filters = filters!,
            DisabledFilters = disabled!,
        };
        session.Subscription = subscription;
        return (200, subscription.Id, Info(subscription));
    }

    private (List<TelephonyFilter>?, List<(string, string, string)>?, byte[]?) ReadFilters(GatewaySession session, JsonElement body)
    {
        if (!body.TryGetProperty("eventFilters", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            return (null, null, ErrorBodies.Api("CMN-101", "CMN-101", "Parameter [eventFilters] value is invalid", parameterName: "eventFilters"));
        }
        var filters = new List<TelephonyFilter>();
        var disabled = new List<(string, string, string)>();
        foreach (var item in list.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString() ?? "" : "";
            var filter = TelephonyFilter.Parse(text, sim, session.OAuth.Extension, settings.CallControlPermission, out var refusal);
            if (filter is not null) filters.Add(filter);
            else if (refusal is { } r) disabled.Add((text, r.Reason, r.Message));
            else return (null, null, ErrorBodies.Api("CMN-101", "CMN-101", $"Parameter [eventFilters] value is invalid: '{text}' is not an event filter this server knows", parameterName: "eventFilters", parameterValue: text));
        }
        return (filters, disabled, null);
    }

    private static byte[] Info(GatewaySubscription s) => JsonBody.Build(w =>
    {
        var expires = s.CreationTime.AddSeconds(900);
        w.WriteStartObject();
        w.WriteString("uri", Base + "/" + s.Id);
        w.WriteString("id", s.Id);
        w.WriteStartArray("eventFilters");
        foreach (var f in s.Filters) w.WriteStringValue(f.EventUri);
        w.WriteEndArray();
        w.WriteStartArray("disabledFilters");
        foreach (var (filter, reason, message) in s.DisabledFilters)
        {
            w.WriteStartObject();
            w.WriteString("filter", filter);
            w.WriteString("reason", reason);
            w.WriteString("message", message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("creationTime", Iso(s.CreationTime));
        w.WriteString("expirationTime", Iso(expires));
        w.WriteNumber("expiresIn", 900);
        w.WriteString("status", "Active");
        w.WriteStartObject("deliveryMode");
        w.WriteString("transportType", "WebSocket");
        w.WriteBoolean("encryption", false);
        w.WriteEndObject();
        w.WriteEndObject();
    }, 1024);

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
