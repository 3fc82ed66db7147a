using System;
using System.Collections.Generic;

namespace RingCentral.CallLog.Client.Export.Checkpoints;

/// <summary>A checkpoint made for other filters or another account than this run's.</summary>
public sealed class CheckpointMismatchException : Exception
{
    public CheckpointMismatchException()
    {
    }

    public CheckpointMismatchException(string message)
        : base(message)
    {
    }

    public CheckpointMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
