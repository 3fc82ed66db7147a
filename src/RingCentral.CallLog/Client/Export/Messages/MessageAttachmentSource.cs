using System;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client.Export.Content;

namespace RingCentral.CallLog.Client.Export.Messages;

/// <summary>
/// Where a message attachment's content lives: the attachment's own "uri" from the message record,
/// used exactly as given (a media host for a fax, the platform host for voicemail). A message is
/// always read before its attachments are saved, so there is nothing to look up here.
/// </summary>
internal sealed class MessageAttachmentSource : IContentSource
{
    public Task<Uri> ContentUriAsync(ContentItem item, IRcEvents events, CancellationToken cancellationToken)
    {
        var text = item.ContentUri;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? Task.FromResult(uri)
            : throw new RcApiException(RcErrorKind.ResponseInvalid, $"{item.Identity.Capitalized()} has no usable content uri ('{Http.UrlText.Of(text)}').");
    }
}
