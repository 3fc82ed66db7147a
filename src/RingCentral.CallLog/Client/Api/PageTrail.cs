using System;
using System.Collections.Generic;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Client.Api;

/// <summary>
/// The pages one listing has read. A nextPage link that points back to one of them would be
/// followed forever (each answer costs a request against the rate limit), so it ends the run.
/// </summary>
internal sealed class PageTrail
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>Notes that <paramref name="page"/> is about to be read.</summary>
    /// <exception cref="RcApiException">ResponseInvalid: this page was read before in this listing.</exception>
    public void Enter(Uri page)
    {
        if (!_read.Add(page.AbsoluteUri))
        {
            throw new RcApiException(RcErrorKind.ResponseInvalid, $"The next page link points back to a page already read ({UrlText.Of(page)}): following it would never end.");
        }
    }
}
