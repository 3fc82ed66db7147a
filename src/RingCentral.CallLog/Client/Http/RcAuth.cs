using System;
using System.Collections.Generic;
using System.Net.Http;

namespace RingCentral.CallLog.Client.Http;

/// <summary>How a request authenticates itself.</summary>
internal enum RcAuth
{
    /// <summary>The connection's bearer token (only to hosts allowed to receive it).</summary>
    Bearer,

    /// <summary>No Authorization header at all.</summary>
    None,

    /// <summary>A header given in <see cref="RcRequest.AuthorizationHeader"/> (Basic client auth for OAuth).</summary>
    Explicit,
}
