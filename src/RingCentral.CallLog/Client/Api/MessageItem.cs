namespace RingCentral.CallLog.Client.Api;

/// <summary>The outcome for one message id of a bulk read: the message or an error.</summary>
internal sealed class MessageItem
{
    public MessageItem(string id, RcMessage? message, RcApiException? error)
    {
        Id = id;
        Message = message;
        Error = error;
    }

    public string Id { get; }

    public RcMessage? Message { get; }

    public RcApiException? Error { get; }
}
