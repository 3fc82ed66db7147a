
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Auth;

namespace RingCentral.CallLog.Tests.TestSupport;

/// <summary>A token source that hands out "token-N" and counts renewals.</summary>
internal sealed class FakeTokens : ITokenSource
{
    private int _generation = 1;

    public int Renewals { get; private set; }

    public DateTimeOffset? AccessTokenExpiresOn => null;

    public DateTimeOffset? RefreshTokenExpiresOn => null;

    public string? Scope => null;

    public string Current => "token-" + _generation;

    public Task<string> GetAccessTokenAsync(string? rejected, IRcEvents events, CancellationToken cancellationToken)
    {
        if (rejected == Current)
        {
            _generation++;
            Renewals++;
        }

        return Task.FromResult(Current);
    }

    public Task RevokeAsync(IRcEvents events, CancellationToken cancellationToken) => Task.CompletedTask;
}
