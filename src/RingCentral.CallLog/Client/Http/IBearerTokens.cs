using System.Threading;
using System.Threading.Tasks;

namespace RingCentral.CallLog.Client.Http;

/// <summary>
/// What the core needs of a token source, declared here so the core depends on no sign-in flow:
/// the token sources of <c>Client/Auth</c> implement it (they use the core; the core does not use them).
/// </summary>
internal interface IBearerTokens
{
    /// <summary>
    /// A token valid for a while yet. When <paramref name="rejected"/> is the token the server just
    /// refused (401), renew it even if it looks valid (once per token, whatever the thread count).
    /// </summary>
    Task<string> GetAccessTokenAsync(string? rejected, IRcEvents events, CancellationToken cancellationToken);
}
