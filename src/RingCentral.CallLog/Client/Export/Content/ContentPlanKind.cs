namespace RingCentral.CallLog.Client.Export.Content;

internal enum ContentPlanKind
{
    /// <summary>The item came before in this run: handled once.</summary>
    Duplicate,

    /// <summary>This item's complete file is on disk.</summary>
    Skip,

    /// <summary>No safe file name could be made.</summary>
    Refuse,

    /// <summary>Download it (resuming this item's .partial when there is one).</summary>
    Download,
}
