using System;
using System.Threading.Tasks;

namespace RingCentral.CallLog.Client.Events;

/// <summary>A socket and its one pending receive, which survives a heartbeat wait.</summary>
internal sealed class GatewayConnection
{
    private Task<string?>? _pending;

    public GatewayConnection(GatewaySocket socket)
    {
        Socket = socket;
    }

    public GatewaySocket Socket { get; }

    public DateTime ConnectedAt { get; } = DateTime.UtcNow;

    public string? RecoveryState { get; set; }

    public string? RecoveryErrorCode { get; set; }

    public Task<string?> NextFrame() => _pending ??= Socket.ReceiveAsync();

    /// <summary>The pending frame, handed over: the next <see cref="NextFrame"/> starts a new receive.</summary>
    public Task<string?> TakeFrame()
    {
        var frame = NextFrame();
        _pending = null;
        return frame;
    }
}
