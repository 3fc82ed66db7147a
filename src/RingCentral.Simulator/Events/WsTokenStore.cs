using System.Collections.Concurrent;
using System.Security.Cryptography;
using RingCentral.Simulator.Auth;

namespace RingCentral.Simulator.Events;

/// <summary>
/// WebSocket access tokens (POST /restapi/oauth/wstoken), each bound to the OAuth session that asked for
/// it. RingCentral's guide calls them single-use, yet its own JavaScript client reuses one until 80 % of
/// its lifetime for every reconnect, so the gateway accepts a token until it expires (a client that
/// follows the guide, as the module does, asks for a new one before every connect anyway).
/// </summary>
internal sealed class WsTokenStore
{
    private readonly ConcurrentDictionary<string, (Session Session, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    public string Issue(Session session, TimeSpan ttl, DateTimeOffset now)
    {
        var token = "V1NHMDF8" + JwtCodec.B64(RandomNumberGenerator.GetBytes(32));
        _tokens[token] = (session, now + ttl);
        return token;
    }

    /// <summary>The session of an unexpired token; null for any other token (an expired one is forgotten).</summary>
    public Session? Check(string token, DateTimeOffset now)
    {
        if (!_tokens.TryGetValue(token, out var entry)) return null;
        if (entry.Expires > now) return entry.Session;
        _tokens.TryRemove(token, out _);
        return null;
    }
}
