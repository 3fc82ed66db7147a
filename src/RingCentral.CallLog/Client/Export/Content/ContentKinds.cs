namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>The kinds of content the archive holds, as a sidecar's "kind" names them.</summary>
internal static class ContentKinds
{
    /// <summary>A call recording. A sidecar without "kind" (written before there were other kinds) is one.</summary>
    public const string Recording = "recording";

    /// <summary>One attachment of a message-store message: voicemail audio, its transcription, a fax document.</summary>
    public const string MessageAttachment = "message-attachment";

    /// <summary>
    /// One zip of an account-wide message store export, downloaded by the engine and unpacked into
    /// message attachments; a working file, not part of the archive (the verifier passes it over).
    /// </summary>
    public const string MessageStoreArchive = "message-store-archive";
}
