using System;

namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>A local file could not be written or renamed (not a network failure, so never retried).</summary>
internal sealed class ContentFileException : Exception
{
    public ContentFileException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>The disk (or quota) is full: no other download into the same folder can succeed in this run.</summary>
    public bool DiskFull { get; init; }
}
