using RingCentral.Simulator.Data;

namespace RingCentral.Simulator.Auth;

/// <summary>A code handed out by /restapi/oauth/authorize: who signed in, where to, and the PKCE challenge (null: none).</summary>
internal sealed record AuthCode(Extension Extension, string ClientId, string RedirectUri, string? Challenge, string ChallengeMethod, DateTimeOffset Expires);
