using RingCentral.Simulator.Data;

namespace RingCentral.Simulator.Messages;

/// <summary>
/// A message in an extension's message store. The facts are fixed when it is made (from its call, or
/// generated for SMS); read status, availability and last-modified time change through the API.
/// Changes happen under the <see cref="MessageStore"/>'s lock.
/// </summary>
internal sealed class StoredMessage
{
    public required long Id { get; init; }
    public required Extension Owner { get; init; }
    public required MessageKind Kind { get; init; }
    public required bool Inbound { get; init; }
    public required long CreationMs { get; init; }
    public required Party From { get; init; }
    public required Party To { get; init; }
    /// <summary>The call that left it (voicemail, fax); null for SMS and hook-made messages.</summary>
    public CallRecord? Call { get; init; }
    public string? Subject { get; init; }
    public required string MessageStatus { get; init; }
    /// <summary>An outbound fax that failed: RingCentral's reason on the recipient.</summary>
    public string? FaxErrorCode { get; init; }
    public int FaxPageCount { get; init; }
    public bool FaxHighResolution { get; init; }
    public string? TranscriptionStatus { get; init; }
    public long ConversationId { get; init; }
    public bool HighPriority { get; init; }
    public required IReadOnlyList<StoredAttachment> Attachments { get; init; }

    public required string ReadStatus { get; set; }
    public string Availability { get; set; } = "Alive";
    public required long LastModifiedMs { get; set; }

    public string TypeName => MessageKinds.Name(Kind);
}
