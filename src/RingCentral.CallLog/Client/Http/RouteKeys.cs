namespace RingCentral.CallLog.Client.Http;

/// <summary>Names of the kinds of request we make; the pacer maps each to a rate-limit group.</summary>
internal static class RouteKeys
{
    public const string CallLog = "call-log";
    public const string ActiveCalls = "active-calls";
    public const string Recording = "recording";
    public const string RecordingContent = "recording-content";
    public const string RecordingDelete = "recording-delete";
    public const string RecordingSettings = "recording-settings";
    public const string MessageContent = "message-content";
    public const string Identity = "identity";

    /// <summary>Message-store list, get and bulk get (listMessages, readMessage): RingCentral's Light group.</summary>
    public const string MessageStore = "message-store";

    /// <summary>Message-store delete (deleteMessage): RingCentral's Medium group.</summary>
    public const string MessageDelete = "message-delete";
    public const string Auth = "auth";

    /// <summary>The account-wide message store export: create, status, archive list and each zip (RingCentral's Heavy group).</summary>
    public const string MessageStoreExport = "message-store-export";
}
