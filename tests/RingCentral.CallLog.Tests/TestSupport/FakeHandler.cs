using System.Net.Http;

namespace RingCentral.CallLog.Tests.TestSupport;

/// <summary>A transport that answers from a script and records what was sent.</summary>
internal sealed class FakeHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, Task<HttpResponseMessage>> _answer;

    public FakeHandler(Func<HttpRequestMessage, int, HttpResponseMessage> answer)
    {
        _answer = (request, index) => Task.FromResult(answer(request, index));
    }

    /// <summary>An answer that may take its time (it runs outside the lock, so answers can overlap).</summary>
    public FakeHandler(Func<HttpRequestMessage, int, Task<HttpResponseMessage>> answer)
    {
        _answer = answer;
    }

    public List<HttpRequestMessage> Requests { get; } = new();

    /// <summary>Set when the HttpClient that owns this handler was disposed.</summary>
    public bool Disposed { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int index;
        lock (Requests)
        {
            Requests.Add(request);
            index = Requests.Count - 1;
        }

        var response = await _answer(request, index);
        response.RequestMessage ??= request;
        return response;
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
