namespace RingCentral.CallLog.Client.Export.Recordings;

/// <summary>What a base path holds for one recording; see <see cref="RecordingSlot"/>.</summary>
internal enum RecordingSlotState
{
    /// <summary>No recording file and no .partial.</summary>
    Free,

    /// <summary>This recording's complete file: skip it (unless -Force).</summary>
    Complete,

    /// <summary>This recording's .partial: resume it.</summary>
    Partial,

    /// <summary>A file of another recording (or one that cannot be shown to be this one's): use another name.</summary>
    Foreign,
}
