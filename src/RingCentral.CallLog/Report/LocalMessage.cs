using System.Collections.Generic;

namespace RingCentral.CallLog.Report;

/// <summary>A call's voicemail or fax on disk: the audio the page plays, the transcription it shows, the documents it links.</summary>
internal sealed class LocalMessage
{
    public LocalMessage(string messageId, LocalMessageFile? voicemail, string? transcription, IReadOnlyList<LocalMessageFile> documents)
    {
        MessageId = messageId;
        Voicemail = voicemail;
        Transcription = transcription;
        Documents = documents;
    }

    public string MessageId { get; }

    public LocalMessageFile? Voicemail { get; }

    /// <summary>The transcription's text as read from disk (raw: the writer escapes it), or null.</summary>
    public string? Transcription { get; }

    public IReadOnlyList<LocalMessageFile> Documents { get; }
}
