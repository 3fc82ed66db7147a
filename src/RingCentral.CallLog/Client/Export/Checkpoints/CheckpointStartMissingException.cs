using System;

namespace RingCentral.CallLog.Client.Export.Checkpoints;

/// <summary>
/// There is no checkpoint yet and the run was given no start date to backfill from. The cmdlet
/// layer words the remedy in its own parameter's name (Hints).
/// </summary>
public sealed class CheckpointStartMissingException : Exception
{
    public CheckpointStartMissingException()
    {
    }

    public CheckpointStartMissingException(string message)
        : base(message)
    {
    }

    public CheckpointStartMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
