using System;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace RingCentral.CallLog.Client.Auth;

/// <summary>An access token obtained elsewhere (-AccessToken): used as is, never renewable.</summary>
internal sealed class StaticTokenSource : ITokenSource
{
    internal const string CannotRenew = "The access token given as is has expired or was refused, and a token given this way cannot be renewed.";
    private SecureString? _token;

    public StaticTokenSource(SecureString token)
    {
        _token = token;
    }

    public DateTimeOffset? AccessTokenExpiresOn => null;

    public DateTimeOffset? RefreshTokenExpiresOn => null;

    public string? Scope => null;

    public Task<string> GetAccessTokenAsync(string? rejected, IRcEvents events, CancellationToken cancellationToken)
    {
        var token = _token ?? throw new RcApiException(RcErrorKind.NotConnected, "This connection was disconnected.") { Remedy = RcRemedy.Connect };
        if (rejected is not null)
        {
            throw new RcApiException(RcErrorKind.AuthenticationFailed, CannotRenew) { Remedy = RcRemedy.NewAccessToken };
        }

        return Task.FromResult(SecretText.Reveal(token));
    }

    public Task RevokeAsync(IRcEvents events, CancellationToken cancellationToken)
    {
        // Not ours to revoke: whoever issued it owns that session. Just forget it.
        _token = null;
        return Task.CompletedTask;
    }
}
