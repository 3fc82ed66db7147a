using System;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace RingCentral.CallLog.Client.Events;

/// <summary>The gateway's frames as JSON: [meta, body] split, written, and awaited within a time limit.</summary>
internal static class GatewayFrameJson
{
    public static (JsonElement Meta, JsonElement Body) Split(JsonDocument frame)
    {
        var root = frame.RootElement;
        return (root[0], root.GetArrayLength() > 1 ? root[1] : default);
    }

    public static async Task<string?> WithinAsync(Task<string?> frame, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(limit, guard.Token);
        await Task.WhenAny(frame, timer).ConfigureAwait(false);
        guard.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
        if (!frame.IsCompleted)
        {
            throw new RcApiException(RcErrorKind.RequestTimeout, "The WebSocket gateway did not answer within " + limit.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s.");
        }

        try
        {
            return await frame.ConfigureAwait(false);
        }
        catch (WebSocketException ex)
        {
            throw new RcApiException(RcErrorKind.ConnectionFailed, "The WebSocket connection dropped (" + ex.WebSocketErrorCode + ").");
        }
    }

    public static string JsonText(Action<Utf8JsonWriter> write)
    {
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
