using System.Globalization;
using System.Text.Json;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Events;

/// <summary>
/// The frames of RingCentral's WebSocket gateway: a JSON array of a meta object and, for most types, a
/// body. Built as UTF-8 text, one frame per WebSocket text message.
/// </summary>
internal static class GatewayFrames
{
    public static byte[] ConnectionDetails(WscToken wsc, GatewaySettings settings, DateTimeOffset created, string? recoveryState, string? recoveryErrorCode) => JsonBody.Build(w =>
    {
        w.WriteStartArray();
        Meta(w, "ConnectionDetails", Guid.NewGuid().ToString(), 200, wsc);
        w.WriteStartObject();
        w.WriteString("creationTime", created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture));
        w.WriteNumber("maxConnectionsPerSession", 50);
        w.WriteNumber("recoveryBufferSize", settings.RecoveryBufferSize);
        w.WriteNumber("recoveryTimeout", settings.RecoveryTimeoutSeconds);
        w.WriteNumber("idleTimeout", settings.IdleTimeoutSeconds);
        w.WriteNumber("absoluteTimeout", settings.AbsoluteTimeoutSeconds);
        w.WriteNumber("maxActiveRequests", 10);
        if (recoveryState is not null) w.WriteString("recoveryState", recoveryState);
        if (recoveryErrorCode is not null) w.WriteString("recoveryErrorCode", recoveryErrorCode);
        w.WriteEndObject();
        w.WriteEndArray();
    });

    public static byte[] Error(string errorCode, string message) => JsonBody.Build(w =>
    {
        w.WriteStartArray();
        Meta(w, "Error", Guid.NewGuid().ToString(), 400, null);
        w.WriteStartObject();
        w.WriteString("errorCode", errorCode);
        w.WriteString("message", message);
        w.WriteEndObject();
        w.WriteEndArray();
    });

    public static byte[] Heartbeat(string messageId) => JsonBody.Build(w =>
    {
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("type", "Heartbeat");
        w.WriteString("messageId", messageId);
        w.WriteNumber("status", 200);
        w.WriteEndObject();
        w.WriteEndArray();
    });

    /// <summary>The answer to a ClientRequest: its messageId, the HTTP status and headers, the JSON body.</summary>
    public static byte[] ClientResponse(string messageId, int status, string? subscriptionId, ReadOnlyMemory<byte> body) => JsonBody.Build(w =>
    {
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("type", "ClientRequest");
        w.WriteString("messageId", messageId);
        w.WriteNumber("status", status);
        w.WriteStartObject("headers");
        w.WriteString("RCRequestId", Guid.NewGuid().ToString());
        w.WriteString("Content-Type", JsonBody.ContentType);
        if (subscriptionId is not null) w.WriteString("WSG-SubscriptionId", subscriptionId);
        w.WriteEndObject();
        w.WriteEndObject();
        if (body.Length > 0) w.WriteRawValue(body.Span, skipInputValidation: true);
        w.WriteEndArray();
    });

    /// <summary>A notification: the same payload a webhook would get, with the wsc that a recovery from it would present.</summary>
    public static byte[] ServerNotification(WscToken wsc, ReadOnlyMemory<byte> payload) => JsonBody.Build(w =>
    {
        w.WriteStartArray();
        Meta(w, "ServerNotification", Guid.NewGuid().ToString(), 200, wsc);
        w.WriteRawValue(payload.Span, skipInputValidation: true);
        w.WriteEndArray();
    });

    private static void Meta(Utf8JsonWriter w, string type, string messageId, int status, WscToken? wsc)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteString("messageId", messageId);
        w.WriteNumber("status", status);
        if (wsc is not null)
        {
            w.WriteStartObject("wsc");
            w.WriteString("token", wsc.Value.Text);
            w.WriteNumber("sequence", wsc.Value.Sequence);
            w.WriteEndObject();
        }
        w.WriteStartObject("headers");
        w.WriteString("RCRequestId", Guid.NewGuid().ToString());
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
