using System.Collections.Concurrent;
using System.Security.Cryptography;
using RingCentral.Simulator.Auth;

namespace RingCentral.Simulator.Events;

/// <summary>
/// WebSocket access tokens (POST /restapi/oauth/wstoken): each is bound to the OAuth session that asked
/// for it and works for one connect only, as RingCentral documents; a recovery needs a new one too.
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

    /// <summary>The session of an unexpired, unused token, which is then used up; null for any other token.</summary>
    public Session? Consume(string token, DateTimeOffset now) =>
        _tokens.TryRemove(token, out var entry) && entry.Expires > now ? entry.Session : null;
}
