namespace RingCentral.CallLog;

/// <summary>Why a checkpointed run (Get-RcCallLog -Checkpoint) writes a record.</summary>
public enum CallLogChangeType
{
    /// <summary>First written by this checkpoint: add it.</summary>
    New,

    /// <summary>Written before; some exposed field has changed since (or could not be compared): replace the row with this one.</summary>
    Updated,

    /// <summary>Deleted on RingCentral: remove the row with this Id, if you have it.</summary>
    Deleted,
}
