using System;
using System.Threading;
using System.Threading.Tasks;

namespace RingCentral.CallLog.Client.Auth;

/// <summary>Hands out a valid access token, renewing it when it can.</summary>
internal interface ITokenSource
{
    /// <summary>
    /// A token valid for a while yet. When <paramref name="rejected"/> is the token the server just
    /// refused (401), renew it even if it looks valid (once per token, whatever the thread count).
    /// </summary>
    Task<string> GetAccessTokenAsync(string? rejected, IRcEvents events, CancellationToken cancellationToken);

    DateTimeOffset? AccessTokenExpiresOn { get; }

    DateTimeOffset? RefreshTokenExpiresOn { get; }

    string? Scope { get; }

    /// <summary>Revokes the session at the server (best effort) and forgets the tokens.</summary>
    Task RevokeAsync(IRcEvents events, CancellationToken cancellationToken);
}
