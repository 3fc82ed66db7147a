using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace RingCentral.CallLog.Client.Auth;

/// <summary>
/// Tokens from the token endpoint, renewed ahead of expiry, one renewal at a time per connection
/// (parallel downloads wait for the same renewal). Refresh tokens are single-use, so the new one
/// is kept; when refresh fails, the original grant (the JWT) is presented again when there is one.
/// </summary>
internal sealed class RenewingTokenSource : ITokenSource, IDisposable
{
    private readonly TokenEndpoint _endpoint;
    private readonly Func<IEnumerable<KeyValuePair<string, string>>>? _regrant;
    private readonly RcRemedy _signInAgain;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Func<DateTimeOffset> _clock;
    private TokenSet? _tokens;
    private volatile bool _revoked;

    // regrant: the grant to present again when refresh fails (the JWT flow's); null when there is none.
    // signInAgain: what the user can do when the session cannot be renewed.
    public RenewingTokenSource(TokenEndpoint endpoint, TokenSet tokens, Func<IEnumerable<KeyValuePair<string, string>>>? regrant, RcRemedy signInAgain, Func<DateTimeOffset>? clock = null)
    {
        _endpoint = endpoint;
        _tokens = tokens;
        _regrant = regrant;
        _signInAgain = signInAgain;
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
        Lifetime = tokens.AccessTokenExpiresOn - _clock();
    }

    public DateTimeOffset? AccessTokenExpiresOn => _tokens?.AccessTokenExpiresOn;

    public DateTimeOffset? RefreshTokenExpiresOn => _tokens?.RefreshTokenExpiresOn;

    public string? Scope => _tokens?.Scope;

    /// <summary>Number of renewals so far (refresh or re-grant).</summary>
    public int Renewals { get; private set; }

    private TimeSpan Lifetime { get; set; }

    public async Task<string> GetAccessTokenAsync(string? rejected, IRcEvents events, CancellationToken cancellationToken)
    {
        var current = (_revoked ? null : _tokens) ?? throw Disconnected();
        if (!MustRenew(current, rejected))
        {
            return current.AccessToken;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = (_revoked ? null : _tokens) ?? throw Disconnected();
            if (!MustRenew(current, rejected))
            {
                return current.AccessToken; // another thread renewed while we waited
            }

            var renewed = await RenewAsync(current, events, cancellationToken).ConfigureAwait(false);
            _tokens = renewed;

            // Disconnected while the renewal ran? RevokeAsync marks before it takes the tokens, so either
            // it took these, or they are taken back here: the session never lives on (nor stays valid at RingCentral).
            if (_revoked)
            {
                if (ReferenceEquals(Interlocked.CompareExchange(ref _tokens, null, renewed), renewed))
                {
                    await RevokeQuietlyAsync(renewed, events).ConfigureAwait(false);
                }

                throw Disconnected();
            }

            Lifetime = _tokens.AccessTokenExpiresOn - _clock();
            Renewals++;
            return _tokens.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task RevokeAsync(IRcEvents events, CancellationToken cancellationToken)
    {
        // From now on no renewal may store tokens; one under way revokes what it gets.
        _revoked = true;
        TokenSet? tokens;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false); // a renewal under way finishes (and revokes its own) first
        try
        {
            tokens = Interlocked.Exchange(ref _tokens, null);
        }
        finally
        {
            _gate.Release();
        }

        if (tokens is not null)
        {
            await _endpoint.RevokeAsync(tokens.AccessToken, events, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task RevokeQuietlyAsync(TokenSet tokens, IRcEvents events)
    {
        try
        {
            await _endpoint.RevokeAsync(tokens.AccessToken, events, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RcApiException ex)
        {
            events.Verbose("Could not revoke the session renewed while disconnecting (" + ex.Message + "); it expires on its own.");
        }
    }

    private bool MustRenew(TokenSet tokens, string? rejected)
    {
        if (rejected is not null)
        {
            return string.Equals(rejected, tokens.AccessToken, StringComparison.Ordinal);
        }

        // Renew a little ahead: a fifth of the lifetime, at most a minute.
        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, Math.Max(0, Lifetime.Ticks / 5)));
        return _clock() >= tokens.AccessTokenExpiresOn - margin;
    }

    private async Task<TokenSet> RenewAsync(TokenSet current, IRcEvents events, CancellationToken cancellationToken)
    {
        RcApiException? refreshFailure = null;
        if (current.RefreshToken is { } refreshToken && (current.RefreshTokenExpiresOn is null || current.RefreshTokenExpiresOn > _clock()))
        {
            try
            {
                events.Verbose("Refreshing the access token.");
                return await _endpoint.RequestAsync(
                    () => new[]
                    {
                        new KeyValuePair<string, string>("grant_type", "refresh_token"),
                        new KeyValuePair<string, string>("refresh_token", refreshToken),
                    },
                    events,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (RcApiException ex) when (ex.Kind == RcErrorKind.AuthenticationFailed)
            {
                refreshFailure = ex;
                events.Verbose("The refresh token was refused (" + (ex.ErrorCode ?? "no code") + ").");
            }
        }

        if (_regrant is null)
        {
            throw new RcApiException(RcErrorKind.AuthenticationFailed, "The session expired and cannot be renewed.", refreshFailure)
            {
                StatusCode = refreshFailure?.StatusCode,
                ErrorCode = refreshFailure?.ErrorCode,
                RequestId = refreshFailure?.RequestId,
                Remedy = _signInAgain,
            };
        }

        events.Verbose("Signing in again with the JWT.");
        try
        {
            return await _endpoint.RequestAsync(_regrant, events, cancellationToken).ConfigureAwait(false);
        }
        catch (RcApiException ex) when (ex.Kind == RcErrorKind.AuthenticationFailed)
        {
            throw new RcApiException(RcErrorKind.AuthenticationFailed, "The session expired and signing in again with the JWT was refused: " + (ex.ServerMessage ?? ex.Message) + ".", ex)
            {
                ErrorCode = ex.ErrorCode,
                RequestId = ex.RequestId,
                StatusCode = ex.StatusCode,
                Remedy = _signInAgain,
            };
        }
    }

    private static RcApiException Disconnected() => new(RcErrorKind.NotConnected, "This connection was disconnected.") { Remedy = RcRemedy.Connect };
}
