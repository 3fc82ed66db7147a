using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RingCentral.Simulator.Tests.Events;

/// <summary>A bare WebSocket client of the simulator's gateway: each frame read as a JSON array [meta, body?].</summary>
public sealed class GatewayClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    private GatewayClient()
    {
    }

    public JsonObject ConnectionDetailsMeta { get; private set; } = null!;

    public JsonObject ConnectionDetails { get; private set; } = null!;

    /// <summary>The wsc of the newest frame read that carried one.</summary>
    public string? Wsc { get; private set; }

    public WebSocketState State => _socket.State;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>A fresh wstoken for <paramref name="accessToken"/>, then the connect; reads ConnectionDetails.</summary>
    public static async Task<GatewayClient> ConnectAsync(SimClient sim, string accessToken, string? wsc = null)
    {
        var client = await OpenAsync(await WsUriAsync(sim, accessToken), wsc);
        var first = await client.ReadAsync();
        Assert.Equal("ConnectionDetails", (string?)first[0]!["type"]);
        client.ConnectionDetailsMeta = first[0]!.AsObject();
        client.ConnectionDetails = first[1]!.AsObject();
        return client;
    }

    /// <summary>The gateway address with a new single-use token: "ws://…/ws?access_token=…".</summary>
    public static async Task<string> WsUriAsync(SimClient sim, string accessToken)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, sim.Info.Url + "/restapi/oauth/wstoken");
        req.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        using var resp = await sim.Http.SendAsync(req);
        Assert.Equal(System.Net.HttpStatusCode.OK, resp.StatusCode);
        var body = JsonNode.Parse(await resp.Content.ReadAsStringAsync())!;
        return (string)body["uri"]! + "?access_token=" + Uri.EscapeDataString((string)body["ws_access_token"]!);
    }

    /// <summary>Only the WebSocket handshake; nothing read.</summary>
    public static async Task<GatewayClient> OpenAsync(string uri, string? wsc = null)
    {
        var client = new GatewayClient();
        await client._socket.ConnectAsync(new Uri(wsc is null ? uri : uri + "&wsc=" + Uri.EscapeDataString(wsc)), Timeout());
        return client;
    }

    public Task SendAsync(JsonArray frame) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, Timeout());

    /// <summary>A ClientRequest; returns its answer, collecting any notification read before it into <paramref name="notifications"/>.</summary>
    public async Task<JsonArray> RequestAsync(string method, string path, JsonNode? body, List<JsonArray>? notifications = null)
    {
        var id = Guid.NewGuid().ToString();
        var frame = new JsonArray(new JsonObject { ["type"] = "ClientRequest", ["messageId"] = id, ["method"] = method, ["path"] = path });
        if (body is not null) frame.Add(body);
        await SendAsync(frame);
        while (true)
        {
            var answer = await ReadAsync();
            if ((string?)answer[0]!["messageId"] == id) return answer;
            notifications?.Add(answer);
        }
    }

    public Task<JsonArray> SubscribeAsync(params string[] filters) => RequestAsync("POST", "/restapi/v1.0/subscription", new JsonObject
    {
        ["eventFilters"] = new JsonArray(filters.Select(f => (JsonNode)f!).ToArray()),
        ["deliveryMode"] = new JsonObject { ["transportType"] = "WebSocket" },
    });

    /// <summary>The next frame; throws on a close or after a generous hang guard.</summary>
    public async Task<JsonArray> ReadAsync(TimeSpan? within = null)
    {
        var text = await ReadTextAsync(within) ?? throw new WebSocketException("closed by the server");
        var frame = JsonNode.Parse(text)!.AsArray();
        if (frame[0]?["wsc"]?["token"] is JsonNode wsc) Wsc = (string)wsc!;
        return frame;
    }

    /// <summary>The next frame's text, or null when the server closed.</summary>
    public async Task<string?> ReadTextAsync(TimeSpan? within = null)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        using var guard = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, guard.Token);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
        }
    }

    /// <summary>Reads notifications until <paramref name="count"/> arrived (other frames are returned too, in order).</summary>
    public async Task<List<JsonArray>> ReadNotificationsAsync(int count)
    {
        var frames = new List<JsonArray>();
        while (frames.Count(f => (string?)f[0]!["type"] == "ServerNotification") < count) frames.Add(await ReadAsync());
        return frames.Where(f => (string?)f[0]!["type"] == "ServerNotification").ToList();
    }

    public void Abort() => _socket.Abort();

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, Timeout());
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        }
        _socket.Dispose();
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
