using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace RingCentral.Simulator.Auth;

/// <summary>Authorization codes handed out by /restapi/oauth/authorize, with their PKCE challenge.</summary>
internal sealed class AuthCodeStore
{
    private readonly ConcurrentDictionary<string, AuthCode> _codes = new(StringComparer.Ordinal);

    public string Add(AuthCode code)
    {
        var value = JwtCodec.B64(RandomNumberGenerator.GetBytes(24));
        _codes[value] = code;
        return value;
    }

    /// <summary>Codes are single-use: taking one removes it.</summary>
    public AuthCode? Take(string code) => _codes.TryRemove(code, out var c) ? c : null;

    public static bool VerifierMatches(AuthCode code, string? verifier)
    {
        if (code.Challenge is null) return true;
        if (string.IsNullOrEmpty(verifier)) return false;
        var computed = code.ChallengeMethod == "S256"
            ? JwtCodec.B64(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)))
            : verifier;
        return string.Equals(computed, code.Challenge, StringComparison.Ordinal);
    }
}
