using System;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Client.Auth;

/// <summary>Hands out a valid access token, renewing it when it can (the core asks through <see cref="IBearerTokens"/>).</summary>
internal interface ITokenSource : IBearerTokens
{
    DateTimeOffset? AccessTokenExpiresOn { get; }

    DateTimeOffset? RefreshTokenExpiresOn { get; }

    string? Scope { get; }

    /// <summary>Revokes the session at the server (best effort) and forgets the tokens.</summary>
    Task RevokeAsync(IRcEvents events, CancellationToken cancellationToken);
}
