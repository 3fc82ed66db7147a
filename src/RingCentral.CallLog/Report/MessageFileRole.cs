namespace RingCentral.CallLog.Report;

/// <summary>What a message's file is on the report's page.</summary>
internal enum MessageFileRole
{
    /// <summary>A voicemail's audio: a player.</summary>
    VoicemailAudio,

    /// <summary>A voicemail's transcription: its text under the player.</summary>
    Transcription,

    /// <summary>A fax document (PDF, TIFF): a link that opens it.</summary>
    Document,
}
