using System;

namespace RingCentral.CallLog.Client.Export.Messages;

/// <summary>The export task ended without archives (Failed, Cancelled) or did not complete in time.</summary>
internal sealed class MessageStoreExportFailedException : Exception
{
    public MessageStoreExportFailedException(string message, string taskId, string status, bool timedOut)
        : base(message)
    {
        TaskId = taskId;
        Status = status;
        TimedOut = timedOut;
    }

    public string TaskId { get; }

    /// <summary>The task's last state as RingCentral reported it.</summary>
    public string Status { get; }

    public bool TimedOut { get; }
}
