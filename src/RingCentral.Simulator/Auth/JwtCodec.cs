using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RingCentral.Simulator.Auth;

/// <summary>
/// JWT credentials like the ones the Developer Console issues: header.payload.signature (HS256),
/// payload with sub = extension id and exp. Signed with a key that lives only in this process.
/// </summary>
internal sealed class JwtCodec(string issuerClientId)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Mint(string extensionId, DateTimeOffset expires, string audience)
    {
        var header = B64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);
        var payloadBytes = Json.JsonBody.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("aud", audience);
            w.WriteString("sub", extensionId);
            w.WriteString("iss", issuerClientId);
            w.WriteNumber("exp", expires.ToUnixTimeSeconds());
            w.WriteNumber("iat", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            w.WriteString("jti", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));
            w.WriteEndObject();
        });
        var payload = B64(payloadBytes);
        var sig = B64(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(header + "." + payload)));
        return header + "." + payload + "." + sig;
    }

    /// <summary>Checks signature and expiry; the extension id (<c>sub</c>) comes with <see cref="JwtOutcome.Valid"/>.</summary>
    public (JwtOutcome Outcome, string? ExtensionId) Validate(string? jwt, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(jwt)) return (JwtOutcome.Invalid, null);
        var parts = jwt.Split('.');
        if (parts.Length != 3) return (JwtOutcome.Invalid, null);
        var expected = B64(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1])));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[2])))
        {
            return (JwtOutcome.Invalid, null);
        }
        try
        {
            using var doc = JsonDocument.Parse(FromB64(parts[1]));
            var sub = doc.RootElement.GetProperty("sub").GetString();
            var exp = doc.RootElement.GetProperty("exp").GetInt64();
            if (exp <= now.ToUnixTimeSeconds()) return (JwtOutcome.Expired, sub);
            return sub is null ? (JwtOutcome.Invalid, null) : (JwtOutcome.Valid, sub);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return (JwtOutcome.Invalid, null);
        }
    }

    public static string B64(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromB64(string s)
    {
        var t = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(t.PadRight(t.Length + ((4 - (t.Length % 4)) % 4), '='));
    }
}
