using System;

namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>How a run downloads: the switches that apply to every item of it (-Force, -NoSidecar, -ThrottleLimit).</summary>
internal sealed class ContentDownloadOptions
{
    /// <summary>-Force: download again and replace the item's existing file.</summary>
    public bool Overwrite { get; set; }

    /// <summary>Write "&lt;file&gt;.json" beside each file (off with -NoSidecar).</summary>
    public bool Sidecar { get; set; } = true;

    public int ThrottleLimit { get; set; } = 4;

    /// <summary>Called with each chunk's size, from worker threads.</summary>
    public Action<long>? BytesWritten { get; set; }

    public string ModuleVersion { get; set; } = typeof(ContentDownloadOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
