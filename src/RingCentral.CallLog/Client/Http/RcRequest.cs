using System;
using System.Collections.Generic;
using System.Net.Http;

namespace RingCentral.CallLog.Client.Http;

/// <summary>One logical request; the core may send it several times (retries), so it is a recipe.</summary>
internal sealed class RcRequest
{
    public RcRequest(HttpMethod method, Uri uri, string routeKey)
    {
        Method = method;
        Uri = uri;
        RouteKey = routeKey;
    }

    public HttpMethod Method { get; }

    public Uri Uri { get; }

    public string RouteKey { get; }

    public RcAuth Auth { get; set; } = RcAuth.Bearer;

    /// <summary>For <see cref="RcAuth.Explicit"/>: produces the header value when needed (kept out of memory otherwise).</summary>
    public Func<System.Net.Http.Headers.AuthenticationHeaderValue>? AuthorizationHeader { get; set; }

    /// <summary>Form fields; built anew for each attempt. Values may be secrets: never logged.</summary>
    public Func<IEnumerable<KeyValuePair<string, string>>>? Form { get; set; }

    /// <summary>Called on each attempt's message before it is sent (e.g. a Range header for a resume).</summary>
    public Action<HttpRequestMessage>? Configure { get; set; }

    /// <summary>
    /// The body is streamed by the reader, which bounds it with the stall timeout: the per-attempt
    /// timeout then covers only the wait for the response headers.
    /// </summary>
    public bool StreamsBody { get; set; }

    /// <summary>Statuses the caller handles itself rather than as errors (e.g. 207, 206, 416).</summary>
    public ISet<int>? AcceptStatuses { get; set; }

    public override string ToString() => Method + " " + UrlText.Of(Uri);
}
