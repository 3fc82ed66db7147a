using System.Net.WebSockets;
using System.Text.Json;
using RingCentral.Simulator.Auth;
using RingCentral.Simulator.Endpoints;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Events;

/// <summary>
/// The WebSocket side of the platform: POST /restapi/oauth/wstoken (a token to connect with),
/// GET /ws (the gateway: ?access_token=…, and &amp;wsc=… to recover a session), and with --test-hooks
/// /_sim/ws to shorten timeouts, drop sockets, garble a frame or refuse a recovery.
/// </summary>
internal static class GatewayEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SimulatorState sim)
    {
        routes.MapPost("/restapi/oauth/wstoken", (HttpContext ctx) => WsTokenAsync(ctx, sim));
        routes.Map("/ws", (HttpContext ctx) => ConnectAsync(ctx, sim));
    }

    public static void MapHooks(IEndpointRouteBuilder routes, SimulatorState sim)
    {
        WebhookSink.Map(routes);
        routes.MapGet("/_sim/ws/sent", (HttpContext ctx) => JsonBody.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("sent");
            foreach (var n in sim.Gateway.Sent)
            {
                w.WriteStartObject();
                w.WriteString("telephonySessionId", n.TelephonySessionId);
                w.WriteString("partyId", n.PartyId);
                w.WriteNumber("sequence", n.Sequence);
                w.WriteString("status", n.Status);
                w.WriteString("subscriptionId", n.SubscriptionId);
                w.WriteString("time", n.Time.UtcDateTime);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }, 1 << 16));
        routes.MapPost("/_sim/ws", async (HttpContext ctx) =>
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body);
            var e = doc.RootElement;
            var s = sim.Gateway.Settings;
            var dropped = 0;
            try
            {
                if (e.TryGetProperty("idleTimeout", out var v)) s.IdleTimeoutSeconds = v.GetInt32();
                if (e.TryGetProperty("absoluteTimeout", out v)) s.AbsoluteTimeoutSeconds = v.GetInt32();
                if (e.TryGetProperty("recoveryTimeout", out v)) s.RecoveryTimeoutSeconds = v.GetInt32();
                if (e.TryGetProperty("recoveryBufferSize", out v)) s.RecoveryBufferSize = v.GetInt32();
                if (e.TryGetProperty("tokenTtl", out v)) s.TokenTtlSeconds = v.GetInt32();
                if (e.TryGetProperty("notificationDelayMs", out v)) s.NotificationDelayMs = v.GetInt32();
                if (e.TryGetProperty("webSocketPermission", out v)) s.WebSocketPermission = v.GetBoolean();
                if (e.TryGetProperty("callControlPermission", out v)) s.CallControlPermission = v.GetBoolean();
                if (e.TryGetProperty("refuseNextRecovery", out v)) s.RefuseNextRecovery = v.GetBoolean();
                if (e.TryGetProperty("replayDeliveredOnNextRecovery", out v)) s.ReplayDeliveredOnNextRecovery = v.GetBoolean();
                if (e.TryGetProperty("malformed", out v) && v.GetBoolean()) sim.Gateway.SendMalformed();
                if (e.TryGetProperty("drop", out v) && v.GetBoolean()) dropped = sim.Gateway.DropAll();
            }
            catch (InvalidOperationException ex)
            {
                throw new Refusal(400, ErrorBodies.Simple("SIM-400", ex.Message));
            }
            await JsonBody.WriteAsync(ctx, 200, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("dropped", dropped);
                w.WriteNumber("openConnections", sim.Gateway.OpenConnections);
                w.WriteNumber("notificationsSent", sim.Gateway.NotificationsSent);
                w.WriteEndObject();
            });
        });
    }

    /// <summary>Bearer token of a live OAuth session in; a token for one WebSocket connect out (Auth group, WebSocket permission).</summary>
    private static async Task WsTokenAsync(HttpContext ctx, SimulatorState sim)
    {
        var session = Authenticate(ctx, sim);
        RateLimitGate.Apply(ctx, sim, Infrastructure.RateGroup.Auth, session.Extension.Id + ":" + session.ClientId);
        if (!sim.Gateway.Settings.WebSocketPermission)
        {
            throw new Refusal(403, ErrorBodies.Api("InsufficientPermissions", "CMN-408", "[WebSocket] permission required", permissionName: "WebSocket"));
        }
        var ttl = sim.Gateway.Settings.TokenTtlSeconds;
        var token = sim.Gateway.Tokens.Issue(session, TimeSpan.FromSeconds(ttl), DateTimeOffset.UtcNow);
        var uri = sim.PlatformBase.Replace("http://", "ws://", StringComparison.Ordinal) + "/ws";
        await JsonBody.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("ws_access_token", token);
            w.WriteString("uri", uri);
            w.WriteNumber("expires_in", ttl);
            w.WriteEndObject();
        });
    }

    private static Session Authenticate(HttpContext ctx, SimulatorState sim)
    {
        var header = ctx.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) throw new Refusal(401, ErrorBodies.Api("AuthorizationRequired", "AGW-401", "Authorization header is not specified"));
        var (outcome, session) = sim.Tokens.CheckAccess(header[7..].Trim(), DateTimeOffset.UtcNow);
        return outcome switch
        {
            AccessOutcome.Ok => session!,
            AccessOutcome.Expired => throw new Refusal(401, ErrorBodies.Api("TokenExpired", "OAU-128", "Access token expired")),
            _ => throw new Refusal(401, ErrorBodies.Api("TokenInvalid", "OAU-149", "OAuth token is invalid")),
        };
    }

    private static async Task ConnectAsync(HttpContext ctx, SimulatorState sim)
    {
        if (!ctx.WebSockets.IsWebSocketRequest)
        {
            await JsonBody.WriteAsync(ctx, 400, ErrorBodies.Simple("WSG-400", "A WebSocket upgrade is expected here."));
            return;
        }
        var gateway = sim.Gateway;
        var token = ctx.Request.Query["access_token"].ToString();
        var oauth = token.Length == 0 ? null : gateway.Tokens.Check(token, DateTimeOffset.UtcNow);
        using var socket = await ctx.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = TimeSpan.FromSeconds(gateway.Settings.PingSeconds),
        });
        if (oauth is null)
        {
            // RingCentral closes a handshake without a (valid) token with 4400 after the upgrade.
            await CloseWithErrorAsync(socket, "WSG-401", token.Length == 0 ? "The access_token parameter is missing." : "The WebSocket token is invalid or expired.", (WebSocketCloseStatus)4400);
            return;
        }

        var (session, state, error) = Recover(gateway, oauth, ctx.Request.Query["wsc"].ToString());
        if (session is null)
        {
            await CloseWithErrorAsync(socket, "WSG-400", "The wsc token is malformed.", WebSocketCloseStatus.PolicyViolation);
            return;
        }

        using var connection = new GatewayConnection(socket, gateway, session);
        // A recovering client may still hold the old socket open: the new connection takes the session over.
        session.Connection?.Abort();
        long? replayAfter = state == "Successful" ? WscToken.Parse(ctx.Request.Query["wsc"].ToString())!.Value.Sequence : null;
        if (replayAfter is not null && gateway.Settings.ReplayDeliveredOnNextRecovery)
        {
            // A test's replay of events the client already has: the whole buffer again, from its start.
            gateway.Settings.ReplayDeliveredOnNextRecovery = false;
            replayAfter = 0;
        }
        var created = DateTimeOffset.UtcNow;
        session.Attach(connection, wsc => GatewayFrames.ConnectionDetails(wsc, gateway.Settings, created, state, error), replayAfter);
        gateway.Track(connection);
        await connection.RunAsync(ctx.RequestAborted);
    }

    /// <summary>
    /// The gateway session this connect continues, with recoveryState and its error code: no wsc, a new
    /// session (no state); a wsc of ours that can be honoured, the same session (Successful); otherwise a
    /// new session without subscription (Failed). Null session: the wsc is not one of ours (WSG-400).
    /// The codes where RingCentral's sources are silent are the simulator's own (docs/simulator.md).
    /// </summary>
    private static (GatewaySession? Session, string? State, string? Error) Recover(Gateway gateway, Session oauth, string wsc)
    {
        if (wsc.Length == 0) return (gateway.NewSession(oauth), null, null);
        if (WscToken.Parse(wsc) is not { } presented || gateway.FindSession(presented.SessionKey) is not { } old) return (null, null, null);
        var settings = gateway.Settings;
        string? failure =
            settings.RefuseNextRecovery ? "WSG-1005"
            : old.OAuth.SessionId != oauth.SessionId ? "WSG-1003"
            : old.Subscription is null ? "WSG-1005"
            : old.DroppedAt is { } dropped && DateTimeOffset.UtcNow - dropped > TimeSpan.FromSeconds(settings.RecoveryTimeoutSeconds) ? "WSG-1004"
            : !old.CanReplayAfter(presented.Sequence) ? "WSG-1006"
            : null;
        settings.RefuseNextRecovery = false;
        return failure is null ? (old, "Successful", null) : (gateway.NewSession(oauth), "Failed", failure);
    }

    private static async Task CloseWithErrorAsync(WebSocket socket, string code, string message, WebSocketCloseStatus status)
    {
        await socket.SendAsync(GatewayFrames.Error(code, message), WebSocketMessageType.Text, true, CancellationToken.None);
        await socket.CloseAsync(status, code, CancellationToken.None);
    }
}
