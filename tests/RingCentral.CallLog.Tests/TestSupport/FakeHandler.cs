using System.Net.Http;

namespace RingCentral.CallLog.Tests.TestSupport;

/// <summary>A transport that answers from a script and records what was sent.</summary>
internal sealed class FakeHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, HttpResponseMessage> _answer;

    public FakeHandler(Func<HttpRequestMessage, int, HttpResponseMessage> answer)
    {
        _answer = answer;
    }

    public List<HttpRequestMessage> Requests { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request);
            var response = _answer(request, Requests.Count - 1);
            response.RequestMessage ??= request;
            return Task.FromResult(response);
        }
    }
}
