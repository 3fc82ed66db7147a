using System;
using System.IO;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace RingCentral.CallLog.Client.Events;

/// <summary>
/// One WebSocket to the gateway: whole text frames in and out. Sends are serialized (the heartbeat
/// and the requests share the socket); one receive at a time, never cancelled, because a cancelled
/// receive aborts the socket and the subscription could then not be closed cleanly.
/// </summary>
internal sealed class GatewaySocket : IDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);

    private GatewaySocket()
    {
    }

    public DateTime LastSent { get; private set; } = DateTime.UtcNow;

    public bool IsOpen => _socket.State == WebSocketState.Open;

    public static async Task<GatewaySocket> ConnectAsync(Uri uri, RcClientSettings settings, CancellationToken cancellationToken)
    {
        var socket = new GatewaySocket();
        try
        {
            if (settings.Proxy is not null)
            {
                socket._socket.Options.Proxy = new WebProxy(settings.Proxy) { Credentials = settings.ProxyCredential };
            }

            socket._socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
            using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            guard.CancelAfter(settings.RequestTimeout);
            await socket._socket.ConnectAsync(uri, guard.Token).ConfigureAwait(false);
            return socket;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();

            // The exception's text may hold the address, which holds the token: only its kind goes on.
            throw new RcApiException(RcErrorKind.ConnectionFailed, "Could not open the WebSocket to " + uri.Host + " (" + ex.GetType().Name + ").");
        }
    }

    public async Task SendAsync(string json, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(json)), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
            LastSent = DateTime.UtcNow;
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>The next whole text frame; null when the server closed the socket.</summary>
    public async Task<string?> ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    /// <summary>A close handshake within the budget; a socket that cannot is just aborted.</summary>
    public async Task CloseAsync(TimeSpan budget)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var guard = new CancellationTokenSource(budget);
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, guard.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    public void Dispose()
    {
        _socket.Abort();
        _socket.Dispose();
        _sending.Dispose();
    }
}
