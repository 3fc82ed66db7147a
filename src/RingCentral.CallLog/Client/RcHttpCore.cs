using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Json;

namespace RingCentral.CallLog.Client;

/// <summary>
/// The one place every request of a connection goes through: host check, auth header,
/// User-Agent, rate-limit pacing, retries with backoff, 401 renewal and error mapping.
/// </summary>
internal sealed class RcHttpCore : IDisposable
{
    private const int MaxRedirects = 5;
    private static readonly ThreadLocal<Random> s_jitter = new(() => new Random(Guid.NewGuid().GetHashCode()));
    private readonly HttpClient _http;

    public RcHttpCore(RcServer server, RcClientSettings settings, HttpMessageHandler? handler = null)
    {
        Server = server;
        Settings = settings;
        _http = new HttpClient(handler ?? CreateHandler(settings), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own timeout
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(settings.UserAgent);
    }

    public RcServer Server { get; }

    public RcClientSettings Settings { get; }

    public RateLimitPacer Pacer { get; } = new();

    /// <summary>Set once signed in; requests with <see cref="RcAuth.Bearer"/> need it.</summary>
    public ITokenSource? Tokens { get; set; }

    /// <summary>
    /// Sends <paramref name="request"/> and hands the successful response to <paramref name="read"/>.
    /// A failure while reading the body (connection dropped half-way) retries the whole request,
    /// so <paramref name="read"/> must not have side effects it cannot repeat.
    /// </summary>
    public async Task<T> SendAsync<T>(RcRequest request, Func<HttpResponseMessage, CancellationToken, Task<T>> read, IRcEvents events, CancellationToken cancellationToken)
    {
        var bearerRenewed = false;
        string? rejectedToken = null;
        for (var attempt = 0; ; attempt++)
        {
            var lease = await Pacer.AcquireAsync(request.RouteKey, events, cancellationToken).ConfigureAwait(false);
            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptTimeout.CancelAfter(Settings.RequestTimeout);
            HttpResponseMessage? response = null;
            string? tokenUsed = null;
            Exception? transient;
            try
            {
                (response, tokenUsed) = await SendFollowingRedirectsAsync(request, rejectedToken, events, attemptTimeout.Token).ConfigureAwait(false);
                Pacer.Observe(request.RouteKey, lease, response.Headers);
                rejectedToken = null;
                var status = (int)response.StatusCode;
                if ((status >= 200 && status < 300) || request.AcceptStatuses?.Contains(status) == true)
                {
                    if (request.StreamsBody)
                    {
                        // A streamed body (recording content) may take as long as the link needs: the
                        // reader times out on a stall instead (Settings.StallTimeout), never on total time.
                        attemptTimeout.CancelAfter(Timeout.InfiniteTimeSpan);
                    }

                    return await read(response, attemptTimeout.Token).ConfigureAwait(false);
                }

                var body = await ReadErrorBodyAsync(response, attemptTimeout.Token).ConfigureAwait(false);
                if (status == 401 && request.Auth == RcAuth.Bearer && !bearerRenewed && tokenUsed is not null)
                {
                    // The token was refused (expired early, revoked by a refresh elsewhere): renew once.
                    bearerRenewed = true;
                    rejectedToken = tokenUsed;
                    events.Verbose("The access token was refused (401); renewing it and retrying.");
                    attempt--;
                    continue;
                }

                if (status == 429 || status == 502 || status == 503 || status == 504)
                {
                    var retryAfter = RetryAfter(response, status == 429 ? Settings.DefaultRetryAfter : (TimeSpan?)null);
                    var error = MapError(request, response, body, retryAfter);
                    if (attempt >= Settings.MaxRetryCount)
                    {
                        throw error;
                    }

                    var wait = retryAfter ?? Backoff(attempt);
                    if (status == 429)
                    {
                        // Nothing more in this group until the penalty is over: each request sent during it restarts it.
                        Pacer.Block(request.RouteKey, wait, $"HTTP 429 from RingCentral (Retry-After {wait.TotalSeconds:0.#} s)");
                        events.Verbose($"{request}: HTTP 429 ({error.ErrorCode}); waiting {wait.TotalSeconds:0.#} s before retry {attempt + 1} of {Settings.MaxRetryCount}.");
                    }
                    else
                    {
                        events.Verbose($"{request}: HTTP {status}; retry {attempt + 1} of {Settings.MaxRetryCount} in {wait.TotalSeconds:0.#} s.");
                        await DelayAsync(wait, $"retry after HTTP {status}", events, cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                }

                throw MapError(request, response, body, null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException ex)
            {
                transient = new RcApiException(RcErrorKind.RequestTimeout, $"{request} timed out after {Settings.RequestTimeout.TotalSeconds:0} s.", ex) { Request = request.ToString() };
            }
            catch (HttpRequestException ex)
            {
                transient = new RcApiException(RcErrorKind.ConnectionFailed, $"{request} failed: {ex.Message}", ex) { Request = request.ToString() };
            }
            catch (IOException ex)
            {
                transient = new RcApiException(RcErrorKind.ConnectionFailed, $"{request}: the connection broke while reading the answer: {ex.Message}", ex) { Request = request.ToString() };
            }
            finally
            {
                lease.Release();
                response?.Dispose();
            }

            if (attempt >= Settings.MaxRetryCount)
            {
                throw transient;
            }

            var delay = Backoff(attempt);
            events.Verbose($"{transient.Message} Retry {attempt + 1} of {Settings.MaxRetryCount} in {delay.TotalSeconds:0.#} s.");
            await DelayAsync(delay, "retry after a network failure", events, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();

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
                var tokens = Tokens ?? throw new RcApiException(RcErrorKind.NotConnected, "Not signed in.");
                token = await tokens.GetAccessTokenAsync(rejectedToken, events, cancellationToken).ConfigureAwait(false);
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
            events.Debug($"{message.Method} {uri}");
            var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is null || hop >= MaxRedirects)
            {
                events.Debug($"{message.Method} {uri} -> {status}{RequestIdSuffix(response)}");
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
            cancellationToken.ThrowIfCancellationRequested();
            return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        // Capped exponential backoff with full jitter in [50 %, 100 %] of the step.
        var step = Settings.BackoffBase.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16));
        var capped = Math.Min(step, Settings.BackoffCap.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (s_jitter.Value!.NextDouble() / 2)));
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeSpan? fallback)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return fallback;
    }

    private RcApiException MapError(RcRequest request, HttpResponseMessage response, string? body, TimeSpan? retryAfter)
    {
        var status = (int)response.StatusCode;
        var (code, message) = ErrorBodyReader.Read(body);
        var kind = status switch
        {
            400 or 422 => RcErrorKind.RequestInvalid,
            401 => RcErrorKind.AuthenticationFailed,
            403 => RcErrorKind.PermissionDenied,
            404 => RcErrorKind.NotFound,
            408 => RcErrorKind.RequestTimeout,
            429 => RcErrorKind.RateLimitExceeded,
            >= 500 => RcErrorKind.ServiceUnavailable,
            _ => RcErrorKind.RequestInvalid,
        };
        var rateLimit = Pacer.Snapshot(request.RouteKey);
        if (rateLimit is not null)
        {
            rateLimit.RetryAfter = retryAfter;
        }

        var text = message ?? response.ReasonPhrase ?? "HTTP " + status.ToString(CultureInfo.InvariantCulture);
        if (code is not null)
        {
            text = $"{text} [{code}]";
        }

        return new RcApiException(kind, $"RingCentral refused {request}: {text}")
        {
            StatusCode = status,
            ErrorCode = code,
            ServerMessage = message,
            RequestId = RateLimitPacer.Header(response.Headers, "RCRequestId"),
            RateLimit = rateLimit,
            Request = request.ToString(),
            RecommendedAction = Hints.For(kind, code),
        };
    }
}
