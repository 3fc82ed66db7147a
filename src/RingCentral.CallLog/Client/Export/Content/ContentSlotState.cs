namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>What a base path holds for one content item; see <see cref="ContentSlot"/>.</summary>
internal enum ContentSlotState
{
    /// <summary>No file of the item and no .partial.</summary>
    Free,

    /// <summary>This item's complete file: skip it (unless -Force).</summary>
    Complete,

    /// <summary>This item's .partial: resume it.</summary>
    Partial,

    /// <summary>A file of another item (or one that cannot be shown to be this one's): use another name.</summary>
    Foreign,
}
