using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;

namespace RingCentral.CallLog.Tests.TestSupport;

/// <summary>
/// A minimal forward HTTP proxy on loopback: reads absolute-form requests, forwards them, and
/// records each request line, so a test can see which requests went through it.
/// </summary>
internal sealed class LoopbackProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly HttpClient _upstream = new(new HttpClientHandler { UseProxy = false, AllowAutoRedirect = false });
    private readonly CancellationTokenSource _stop = new();

    public LoopbackProxy()
    {
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = AcceptLoopAsync();
    }

    public Uri Address { get; }

    public List<string> RequestLines { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _upstream.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            while (true)
            {
                var head = await ReadHeadAsync(stream);
                if (head is null)
                {
                    return;
                }

                var lines = head.Split("\r\n");
                lock (RequestLines)
                {
                    RequestLines.Add(lines[0]);
                }

                var parts = lines[0].Split(' ');
                using var request = new HttpRequestMessage(new HttpMethod(parts[0]), parts[1]);
                var contentLength = 0;
                var contentHeaders = new List<(string, string)>();
                foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    var name = line[..colon].Trim();
                    var value = line[(colon + 1)..].Trim();
                    if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    {
                        contentLength = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                    }
                    else if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
                    {
                        contentHeaders.Add((name, value));
                    }
                    else if (!name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase) && !name.Equals("Host", StringComparison.OrdinalIgnoreCase) && !name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
                    {
                        request.Headers.TryAddWithoutValidation(name, value);
                    }
                }

                if (contentLength > 0)
                {
                    var body = new byte[contentLength];
                    await stream.ReadExactlyAsync(body);
                    request.Content = new ByteArrayContent(body);
                    foreach (var (name, value) in contentHeaders)
                    {
                        request.Content.Headers.TryAddWithoutValidation(name, value);
                    }
                }

                using var response = await _upstream.SendAsync(request);
                var payload = await response.Content.ReadAsByteArrayAsync();
                var text = new StringBuilder($"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\n");
                foreach (var header in response.Headers.Concat(response.Content.Headers).Where(h => !h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
                {
                    text.Append(header.Key).Append(": ").Append(string.Join(", ", header.Value)).Append("\r\n");
                }

                text.Append("Content-Length: ").Append(payload.Length).Append("\r\n\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(text.ToString()));
                await stream.WriteAsync(payload);
            }
        }
    }

    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            bytes.Add(one[0]);
            var n = bytes.Count;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray(), 0, n - 4);
            }
        }
    }
}
