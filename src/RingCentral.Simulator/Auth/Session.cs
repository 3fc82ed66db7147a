using RingCentral.Simulator.Data;

namespace RingCentral.Simulator.Auth;

/// <summary>An authorization session: one access token and one refresh token at a time.</summary>
internal sealed class Session
{
    public required string SessionId { get; init; }
    public required Extension Extension { get; init; }
    public required string ClientId { get; init; }
    public string AccessToken { get; set; } = "";
    public DateTimeOffset AccessExpires { get; set; }
    public string RefreshToken { get; set; } = "";
    public DateTimeOffset RefreshExpires { get; set; }
}
