using System;

namespace RingCentral.CallLog.Client.Api;

/// <summary>One zip of a completed export task: its number (from "…/archive/{n}"), size and address exactly as listed.</summary>
internal sealed class MessageStoreExportArchive
{
    public MessageStoreExportArchive(int number, long? size, Uri uri)
    {
        Number = number;
        Size = size;
        Uri = uri;
    }

    /// <summary>0 holds the message lists; 1 and later the attachments.</summary>
    public int Number { get; }

    public long? Size { get; }

    public Uri Uri { get; }
}
