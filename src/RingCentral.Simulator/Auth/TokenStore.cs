using System.Collections.Concurrent;
using System.Security.Cryptography;
using RingCentral.Simulator.Data;

namespace RingCentral.Simulator.Auth;

/// <summary>Issues and checks tokens. Refresh tokens are single-use: refreshing replaces both tokens.</summary>
internal sealed class TokenStore
{
    private readonly ConcurrentDictionary<string, Session> _byAccess = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Session> _byRefresh = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public Session Create(Extension ext, string clientId, int accessTtl, int refreshTtl, DateTimeOffset now)
    {
        var s = new Session { SessionId = RandomDigits(), Extension = ext, ClientId = clientId };
        lock (_gate) Issue(s, accessTtl, refreshTtl, now);
        return s;
    }

    /// <summary>Rotates the tokens of the session the refresh token belongs to; the old ones stop working.</summary>
    public (RefreshOutcome Outcome, Session? Session) Refresh(string refreshToken, string clientId, int accessTtl, int refreshTtl, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_byRefresh.TryGetValue(refreshToken, out var s) || s.ClientId != clientId) return (RefreshOutcome.Unknown, null);
            if (s.RefreshExpires <= now)
            {
                Remove(s);
                return (RefreshOutcome.Expired, null);
            }
            Remove(s);
            Issue(s, accessTtl, refreshTtl, now);
            return (RefreshOutcome.Ok, s);
        }
    }

    public (AccessOutcome Outcome, Session? Session) CheckAccess(string token, DateTimeOffset now)
    {
        if (!_byAccess.TryGetValue(token, out var s)) return (AccessOutcome.Unknown, null);
        return s.AccessExpires <= now ? (AccessOutcome.Expired, s) : (AccessOutcome.Ok, s);
    }

    /// <summary>Revoking either token ends the whole session; an unknown token changes nothing.</summary>
    public void Revoke(string token)
    {
        lock (_gate)
        {
            if (_byAccess.TryGetValue(token, out var s) || _byRefresh.TryGetValue(token, out s)) Remove(s);
        }
    }

    private void Issue(Session s, int accessTtl, int refreshTtl, DateTimeOffset now)
    {
        s.AccessToken = NewToken();
        s.RefreshToken = NewToken();
        s.AccessExpires = now.AddSeconds(accessTtl);
        s.RefreshExpires = now.AddSeconds(refreshTtl);
        _byAccess[s.AccessToken] = s;
        _byRefresh[s.RefreshToken] = s;
    }

    private void Remove(Session s)
    {
        _byAccess.TryRemove(s.AccessToken, out _);
        _byRefresh.TryRemove(s.RefreshToken, out _);
    }

    /// <summary>Unguessable: 32 random bytes, base64url, with a RingCentral-like prefix.</summary>
    private static string NewToken() => "U0lNMDFQMDF8" + JwtCodec.B64(RandomNumberGenerator.GetBytes(32));

    private static string RandomDigits() => string.Concat(RandomNumberGenerator.GetBytes(6).Select(b => (char)('0' + (b % 10))));
}
