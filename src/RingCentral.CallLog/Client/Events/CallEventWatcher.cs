using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Client.Events;

/// <summary>
/// Watches telephony session events over RingCentral's WebSocket gateway until its token ends:
/// connect (fresh wstoken), subscribe, read notifications, keep the socket alive with heartbeats,
/// and after a drop reconnect with session recovery; a session that cannot be recovered is a gap,
/// reported (or, when asked, an error). Every event is handed to the caller once.
/// </summary>
internal sealed class CallEventWatcher
{
    private const string SubscriptionPath = "/restapi/v1.0/subscription";
    private static readonly TimeSpan CloseBudget = TimeSpan.FromSeconds(5);

    private readonly RcHttpCore _core;
    private readonly WsTokenApi _tokens;
    private readonly IReadOnlyList<string> _filters;
    private readonly IRcEvents _events;
    private readonly RecentEventKeys _seen = new(10000);
    private readonly SequenceOrder _order = new(TimeSpan.FromMilliseconds(500));

    // The newest recovery token read: a secret of the session, never put into any text.
    private string? _wsc;
    private string? _subscriptionId;

    // RingCentral's time of the newest notification received: events after it may be lost with a session.
    private DateTime? _lastNotificationTime;
    private TimeSpan _recoveryTimeout = TimeSpan.FromSeconds(180);

    public CallEventWatcher(RcHttpCore core, IReadOnlyList<string> filters, IRcEvents events)
    {
        _core = core;
        _tokens = new WsTokenApi(core);
        _filters = filters;
        _events = events;
    }

    /// <summary>Silence after which a Heartbeat is sent (RingCentral asks for one at least every 30 s).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Reconnect attempts in a row before the watch gives up.</summary>
    public int MaxReconnectAttempts { get; init; } = 10;

    /// <summary>True: a session that could not be recovered ends the watch with <see cref="CallEventGapException"/>.</summary>
    public bool StopOnGap { get; init; }

    /// <summary>
    /// Runs until <paramref name="end"/> is cancelled, then cancels the subscription and closes the
    /// socket, and returns. Failures that more attempts cannot cure are thrown.
    /// </summary>
    public async Task RunAsync(Action<RcCallEvent> deliver, CancellationToken end)
    {
        GatewayConnection? connection = await OpenAsync(null, end).ConfigureAwait(false);
        try
        {
            await SubscribeAsync(connection, deliver, end).ConfigureAwait(false);
            while (true)
            {
                var drop = await ReadAsync(connection, deliver, end).ConfigureAwait(false);
                if (drop is null)
                {
                    return;
                }

                var droppedAt = DateTime.UtcNow;

                // Frames come in order: what the gateway queued after the newest notification read may
                // have died with the socket, even if queued before the drop was noticed.
                var gapFrom = _lastNotificationTime ?? connection.ConnectedAt;
                _events.Verbose($"The WebSocket connection ended ({drop}); reconnecting.");
                connection.Socket.Dispose();

                // Gone: nothing of it to close if the reconnect fails.
                connection = null;
                connection = await ReconnectAsync(droppedAt, gapFrom, deliver, end).ConfigureAwait(false);
                if (connection is null)
                {
                    return;
                }
            }
        }
        finally
        {
            if (connection is not null)
            {
                await CloseAsync(connection).ConfigureAwait(false);
            }
        }
    }

    private async Task<GatewayConnection?> ReconnectAsync(DateTime droppedAt, DateTime gapFrom, Action<RcCallEvent> deliver, CancellationToken end)
    {
        for (var attempt = 0; ; attempt++)
        {
            var wait = ReconnectBackoff.Before(attempt, FirstBackoff, MaxBackoff);
            try
            {
                await RcHttpCore.DelayAsync(wait, "reconnecting to the WebSocket gateway", _events, end).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (end.IsCancellationRequested)
            {
                return null;
            }

            // Recovery is only worth asking for within the gateway's recoveryTimeout of the drop.
            var presented = DateTime.UtcNow - droppedAt < _recoveryTimeout ? _wsc : null;
            GatewayConnection connection;
            try
            {
                connection = await OpenAsync(presented, end).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (end.IsCancellationRequested)
            {
                return null;
            }
            catch (RcApiException ex) when (IsTransient(ex.Kind) && attempt + 1 < MaxReconnectAttempts)
            {
                _events.Verbose($"Reconnect attempt {attempt + 1} failed: {ex.Message}");
                continue;
            }

            if (connection.RecoveryState == "Successful")
            {
                _events.Verbose("Reconnected and recovered the session: events sent meanwhile come now.");
                return connection;
            }

            var reason = presented is null
                ? string.Format(CultureInfo.InvariantCulture, "reconnected after the recovery timeout of {0:0} s", _recoveryTimeout.TotalSeconds)
                : "recovery " + (connection.RecoveryState ?? "not answered") + (connection.RecoveryErrorCode is null ? string.Empty : " with " + connection.RecoveryErrorCode);
            if (StopOnGap)
            {
                await CloseAsync(connection).ConfigureAwait(false);
                throw new CallEventGapException(gapFrom, DateTime.UtcNow, reason);
            }

            try
            {
                await SubscribeAsync(connection, deliver, end).ConfigureAwait(false);
            }
            catch
            {
                await CloseAsync(connection).ConfigureAwait(false);
                throw;
            }

            // The gap ends once the new subscription exists: events before it went nowhere.
            _events.Warning(CallEventGapException.Describe(gapFrom, DateTime.UtcNow, reason) + " Subscribed again.");
            return connection;
        }
    }

    private static bool IsTransient(RcErrorKind kind) =>
        kind is RcErrorKind.ConnectionFailed or RcErrorKind.ServiceUnavailable or RcErrorKind.RequestTimeout or RcErrorKind.ResponseInvalid;

    /// <summary>A fresh token, the connect, and the ConnectionDetails frame.</summary>
    private async Task<GatewayConnection> OpenAsync(string? wsc, CancellationToken end)
    {
        var uri = await _tokens.NewGatewayUriAsync(_events, end).ConfigureAwait(false);
        if (wsc is not null)
        {
            uri = new Uri(uri.AbsoluteUri + "&wsc=" + Uri.EscapeDataString(wsc));
        }

        var socket = await GatewaySocket.ConnectAsync(uri, _core.Settings, end).ConfigureAwait(false);
        var connection = new GatewayConnection(socket);
        try
        {
            var first = await GatewayFrameJson.WithinAsync(connection.NextFrame(), _core.Settings.RequestTimeout, end).ConfigureAwait(false);
            using var frame = Parse(first) ?? throw new RcApiException(RcErrorKind.ConnectionFailed, "The WebSocket gateway closed the connection before it said anything.");
            var (meta, body) = GatewayFrameJson.Split(frame);
            var type = CallEventMapper.Text(meta, "type");
            if (type == "Error")
            {
                throw new RcApiException(RcErrorKind.ConnectionFailed, $"The WebSocket gateway refused the connection: {CallEventMapper.Text(body, "errorCode")} {CallEventMapper.Text(body, "message")}".TrimEnd()) { ErrorCode = CallEventMapper.Text(body, "errorCode") };
            }

            if (type != "ConnectionDetails")
            {
                throw new RcApiException(RcErrorKind.ResponseInvalid, "The WebSocket gateway's first frame was " + (type ?? "of no type") + ", not ConnectionDetails.");
            }

            ReadWsc(meta);
            if (int.TryParse(CallEventMapper.Text(body, "recoveryTimeout"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            {
                _recoveryTimeout = TimeSpan.FromSeconds(seconds);
            }

            connection.RecoveryState = CallEventMapper.Text(body, "recoveryState");
            connection.RecoveryErrorCode = CallEventMapper.Text(body, "recoveryErrorCode");
            _events.Verbose($"Connected to the WebSocket gateway at {uri.Host}" + (wsc is null ? "." : $" (recovery {connection.RecoveryState ?? "not answered"})."));
            return connection;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task SubscribeAsync(GatewayConnection connection, Action<RcCallEvent> deliver, CancellationToken end)
    {
        var body = GatewayFrameJson.JsonText(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("eventFilters");
            foreach (var filter in _filters)
            {
                w.WriteStringValue(filter);
            }

            w.WriteEndArray();
            w.WriteStartObject("deliveryMode");
            w.WriteString("transportType", "WebSocket");
            w.WriteEndObject();
            w.WriteEndObject();
        });
        using var answer = await RequestAsync(connection, "POST", SubscriptionPath, body, deliver, end).ConfigureAwait(false);
        var (meta, info) = GatewayFrameJson.Split(answer);
        var status = CallEventMapper.Text(meta, "status");
        if (status != "200")
        {
            var code = CallEventMapper.Text(info, "errorCode");
            var kind = status == "403" ? RcErrorKind.PermissionDenied : status == "401" ? RcErrorKind.AuthenticationFailed : RcErrorKind.RequestInvalid;
            throw new RcApiException(kind, $"RingCentral refused the event subscription ({status} {code}): {CallEventMapper.Text(info, "message")}".TrimEnd()) { ErrorCode = code, StatusCode = int.TryParse(status, out var s) ? s : null };
        }

        _subscriptionId = CallEventMapper.Text(info, "id");
        if (info.TryGetProperty("disabledFilters", out var disabled) && disabled.ValueKind == JsonValueKind.Array && disabled.GetArrayLength() > 0)
        {
            var each = disabled.EnumerateArray().Select(d => $"{CallEventMapper.Text(d, "filter")}: {CallEventMapper.Text(d, "reason")} ({CallEventMapper.Text(d, "message")})");
            throw new RcApiException(RcErrorKind.PermissionDenied, "RingCentral disabled event filters of the subscription, so their events would never come: " + string.Join("; ", each));
        }

        _events.Verbose($"Subscribed to {_filters.Count} event filter(s) (subscription {_subscriptionId}).");
    }

    /// <summary>Reads and handles frames until the end (null) or a drop (its reason).</summary>
    private async Task<string?> ReadAsync(GatewayConnection connection, Action<RcCallEvent> deliver, CancellationToken end)
    {
        while (true)
        {
            var frame = connection.NextFrame();
            var due = _order.NextDue;
            var wait = due is null ? HeartbeatInterval : TimeSpan.FromTicks(Math.Max(0, Math.Min(HeartbeatInterval.Ticks, (due.Value - DateTime.UtcNow).Ticks)));
            using (var quiet = CancellationTokenSource.CreateLinkedTokenSource(end))
            {
                var silence = Task.Delay(wait, quiet.Token);
                await Task.WhenAny(frame, silence).ConfigureAwait(false);
                quiet.Cancel();
            }

            if (end.IsCancellationRequested)
            {
                foreach (var e in _order.Release(DateTime.UtcNow, true))
                {
                    deliver(e);
                }

                return null;
            }

            foreach (var e in _order.Release(DateTime.UtcNow, false))
            {
                deliver(e);
            }

            string? text;
            if (!frame.IsCompleted)
            {
                if (due is not null && wait < HeartbeatInterval)
                {
                    continue;
                }

                if (!await SendHeartbeatAsync(connection, end).ConfigureAwait(false))
                {
                    return "the heartbeat could not be sent";
                }

                continue;
            }

            try
            {
                text = await connection.TakeFrame().ConfigureAwait(false);
            }
            catch (WebSocketException ex)
            {
                return "the socket dropped: " + ex.WebSocketErrorCode;
            }

            if (text is null)
            {
                return "closed by the server";
            }

            var drop = Handle(text, deliver);
            if (drop is not null)
            {
                return drop;
            }

            if (DateTime.UtcNow - connection.Socket.LastSent >= HeartbeatInterval && !await SendHeartbeatAsync(connection, end).ConfigureAwait(false))
            {
                return "the heartbeat could not be sent";
            }
        }
    }

    /// <summary>Handles one frame read while watching; returns why the connection is over, if it is.</summary>
    private string? Handle(string text, Action<RcCallEvent> deliver)
    {
        using var frame = Parse(text);
        if (frame is null)
        {
            return null;
        }

        var (meta, body) = GatewayFrameJson.Split(frame);
        ReadWsc(meta);
        switch (CallEventMapper.Text(meta, "type"))
        {
            case "ServerNotification":
                var received = DateTime.UtcNow;
                if (DateTime.TryParse(CallEventMapper.Text(body, "timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var sentAt))
                {
                    _lastNotificationTime = sentAt;
                }

                foreach (var e in CallEventMapper.Map(body, received))
                {
                    if (_seen.Add(e.TelephonySessionId + "|" + e.PartyId + "|" + e.Sequence?.ToString(CultureInfo.InvariantCulture)))
                    {
                        foreach (var ready in _order.Add(e, received))
                        {
                            deliver(ready);
                        }
                    }
                    else
                    {
                        _events.Debug($"Skipped event {e} sent again.");
                    }
                }

                return null;
            case "Heartbeat":
                _events.Debug("Heartbeat answered.");
                return null;
            case "Error":
                return $"gateway error {CallEventMapper.Text(body, "errorCode")}: {CallEventMapper.Text(body, "message")}";
            default:
                return null;
        }
    }

    private async Task<bool> SendHeartbeatAsync(GatewayConnection connection, CancellationToken end)
    {
        try
        {
            await connection.Socket.SendAsync(GatewayFrameJson.JsonText(w =>
            {
                w.WriteStartArray();
                w.WriteStartObject();
                w.WriteString("type", "Heartbeat");
                w.WriteString("messageId", Guid.NewGuid().ToString());
                w.WriteEndObject();
                w.WriteEndArray();
            }), end).ConfigureAwait(false);
            _events.Debug("Heartbeat sent.");
            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or InvalidOperationException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>A ClientRequest and its answer; notifications read meanwhile are handled as usual.</summary>
    private async Task<JsonDocument> RequestAsync(GatewayConnection connection, string method, string path, string? body, Action<RcCallEvent> deliver, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString();
        var request = GatewayFrameJson.JsonText(w =>
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("type", "ClientRequest");
            w.WriteString("messageId", id);
            w.WriteString("method", method);
            w.WriteString("path", path);
            w.WriteEndObject();
            if (body is not null)
            {
                using var parsed = JsonDocument.Parse(body);
                parsed.RootElement.WriteTo(w);
            }

            w.WriteEndArray();
        });
        try
        {
            await connection.Socket.SendAsync(request, cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var text = await GatewayFrameJson.WithinAsync(connection.NextFrame(), _core.Settings.RequestTimeout, cancellationToken).ConfigureAwait(false);
                _ = connection.TakeFrame();
                if (text is null)
                {
                    throw new RcApiException(RcErrorKind.ConnectionFailed, $"The WebSocket gateway closed the connection before it answered {method} {path}.");
                }

                var frame = Parse(text);
                if (frame is not null && CallEventMapper.Text(GatewayFrameJson.Split(frame).Meta, "messageId") == id)
                {
                    return frame;
                }

                frame?.Dispose();
                if (Handle(text, deliver) is string drop)
                {
                    throw new RcApiException(RcErrorKind.ConnectionFailed, $"The WebSocket connection ended before {method} {path} was answered ({drop}).");
                }
            }
        }
        catch (WebSocketException ex)
        {
            throw new RcApiException(RcErrorKind.ConnectionFailed, $"The WebSocket connection dropped during {method} {path} ({ex.WebSocketErrorCode}).");
        }
    }

    /// <summary>Cancels the subscription over the socket and closes it, within a short budget; failures only reported.</summary>
    private async Task CloseAsync(GatewayConnection connection)
    {
        using (connection.Socket)
        {
            if (_subscriptionId is not null && connection.Socket.IsOpen)
            {
                using var budget = new CancellationTokenSource(CloseBudget);
                try
                {
                    using var answer = await RequestAsync(connection, "DELETE", SubscriptionPath + "/" + _subscriptionId, null, _ => { }, budget.Token).ConfigureAwait(false);
                    _events.Verbose($"Cancelled subscription {_subscriptionId} ({CallEventMapper.Text(GatewayFrameJson.Split(answer).Meta, "status")}).");
                    _subscriptionId = null;
                }
                catch (Exception ex) when (ex is RcApiException or OperationCanceledException or WebSocketException)
                {
                    _events.Verbose("Could not cancel the subscription before closing (it ends with the session): " + ex.Message);
                }
            }

            await connection.Socket.CloseAsync(CloseBudget).ConfigureAwait(false);
            _events.Verbose("Closed the WebSocket connection.");
        }
    }

    private void ReadWsc(JsonElement meta)
    {
        if (meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("wsc", out var wsc) && CallEventMapper.Text(wsc, "token") is string token)
        {
            _wsc = token;
        }
    }

    private JsonDocument? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind == JsonValueKind.Array && doc.RootElement.GetArrayLength() > 0)
            {
                return doc;
            }

            doc.Dispose();
        }
        catch (JsonException)
        {
        }

        _events.Warning("The WebSocket gateway sent a frame that is not a JSON array of [meta, body]; it was skipped.");
        return null;
    }



}
