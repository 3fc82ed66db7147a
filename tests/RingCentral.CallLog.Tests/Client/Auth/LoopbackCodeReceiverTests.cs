using System.Net.Sockets;
using System.Text;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Auth;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Auth;

/// <summary>
/// Issue 14 item 10: the interactive sign-in's loopback listener cannot be held up by a connection
/// that sends nothing, honours the timeout and Ctrl+C while a connection is open, and takes an
/// error redirect only with this sign-in's state.
/// </summary>
public class LoopbackCodeReceiverTests
{
    private static readonly TimeSpan s_hang = TimeSpan.FromSeconds(20);

    private static async Task<TcpClient> OpenAsync(LoopbackCodeReceiver receiver)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", new Uri(receiver.RedirectUri).Port);
        return client;
    }

    private static async Task<string> RedirectAsync(LoopbackCodeReceiver receiver, string query)
    {
        using var client = await OpenAsync(receiver);
        var stream = client.GetStream();
        var request = Encoding.ASCII.GetBytes($"GET /?{query} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task An_idle_connection_does_not_hold_up_the_redirect()
    {
        using var receiver = new LoopbackCodeReceiver();
        var waiting = receiver.WaitForCodeAsync(CancellationToken.None);
        using var idle = await OpenAsync(receiver); // a browser's preconnect: opened, never used
        await Task.Delay(200);
        var page = await RedirectAsync(receiver, $"code=abc&state={receiver.State}").WaitAsync(s_hang);
        Assert.StartsWith("HTTP/1.1 200", page, StringComparison.Ordinal);
        Assert.Equal("abc", await waiting.WaitAsync(s_hang));
    }

    [Fact]
    public async Task Cancellation_ends_the_wait_while_a_connection_sends_nothing()
    {
        using var receiver = new LoopbackCodeReceiver();
        using var ctrlC = new CancellationTokenSource();
        var waiting = receiver.WaitForCodeAsync(ctrlC.Token);
        using var idle = await OpenAsync(receiver);
        await Task.Delay(300); // the listener has accepted it and is reading
        ctrlC.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(s_hang));
    }

    [Fact]
    public async Task A_connection_that_never_finishes_its_request_is_closed_at_the_deadline()
    {
        using var receiver = new LoopbackCodeReceiver { ConnectionDeadline = TimeSpan.FromMilliseconds(500) };
        var waiting = receiver.WaitForCodeAsync(CancellationToken.None);
        using var slow = await OpenAsync(receiver);
        var stream = slow.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /?code=abc&st"));
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(s_hang); // 0: the listener closed it
        Assert.Equal(0, read);
        Assert.False(waiting.IsCompleted);
        Assert.Equal("def", await RedirectAsync(receiver, $"code=def&state={receiver.State}").ContinueWith(_ => waiting).Unwrap().WaitAsync(s_hang));
    }

    [Fact]
    public async Task An_error_redirect_with_another_state_is_refused_and_the_real_answer_still_counts()
    {
        using var receiver = new LoopbackCodeReceiver();
        var waiting = receiver.WaitForCodeAsync(CancellationToken.None);
        var forged = await RedirectAsync(receiver, "error=access_denied&state=not-ours").WaitAsync(s_hang);
        Assert.StartsWith("HTTP/1.1 400", forged, StringComparison.Ordinal);
        var missing = await RedirectAsync(receiver, "error=access_denied").WaitAsync(s_hang);
        Assert.StartsWith("HTTP/1.1 400", missing, StringComparison.Ordinal);
        Assert.False(waiting.IsCompleted);
        await RedirectAsync(receiver, $"code=xyz&state={receiver.State}").WaitAsync(s_hang);
        Assert.Equal("xyz", await waiting.WaitAsync(s_hang));
    }

    [Fact]
    public async Task An_error_redirect_with_this_state_ends_the_sign_in()
    {
        using var receiver = new LoopbackCodeReceiver();
        var waiting = receiver.WaitForCodeAsync(CancellationToken.None);
        await RedirectAsync(receiver, $"error=access_denied&error_description=User+denied&state={receiver.State}").WaitAsync(s_hang);
        var ex = await Assert.ThrowsAsync<RcApiException>(() => waiting.WaitAsync(s_hang));
        Assert.Equal(RcErrorKind.AuthenticationFailed, ex.Kind);
        Assert.Equal("access_denied", ex.ErrorCode);
        Assert.Contains("User denied", ex.Message, StringComparison.Ordinal);
    }
}
