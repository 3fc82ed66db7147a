namespace RingCentral.CallLog;

/// <summary>One attachment of a message: what it is and where its content is.</summary>
public sealed class RcMessageAttachment
{
    internal RcMessageAttachment()
    {
    }

    /// <summary>The id of the message it belongs to.</summary>
    public string MessageId { get; internal set; } = string.Empty;

    public string Id { get; internal set; } = string.Empty;

    /// <summary>AudioRecording, AudioTranscription, Text, SourceDocument, RenderedDocument or MmsAttachment.</summary>
    public string? Type { get; internal set; }

    /// <summary>The MIME type, e.g. audio/mpeg, text/plain, application/pdf.</summary>
    public string? ContentType { get; internal set; }

    /// <summary>The content's address (RingCentral's attachment uri).</summary>
    public string? ContentUri { get; internal set; }

    public string? FileName { get; internal set; }

    /// <summary>In bytes, when RingCentral says.</summary>
    public long? Size { get; internal set; }

    /// <summary>Voicemail audio only: its length in seconds.</summary>
    public int? VoicemailSeconds { get; internal set; }

    /// <summary>"AudioRecording audio/mpeg": the part a CSV cell of the message shows.</summary>
    public override string ToString() => string.Join(" ", new[] { Type, ContentType }).Trim();
}
