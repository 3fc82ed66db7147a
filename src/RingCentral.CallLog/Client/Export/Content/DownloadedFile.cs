namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>A finished download: where it is, how big, what the server said it was, and its SHA-256.</summary>
internal sealed class DownloadedFile
{
    public DownloadedFile(string path, long bytes, string? contentType, string sha256, string? sidecarPath)
    {
        Path = path;
        Bytes = bytes;
        ContentType = contentType;
        Sha256 = sha256;
        SidecarPath = sidecarPath;
    }

    public string Path { get; }

    public long Bytes { get; }

    public string? ContentType { get; }

    /// <summary>Lower-case hex.</summary>
    public string Sha256 { get; }

    /// <summary>Null with -NoSidecar.</summary>
    public string? SidecarPath { get; }
}
