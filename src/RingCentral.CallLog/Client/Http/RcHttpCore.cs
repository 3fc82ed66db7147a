using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Json;

namespace RingCentral.CallLog.Client.Http;

/// <summary>
/// The one place every request of a connection goes through: host check, auth header,
/// User-Agent, rate-limit pacing, retries with backoff, 401 renewal and error mapping.
/// </summary>
internal sealed class RcHttpCore : IDisposable
{
    private const int MaxRedirects = 5;
    private readonly Transport _transport;

    /// <summary>A core whose bearer requests carry the tokens of <paramref name="tokens"/>.</summary>
    public RcHttpCore(RcServer server, RcClientSettings settings, IBearerTokens tokens, HttpMessageHandler? handler = null)
        : this(server, settings, tokens, new Transport(settings, handler), new RateLimitPacer())
    {
    }

    private RcHttpCore(RcServer server, RcClientSettings settings, IBearerTokens tokens, Transport transport, RateLimitPacer pacer)
    {
        Server = server;
        Settings = settings;
        Tokens = tokens;
        _transport = transport;
        Pacer = pacer;
    }

    public RcServer Server { get; }

    public RcClientSettings Settings { get; }

    public RateLimitPacer Pacer { get; }

    /// <summary>Where requests with <see cref="RcAuth.Bearer"/> get their token; fixed for the core's life.</summary>
    public IBearerTokens Tokens { get; }

    /// <summary>
    /// A core for the calls made before there are tokens (the token endpoint's): its bearer requests
    /// fail as not signed in. <see cref="WithTokens"/> then makes the session's core from it.
    /// </summary>
    public static RcHttpCore Unauthenticated(RcServer server, RcClientSettings settings, HttpMessageHandler? handler = null) =>
        new(server, settings, NoTokens.Instance, handler);

    /// <summary>
    /// A core over this one's HTTP client and pacer, with <paramref name="tokens"/>: one connection
    /// pool and one rate-limit state for the sign-in and the session. Disposing either closes both.
    /// </summary>
    public RcHttpCore WithTokens(IBearerTokens tokens) => new(Server, Settings, tokens, _transport, Pacer);

    /// <summary>
    /// Sends <paramref name="request"/> and hands the successful response to <paramref name="read"/>.
    /// A failure while reading the body (connection dropped half-way) retries the whole request,
    /// so <paramref name="read"/> must not have side effects it cannot repeat.
    /// </summary>
    public async Task<T> SendAsync<T>(RcRequest request, Func<HttpResponseMessage, CancellationToken, Task<T>> read, IRcEvents events, CancellationToken cancellationToken)
    {
        // The policy: one attempt; if it failed, may it be retried? then wait, or give up with its error.
        for (var retry = 0; ; retry++)
        {
            var (value, failure) = await AttemptAsync(request, read, events, cancellationToken).ConfigureAwait(false);
            if (failure is null)
            {
                return value;
            }

            if (retry >= failure.Retries)
            {
                throw failure.Error;
            }

            var wait = RetryPolicy.Wait(failure.RetryAfter, retry, Settings);
            if (failure.GroupBlocked)
            {
                // The attempt blocked the group already: the pacer holds the retry until the penalty is over.
                events.Verbose($"{request}: HTTP 429 ({failure.Error.ErrorCode}); waiting {wait.TotalSeconds:0.#} s before retry {retry + 1} of {failure.Retries}.");
                continue;
            }

            events.Verbose(failure.Error.StatusCode is { } status
                ? $"{request}: HTTP {status}; retry {retry + 1} of {failure.Retries} in {wait.TotalSeconds:0.#} s."
                : $"{failure.Error.Message} Retry {retry + 1} of {failure.Retries} in {wait.TotalSeconds:0.#} s.");
            await DelayAsync(wait, failure.Error.StatusCode is { } code ? $"retry after HTTP {code}" : "retry after a network failure", events, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One attempt: pacing, redirects, auth (a refused token is renewed and the request sent once
    /// more, within the attempt), the send and the read, all under the per-attempt timeout.
    /// Returns the value, or the failure for the retry policy; throws what no retry can mend.
    /// </summary>
    private async Task<(T Value, AttemptFailure? Failure)> AttemptAsync<T>(RcRequest request, Func<HttpResponseMessage, CancellationToken, Task<T>> read, IRcEvents events, CancellationToken cancellationToken)
    {
        string? rejectedToken = null;
        while (true)
        {
            var lease = await Pacer.AcquireAsync(request.RouteKey, events, cancellationToken).ConfigureAwait(false);
            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptTimeout.CancelAfter(Settings.RequestTimeout);
            HttpResponseMessage? response = null;
            try
            {
                ThrowIfDisposed(request);
                string? tokenUsed;
                (response, tokenUsed) = await SendFollowingRedirectsAsync(request, rejectedToken, events, attemptTimeout.Token).ConfigureAwait(false);
                Pacer.Observe(request.RouteKey, lease, response.Headers);

                // No body read may outlive the timeout or Ctrl+C, whatever the runtime's stream does with tokens.
                var answer = response;
                using var unblock = attemptTimeout.Token.Register(() => answer.Dispose());
                var status = (int)response.StatusCode;
                if ((status >= 200 && status < 300) || request.AcceptStatuses?.Contains(status) == true)
                {
                    if (request.StreamsBody)
                    {
                        // A streamed body (recording content) may take as long as the link needs: the
                        // reader times out on a stall instead (Settings.StallTimeout), never on total time.
                        attemptTimeout.CancelAfter(Timeout.InfiniteTimeSpan);
                    }

                    try
                    {
                        return (await read(response, attemptTimeout.Token).ConfigureAwait(false), null);
                    }
                    catch (RcApiException ex) when (!attemptTimeout.IsCancellationRequested)
                    {
                        throw ex.WithAnswer(status, RateLimitPacer.Header(response.Headers, "RCRequestId"), request.ToString());
                    }
                    catch (WireJsonException ex) when (!attemptTimeout.IsCancellationRequested)
                    {
                        // The one place an unreadable answer becomes the client's error, whoever read it.
                        throw new RcApiException(RcErrorKind.ResponseInvalid, ex.Message, ex.JsonError).WithAnswer(status, RateLimitPacer.Header(response.Headers, "RCRequestId"), request.ToString());
                    }
                }

                var body = await ReadErrorBodyAsync(response, attemptTimeout.Token).ConfigureAwait(false);
                if (status == 401 && request.Auth == RcAuth.Bearer && rejectedToken is null && tokenUsed is not null)
                {
                    // The token was refused (expired early, revoked by a refresh elsewhere): renew it once and send again.
                    rejectedToken = tokenUsed;
                    events.Verbose("The access token was refused (401); renewing it and retrying.");
                    continue;
                }

                var retryAfter = RetryPolicy.RetryAfter(response.Headers, status == 429 ? Settings.DefaultRetryAfter : (TimeSpan?)null);
                var error = MapError(request, response, body, retryAfter);
                if (status == 429)
                {
                    // Block first, whatever comes next: each request sent in the group during the penalty restarts it.
                    Pacer.Block(request.RouteKey, retryAfter!.Value, $"HTTP 429 from RingCentral (Retry-After {retryAfter.Value.TotalSeconds:0.#} s)");
                }

                return (default!, new AttemptFailure(error, RetryPolicy.RetriesFor(status, error.ErrorCode, Settings.MaxRetryCount), retryAfter, status == 429));
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: whatever the disposed response made the read throw, it is a cancellation.
                throw new OperationCanceledException(cancellationToken);
            }
            catch (Exception ex) when (attemptTimeout.IsCancellationRequested)
            {
                var timeout = new RcApiException(RcErrorKind.RequestTimeout, $"{request} timed out after {Settings.RequestTimeout.TotalSeconds:0} s.", ex) { Request = request.ToString() };
                return (default!, new AttemptFailure(timeout, Settings.MaxRetryCount, null, false));
            }
            catch (TimeoutException ex)
            {
                // A streamed body that stalled (no byte for Settings.StallTimeout): retried like any timeout.
                var stalled = new RcApiException(RcErrorKind.RequestTimeout, $"{request}: {ex.Message}", ex) { Request = request.ToString() };
                return (default!, new AttemptFailure(stalled, Settings.MaxRetryCount, null, false));
            }
            catch (ObjectDisposedException ex) when (_transport.IsDisposed)
            {
                throw Disconnected(request, ex);
            }
            catch (HttpRequestException ex)
            {
                var failed = new RcApiException(RcErrorKind.ConnectionFailed, $"{request} failed: {ex.Message}", ex) { Request = request.ToString() };
                return (default!, new AttemptFailure(failed, Settings.MaxRetryCount, null, false));
            }
            catch (IOException ex)
            {
                var broken = new RcApiException(RcErrorKind.ConnectionFailed, $"{request}: the connection broke while reading the answer: {ex.Message}", ex) { Request = request.ToString() };
                return (default!, new AttemptFailure(broken, Settings.MaxRetryCount, null, false));
            }
            finally
            {
                lease.Release();
                response?.Dispose();
            }
        }
    }

    /// <summary>Closes the connection's HTTP client; requests still running end as NotConnected.</summary>
    public void Dispose() => _transport.Dispose();

    /// <summary>
    /// Reads a whole body as text. Callers tie the response's life to their token (see
    /// <see cref="AttemptAsync{T}"/>), since ReadAsStringAsync takes none on netstandard2.0.
    /// </summary>
    internal static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return text;
    }

    internal static async Task DelayAsync(TimeSpan wait, string reason, IRcEvents events, CancellationToken cancellationToken)
    {
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        if (wait >= TimeSpan.FromSeconds(1))
        {
            events.Waiting(reason, wait);
        }

        await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(HttpResponseMessage Response, string? Token)> SendFollowingRedirectsAsync(RcRequest request, string? rejectedToken, IRcEvents events, CancellationToken cancellationToken)
    {
        var uri = request.Uri;
        var sendToken = request.Auth == RcAuth.Bearer;
        if (sendToken && !Server.MayReceiveToken(uri))
        {
            throw new RcApiException(RcErrorKind.UntrustedHost, $"Refusing to send the access token to '{uri.GetLeftPart(UriPartial.Authority)}': it is neither the connection's host '{Server.BaseUri.Host}' nor *.ringcentral.com over https.") { Request = request.ToString() };
        }

        for (var hop = 0; ; hop++)
        {
            using var message = new HttpRequestMessage(hop == 0 ? request.Method : HttpMethod.Get, uri);
            string? token = null;
            if (sendToken)
            {
                token = await Tokens.GetAccessTokenAsync(rejectedToken, events, cancellationToken).ConfigureAwait(false);
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            else if (hop == 0 && request.Auth == RcAuth.Explicit && request.AuthorizationHeader is not null)
            {
                message.Headers.Authorization = request.AuthorizationHeader();
            }

            if (hop == 0 && request.Form is not null)
            {
                message.Content = new FormUrlEncodedContent(request.Form());
            }

            request.Configure?.Invoke(message);
            events.Debug($"{message.Method} {UrlText.Of(uri)}");
            var response = await _transport.Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is null || hop >= MaxRedirects)
            {
                events.Debug($"{message.Method} {UrlText.Of(uri)} -> {status}{RequestIdSuffix(response)}");
                return (response, token);
            }

            var next = response.Headers.Location.IsAbsoluteUri ? response.Headers.Location : new Uri(uri, response.Headers.Location);
            response.Dispose();
            if (next.Scheme != Uri.UriSchemeHttps && !(next.Scheme == Uri.UriSchemeHttp && RcServer.IsLoopbackHost(next.Host)))
            {
                throw new RcApiException(RcErrorKind.UntrustedHost, $"{request} was redirected to '{next.GetLeftPart(UriPartial.Authority)}' over plain http; not followed.") { Request = request.ToString() };
            }

            // The token follows a redirect only to the same host; elsewhere (e.g. a signed CDN URL) it is dropped.
            if (sendToken && !(string.Equals(next.Host, uri.Host, StringComparison.OrdinalIgnoreCase) && Server.MayReceiveToken(next)))
            {
                sendToken = false;
                events.Verbose($"{request} redirected to another host ({next.Host}); following without the access token.");
            }

            uri = next;
        }
    }

    private static string RequestIdSuffix(HttpResponseMessage response)
    {
        var id = RateLimitPacer.Header(response.Headers, "RCRequestId");
        return id is null ? string.Empty : " (RCRequestId " + id + ")";
    }

    private static async Task<string?> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or IOException)
        {
            return null; // the status alone still says what went wrong
        }
    }

    private RcApiException MapError(RcRequest request, HttpResponseMessage response, string? body, TimeSpan? retryAfter)
    {
        var (code, message) = ErrorBodyReader.Read(body);
        var rateLimit = Pacer.Snapshot(request.RouteKey);
        if (rateLimit is not null)
        {
            rateLimit.RetryAfter = retryAfter;
        }

        return StatusErrors.Create($"RingCentral refused {request}", (int)response.StatusCode, code, message, response.ReasonPhrase, RateLimitPacer.Header(response.Headers, "RCRequestId"), rateLimit, request.ToString());
    }

    private void ThrowIfDisposed(RcRequest request)
    {
        if (_transport.IsDisposed)
        {
            throw Disconnected(request, null);
        }
    }

    private static RcApiException Disconnected(RcRequest request, Exception? inner) =>
        new(RcErrorKind.NotConnected, $"{request} was not sent: this connection was disconnected.", inner) { Request = request.ToString(), Remedy = RcRemedy.Connect };

    /// <summary>What a failed attempt tells the retry policy.</summary>
    private sealed class AttemptFailure
    {
        public AttemptFailure(RcApiException error, int retries, TimeSpan? retryAfter, bool groupBlocked)
        {
            Error = error;
            Retries = retries;
            RetryAfter = retryAfter;
            GroupBlocked = groupBlocked;
        }

        public RcApiException Error { get; }

        /// <summary>How many retries this kind of failure may have in all.</summary>
        public int Retries { get; }

        public TimeSpan? RetryAfter { get; }

        /// <summary>A 429 blocked the group: the wait happens in the pacer.</summary>
        public bool GroupBlocked { get; }
    }

    /// <summary>The HTTP client a sign-in core and the session's core made from it share, and whether it is closed.</summary>
    private sealed class Transport : IDisposable
    {
        private volatile bool _disposed;

        public Transport(RcClientSettings settings, HttpMessageHandler? handler)
        {
            Http = new HttpClient(handler ?? CreateHandler(settings), disposeHandler: true)
            {
                Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own timeout
            };
            Http.DefaultRequestHeaders.UserAgent.ParseAdd(settings.UserAgent);
        }

        public HttpClient Http { get; }

        public bool IsDisposed => _disposed;

        public void Dispose()
        {
            _disposed = true;
            Http.Dispose();
        }

        private static HttpClientHandler CreateHandler(RcClientSettings settings)
        {
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false, // redirects are followed here, so the token never crosses to another host
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
            if (settings.Proxy is not null)
            {
                handler.Proxy = new WebProxy(settings.Proxy) { Credentials = settings.ProxyCredential };
                handler.UseProxy = true;
            }

            return handler;
        }
    }

    /// <summary>The tokens of a core that has none: a bearer request on it was sent before signing in.</summary>
    private sealed class NoTokens : IBearerTokens
    {
        public static readonly NoTokens Instance = new();

        public Task<string> GetAccessTokenAsync(string? rejected, IRcEvents events, CancellationToken cancellationToken) =>
            throw new RcApiException(RcErrorKind.NotConnected, "Not signed in.");
    }
}
