namespace RingCentral.Simulator.Data;

/// <summary>How a record changes after it has been listed, as on RingCentral.</summary>
internal enum MutationKind
{
    /// <summary>A recording is attached minutes after the call (on-demand recordings, late uploads).</summary>
    Recording,

    /// <summary>RingCentral corrects the result (say Missed becomes Voicemail).</summary>
    Result,

    /// <summary>The record is deleted (listed afterwards only with showDeleted=true, marked deleted).</summary>
    Delete,
}
