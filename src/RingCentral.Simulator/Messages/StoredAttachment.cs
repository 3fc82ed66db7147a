namespace RingCentral.Simulator.Messages;

/// <summary>One attachment of a message: RingCentral's <c>MessageAttachmentInfo</c> facts and its bytes.</summary>
internal sealed class StoredAttachment
{
    public required long Id { get; init; }
    /// <summary><c>AudioRecording</c>, <c>AudioTranscription</c>, <c>RenderedDocument</c> or <c>Text</c>.</summary>
    public required string Type { get; init; }
    public required string ContentType { get; init; }
    public string? FileName { get; init; }
    /// <summary>Voicemail audio only: its length in seconds.</summary>
    public int? VmDuration { get; init; }
    public required AttachmentBody Body { get; init; }
}
