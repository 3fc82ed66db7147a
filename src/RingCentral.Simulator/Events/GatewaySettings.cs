namespace RingCentral.Simulator.Events;

/// <summary>
/// The WebSocket gateway's timeouts and the switches tests turn (through /_sim/ws), read on each use so a
/// test can shorten a timeout to seconds. Defaults are RingCentral's published ConnectionDetails values.
/// </summary>
internal sealed class GatewaySettings
{
    public int IdleTimeoutSeconds { get; set; } = 1800;
    public int AbsoluteTimeoutSeconds { get; set; } = 86400;
    public int RecoveryTimeoutSeconds { get; set; } = 180;
    public int RecoveryBufferSize { get; set; } = 100;
    public int TokenTtlSeconds { get; set; } = 600;

    /// <summary>Seconds between the server's WebSocket ping frames.</summary>
    public int PingSeconds { get; set; } = 30;

    /// <summary>Whether the app has the WebSocket permission (wstoken) and CallControl (telephony session filters).</summary>
    public bool WebSocketPermission { get; set; } = true;
    public bool CallControlPermission { get; set; } = true;

    /// <summary>The next recovery attempt answers recoveryState Failed, whatever its wsc.</summary>
    public bool RefuseNextRecovery { get; set; }

    /// <summary>The next successful recovery replays the whole buffer, events the client already had included.</summary>
    public bool ReplayDeliveredOnNextRecovery { get; set; }

    /// <summary>Every ServerNotification waits this long before it is sent (frames then overtake each other).</summary>
    public int NotificationDelayMs { get; set; }
}
