namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>The kinds of content the archive holds, as a sidecar's "kind" names them.</summary>
internal static class ContentKinds
{
    /// <summary>A call recording. A sidecar without "kind" (written before there were other kinds) is one.</summary>
    public const string Recording = "recording";

    /// <summary>One attachment of a message-store message: voicemail audio, its transcription, a fax document.</summary>
    public const string MessageAttachment = "message-attachment";
}
