using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Events;

/// <summary>
/// One client's WebSocket to the gateway: frames out through one queue (so notifications and answers
/// never interleave mid-frame), frames in answered as RingCentral does (ClientRequest, Heartbeat), and
/// the idle and absolute timeouts closed with their WSG- error frames.
/// </summary>
internal sealed class GatewayConnection : IDisposable
{
    private static readonly TimeSpan s_tick = TimeSpan.FromMilliseconds(200);

    private readonly WebSocket _socket;
    private readonly Gateway _gateway;
    private readonly Channel<(byte[] Frame, bool AfterPause)> _out = Channel.CreateUnbounded<(byte[], bool)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private DateTimeOffset _lastHeard = DateTimeOffset.UtcNow;
    private string? _closeReason;

    public GatewayConnection(WebSocket socket, Gateway gateway, GatewaySession session)
    {
        _socket = socket;
        _gateway = gateway;
        Session = session;
    }

    public GatewaySession Session { get; }

    public void Send(byte[] frame) => _out.Writer.TryWrite((frame, false));

    /// <summary>
    /// Sends <paramref name="frame"/> a moment after what is queued before it: a recovery's replay. The
    /// real gateway replays from its buffer after the connect, never in the same packet as
    /// ConnectionDetails, and RingCentral's JS client attaches its listener only once it has read
    /// ConnectionDetails, so notifications glued to it would be lost there.
    /// </summary>
    public void SendAfterPause(byte[] frame) => _out.Writer.TryWrite((frame, true));

    /// <summary>Drops the connection without a close handshake, as a broken network does.</summary>
    public void Abort()
    {
        _socket.Abort();
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already over.
        }
    }

    public void Dispose() => _stop.Dispose();

    public async Task RunAsync(CancellationToken aborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stop.Token);
        var writer = WriteLoopAsync(linked.Token);
        var timeouts = TimeoutLoopAsync(linked.Token);
        try
        {
            await ReadLoopAsync(linked.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away, or the gateway dropped it: the session stays for a recovery.
        }
        finally
        {
            _out.Writer.TryComplete();
            await _stop.CancelAsync();
            await Task.WhenAll(writer, timeouts).ContinueWith(_ => { }, TaskScheduler.Default);
            Session.Detach(this, DateTimeOffset.UtcNow);
            _gateway.Forget(this);
        }
    }

    private async Task ReadLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived) await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                return;
            }
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            _lastHeard = DateTimeOffset.UtcNow;
            Handle(message.ToArray());
            message.SetLength(0);
        }
    }

    private void Handle(byte[] frame)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(frame);
        }
        catch (JsonException)
        {
            Send(GatewayFrames.Error("WSG-400", "The message is not a JSON array of meta and body."));
            return;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0 || root[0].ValueKind != JsonValueKind.Object)
            {
                Send(GatewayFrames.Error("WSG-400", "The message is not a JSON array of meta and body."));
                return;
            }
            var meta = root[0];
            var type = Text(meta, "type");
            var messageId = Text(meta, "messageId") ?? "";
            switch (type)
            {
                case "Heartbeat":
                    Send(GatewayFrames.Heartbeat(messageId));
                    break;
                case "ClientRequest":
                    var body = root.GetArrayLength() > 1 ? root[1] : default;
                    var (status, subscriptionId, answer) = _gateway.Subscriptions.Handle(Session, Text(meta, "method") ?? "GET", Text(meta, "path") ?? "", body);
                    Send(GatewayFrames.ClientResponse(messageId, status, subscriptionId, answer));
                    break;
                default:
                    Send(GatewayFrames.Error("WSG-400", $"Unknown message type '{type}'."));
                    break;
            }
        }
    }

    private async Task WriteLoopAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var (frame, afterPause) in _out.Reader.ReadAllAsync(ct))
            {
                var delay = _gateway.Settings.NotificationDelayMs + (afterPause ? 100 : 0);
                if (delay > 0) await Task.Delay(delay, ct);
                await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, ct);
            }

            // The queue ends only when a timeout closes the connection: its error frame went out last.
            if (_closeReason is not null) await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, _closeReason, ct);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Idle: nothing heard from the client for idleTimeout (WSG-902). Absolute: connected for absoluteTimeout (WSG-903).</summary>
    private async Task TimeoutLoopAsync(CancellationToken ct)
    {
        var connectedAt = DateTimeOffset.UtcNow;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(s_tick, ct);
                var now = DateTimeOffset.UtcNow;
                var settings = _gateway.Settings;
                var (code, text) = now - _lastHeard >= TimeSpan.FromSeconds(settings.IdleTimeoutSeconds) ? ("WSG-902", "Idle timeout expired.")
                    : now - connectedAt >= TimeSpan.FromSeconds(settings.AbsoluteTimeoutSeconds) ? ("WSG-903", "Absolute timeout expired.")
                    : (null, null);
                if (code is null) continue;
                // Through the queue: one sender at a time on a WebSocket.
                _closeReason = code;
                Send(GatewayFrames.Error(code, text!));
                _out.Writer.TryComplete();
                _stop.CancelAfter(TimeSpan.FromSeconds(2));
                return;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
