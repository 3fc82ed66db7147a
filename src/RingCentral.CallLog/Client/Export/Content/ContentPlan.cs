namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>What a run does with one item, decided before any request: see <see cref="ContentDownloadQueue.Plan"/>.</summary>
internal sealed class ContentPlan
{
    private ContentPlan(ContentPlanKind kind, ContentItem target, ContentOutcome? row, string? basePath, string? shownPath, string? problem)
    {
        Kind = kind;
        Target = target;
        Row = row;
        BasePath = basePath;
        ShownPath = shownPath;
        Problem = problem;
    }

    public ContentPlanKind Kind { get; }

    public ContentItem Target { get; }

    /// <summary>The row for a skipped or refused item.</summary>
    public ContentOutcome? Row { get; }

    /// <summary>Where the download goes (without extension).</summary>
    public string? BasePath { get; }

    /// <summary>The path as -WhatIf and -Confirm show it.</summary>
    public string? ShownPath { get; }

    /// <summary>Why an item is refused.</summary>
    public string? Problem { get; }

    public static ContentPlan Duplicate(ContentItem target) => new(ContentPlanKind.Duplicate, target, null, null, null, null);

    public static ContentPlan Skip(ContentItem target, ContentOutcome row) => new(ContentPlanKind.Skip, target, row, null, null, null);

    public static ContentPlan Refuse(ContentItem target, ContentOutcome row, string problem) => new(ContentPlanKind.Refuse, target, row, null, null, problem);

    public static ContentPlan Download(ContentItem target, string basePath, string shownPath) => new(ContentPlanKind.Download, target, null, basePath, shownPath, null);
}
