using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Client.Auth;

/// <summary>
/// The authorization-code + PKCE (S256) sign-in: listens on a free loopback port for the browser's
/// redirect and hands back the code. A plain socket, so no URL reservation or admin right is needed.
/// </summary>
internal sealed class LoopbackCodeReceiver : IDisposable
{
    private readonly TcpListener _listener;

    public LoopbackCodeReceiver()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        RedirectUri = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";
        CodeVerifier = Base64Url(RandomBytes(32));
        State = Base64Url(RandomBytes(16));
    }

    public string RedirectUri { get; }

    public string CodeVerifier { get; }

    public string State { get; }

    public Uri AuthorizeUri(RcServer server, string clientId)
    {
        using var sha = SHA256.Create();
        var challenge = Base64Url(sha.ComputeHash(Encoding.ASCII.GetBytes(CodeVerifier)));
        var query = $"?response_type=code&client_id={Uri.EscapeDataString(clientId)}&redirect_uri={Uri.EscapeDataString(RedirectUri)}&state={State}&code_challenge={challenge}&code_challenge_method=S256";
        return server.Resolve("/restapi/oauth/authorize" + query);
    }

    /// <summary>How long one accepted connection may take to send its request line and headers.</summary>
    internal TimeSpan ConnectionDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Waits for the redirect; answers the browser with a short page. Each connection is read on
    /// its own with <see cref="ConnectionDeadline"/>, so an idle or trickling one (a browser's
    /// preconnect, a stray client) neither blocks the real redirect nor outlives the token.
    /// Answers without this request's state (an error redirect too) are refused and waited past.
    /// </summary>
    /// <exception cref="RcApiException">The sign-in was refused.</exception>
    public async Task<string> WaitForCodeAsync(CancellationToken cancellationToken)
    {
        var outcome = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using (cancellationToken.Register(() => outcome.TrySetCanceled(cancellationToken)))
        {
            var accepting = AcceptAsync(outcome, stopping.Token);
            try
            {
                return await outcome.Task.ConfigureAwait(false);
            }
            finally
            {
                stopping.Cancel(); // ends the connections still being read
                _listener.Stop();
                await accepting.ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _listener.Stop();

    private async Task AcceptAsync(TaskCompletionSource<string> outcome, CancellationToken stopping)
    {
        var connections = new List<Task>();
        using (stopping.Register(() => _listener.Stop()))
        {
            while (!outcome.Task.IsCompleted)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is ObjectDisposedException or SocketException or InvalidOperationException)
                {
                    if (!stopping.IsCancellationRequested)
                    {
                        outcome.TrySetException(ex);
                    }

                    break;
                }

                connections.Add(ServeAsync(client, outcome, stopping));
                connections.RemoveAll(c => c.IsCompleted);
            }
        }

        await Task.WhenAll(connections).ConfigureAwait(false);
    }

    private async Task ServeAsync(TcpClient client, TaskCompletionSource<string> outcome, CancellationToken stopping)
    {
        using (client)
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping))
        {
            deadline.CancelAfter(ConnectionDeadline);

            // Closing the socket is what ends a read on every runtime (netstandard2.0 reads take no token).
            using var unblock = deadline.Token.Register(client.Close);
            try
            {
                var stream = client.GetStream();
                var requestLine = await ReadRequestLineAsync(stream).ConfigureAwait(false);
                deadline.Token.ThrowIfCancellationRequested();
                var target = requestLine.Split(' ').Length > 1 ? requestLine.Split(' ')[1] : string.Empty;
                var query = ParseQuery(target);
                if (!query.ContainsKey("code") && !query.ContainsKey("error"))
                {
                    await RespondAsync(stream, 404, "Not the sign-in redirect.").ConfigureAwait(false);
                    return; // e.g. the browser asking for /favicon.ico
                }

                if (!query.TryGetValue("state", out var state) || state != State)
                {
                    // Not the answer to this sign-in (another tab, a forged link): it decides nothing.
                    await RespondAsync(stream, 400, "Unexpected sign-in answer: it does not belong to this sign-in.").ConfigureAwait(false);
                    return;
                }

                if (query.TryGetValue("error", out var error))
                {
                    await RespondAsync(stream, 200, "Sign-in was refused. You can close this window.").ConfigureAwait(false);
                    query.TryGetValue("error_description", out var description);
                    outcome.TrySetException(new RcApiException(RcErrorKind.AuthenticationFailed, $"Interactive sign-in was refused: {description ?? error}") { ErrorCode = error });
                    return;
                }

                await RespondAsync(stream, 200, "Signed in to RingCentral. You can close this window and return to PowerShell.").ConfigureAwait(false);
                outcome.TrySetResult(query["code"]);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or InvalidOperationException or OperationCanceledException)
            {
                // A connection that broke or missed its deadline: the browser may still send the real one.
            }
        }
    }

    private static async Task<string> ReadRequestLineAsync(Stream stream)
    {
        var buffer = new byte[8192];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer, total, buffer.Length - total).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
            var text = Encoding.ASCII.GetString(buffer, 0, total);
            if (text.Contains("\r\n\r\n") || text.Contains("\n\n"))
            {
                break;
            }
        }

        var all = Encoding.ASCII.GetString(buffer, 0, total);
        var end = all.IndexOf('\n');
        return (end < 0 ? all : all.Substring(0, end)).Trim();
    }

    private static async Task RespondAsync(Stream stream, int status, string message)
    {
        var body = Encoding.UTF8.GetBytes($"<!DOCTYPE html><html><body><p>{WebUtility.HtmlEncode(message)}</p></body></html>");
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {(status == 200 ? "OK" : "Error")}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(head, 0, head.Length).ConfigureAwait(false);
        await stream.WriteAsync(body, 0, body.Length).ConfigureAwait(false);
    }

    private static Dictionary<string, string> ParseQuery(string target)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var question = target.IndexOf('?');
        if (question < 0)
        {
            return result;
        }

        foreach (var pair in target.Substring(question + 1).Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0)
            {
                result[Uri.UnescapeDataString(pair.Substring(0, equals).Replace('+', ' '))] = Uri.UnescapeDataString(pair.Substring(equals + 1).Replace('+', ' '));
            }
        }

        return result;
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        using var random = RandomNumberGenerator.Create();
        random.GetBytes(bytes);
        return bytes;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
