namespace RingCentral.CallLog.Report;

/// <summary>One file of a message on disk: the link as the page writes it, and its media type.</summary>
internal sealed class LocalMessageFile
{
    public LocalMessageFile(string attachmentId, string fullPath, string source, string contentType)
    {
        AttachmentId = attachmentId;
        FullPath = fullPath;
        Source = source;
        ContentType = contentType;
    }

    public string AttachmentId { get; }

    public string FullPath { get; }

    /// <summary>Relative to the report when the file is under the report's folder, else a file URI (<see cref="LocalFileLink"/>).</summary>
    public string Source { get; }

    /// <summary>audio/mpeg or audio/wav for voicemail; application/pdf or image/tiff for a fax document.</summary>
    public string ContentType { get; }
}
