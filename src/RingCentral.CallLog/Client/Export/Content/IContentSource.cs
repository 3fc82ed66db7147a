using System;
using System.Threading;
using System.Threading.Tasks;

namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>Where one kind's content lives: the address to download an item from, looked up on the server when the input did not say.</summary>
internal interface IContentSource
{
    /// <summary>The absolute content address (as the server gave it), or an RcApiException (NotFound, ResponseInvalid, ...).</summary>
    Task<Uri> ContentUriAsync(ContentItem item, IRcEvents events, CancellationToken cancellationToken);
}
