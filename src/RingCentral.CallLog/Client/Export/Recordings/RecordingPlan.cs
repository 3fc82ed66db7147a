namespace RingCentral.CallLog.Client.Export.Recordings;

/// <summary>What Save-RcRecording does with one recording, decided before any request: see <see cref="RecordingDownloadQueue.Plan"/>.</summary>
internal sealed class RecordingPlan
{
    private RecordingPlan(RecordingPlanKind kind, RecordingTarget target, RecordingDownload? row, string? basePath, string? shownPath, string? problem)
    {
        Kind = kind;
        Target = target;
        Row = row;
        BasePath = basePath;
        ShownPath = shownPath;
        Problem = problem;
    }

    public RecordingPlanKind Kind { get; }

    public RecordingTarget Target { get; }

    /// <summary>The row for a skipped or refused recording.</summary>
    public RecordingDownload? Row { get; }

    /// <summary>Where the download goes (without extension).</summary>
    public string? BasePath { get; }

    /// <summary>The path as -WhatIf and -Confirm show it.</summary>
    public string? ShownPath { get; }

    /// <summary>Why a recording is refused.</summary>
    public string? Problem { get; }

    public static RecordingPlan Duplicate(RecordingTarget target) => new(RecordingPlanKind.Duplicate, target, null, null, null, null);

    public static RecordingPlan Skip(RecordingTarget target, RecordingDownload row) => new(RecordingPlanKind.Skip, target, row, null, null, null);

    public static RecordingPlan Refuse(RecordingTarget target, RecordingDownload row, string problem) => new(RecordingPlanKind.Refuse, target, row, null, null, problem);

    public static RecordingPlan Download(RecordingTarget target, string basePath, string shownPath) => new(RecordingPlanKind.Download, target, null, basePath, shownPath, null);
}
