using System;

namespace RingCentral.CallLog.Client.Export.Messages;

/// <summary>An export zip that cannot be trusted as a whole: cut, not a zip, or an entry shorter than the zip says.</summary>
internal sealed class MessageStoreArchiveException : Exception
{
    public MessageStoreArchiveException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
