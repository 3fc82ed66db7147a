using System;

namespace RingCentral.CallLog.Client.Export.Checkpoints;

/// <summary>Another run (or Complete-RcCheckpoint) holds the checkpoint's lock.</summary>
public sealed class CheckpointInUseException : Exception
{
    public CheckpointInUseException()
    {
    }

    public CheckpointInUseException(string message)
        : base(message)
    {
    }

    public CheckpointInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
