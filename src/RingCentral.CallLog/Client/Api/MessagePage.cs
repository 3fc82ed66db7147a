using System;
using System.Collections.Generic;

namespace RingCentral.CallLog.Client.Api;

/// <summary>One page of a message-store listing: its messages and the next page's URI.</summary>
internal sealed class MessagePage
{
    public MessagePage(IReadOnlyList<RcMessage> messages, Uri? nextPage)
    {
        Messages = messages;
        NextPage = nextPage;
    }

    public IReadOnlyList<RcMessage> Messages { get; }

    public Uri? NextPage { get; }
}
