namespace RingCentral.CallLog.Report;

/// <summary>A recording on disk the page can play: the link as the page writes it, and its media type.</summary>
internal sealed class LocalRecording
{
    public LocalRecording(string recordingId, string fullPath, string source, string contentType)
    {
        RecordingId = recordingId;
        FullPath = fullPath;
        Source = source;
        ContentType = contentType;
    }

    public string RecordingId { get; }

    public string FullPath { get; }

    /// <summary>Relative to the report when the file is under the report's folder, else a file URI.</summary>
    public string Source { get; }

    /// <summary>audio/mpeg or audio/wav.</summary>
    public string ContentType { get; }
}
