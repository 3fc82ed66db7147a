using System;

namespace RingCentral.CallLog.Client.Export.Recordings;

/// <summary>How Save-RcRecording downloads: the switches that apply to every recording of a run.</summary>
internal sealed class RecordingDownloadOptions
{
    /// <summary>-Force: download again and replace this recording's existing file.</summary>
    public bool Overwrite { get; set; }

    /// <summary>Write "&lt;recording file&gt;.json" beside each recording (off with -NoSidecar).</summary>
    public bool Sidecar { get; set; } = true;

    public int ThrottleLimit { get; set; } = 4;

    /// <summary>Called with each chunk's size, from worker threads.</summary>
    public Action<long>? BytesWritten { get; set; }

    public string ModuleVersion { get; set; } = typeof(RecordingDownloadOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
