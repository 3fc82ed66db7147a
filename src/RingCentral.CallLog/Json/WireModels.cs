using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace RingCentral.CallLog.Json;

// Internal shapes of RingCentral's JSON. They stay internal: public outputs are the flat
// types in RingCentral.CallLog, so no System.Text.Json type ever reaches a user.
// Every id is read with FlexibleStringConverter because the API mixes numbers and strings.
#pragma warning disable CA1812 // instantiated by the JSON source generator
#pragma warning disable CA1002, CA2227 // plain transfer objects

internal sealed class CallLogPageDto
{
    [JsonPropertyName("uri")]
    public string? Uri { get; set; }

    [JsonPropertyName("records")]
    public List<CallLogRecordDto>? Records { get; set; }

    [JsonPropertyName("navigation")]
    public NavigationDto? Navigation { get; set; }
}

internal sealed class NavigationDto
{
    [JsonPropertyName("nextPage")]
    public LinkDto? NextPage { get; set; }
}

internal sealed class LinkDto
{
    [JsonPropertyName("uri")]
    public string? Uri { get; set; }
}

internal class CallLogEntryDto
{
    [JsonPropertyName("startTime")]
    public string? StartTime { get; set; }

    [JsonPropertyName("duration")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Duration { get; set; }

    [JsonPropertyName("durationMs")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? DurationMs { get; set; }

    [JsonPropertyName("type")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Type { get; set; }

    [JsonPropertyName("direction")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Direction { get; set; }

    [JsonPropertyName("action")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Action { get; set; }

    [JsonPropertyName("result")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Result { get; set; }

    [JsonPropertyName("reason")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Reason { get; set; }

    [JsonPropertyName("reasonDescription")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ReasonDescription { get; set; }

    [JsonPropertyName("transport")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Transport { get; set; }

    [JsonPropertyName("internalType")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? InternalType { get; set; }

    [JsonPropertyName("from")]
    [JsonConverter(typeof(PartyConverter))]
    public PartyDto? From { get; set; }

    [JsonPropertyName("to")]
    [JsonConverter(typeof(PartyConverter))]
    public PartyDto? To { get; set; }

    [JsonPropertyName("extension")]
    public IdRefDto? Extension { get; set; }

    [JsonPropertyName("delegate")]
    public DelegateDto? Delegate { get; set; }

    [JsonPropertyName("recording")]
    public RecordingRefDto? Recording { get; set; }

    [JsonPropertyName("shortRecording")]
    [JsonConverter(typeof(FlexibleBooleanConverter))]
    public bool? ShortRecording { get; set; }

    [JsonPropertyName("message")]
    public MessageRefDto? Message { get; set; }
}

internal sealed class CallLogRecordDto : CallLogEntryDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    [JsonPropertyName("uri")]
    public string? Uri { get; set; }

    [JsonPropertyName("sessionId")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? SessionId { get; set; }

    [JsonPropertyName("telephonySessionId")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? TelephonySessionId { get; set; }

    [JsonPropertyName("partyId")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? PartyId { get; set; }

    [JsonPropertyName("lastModifiedTime")]
    public string? LastModifiedTime { get; set; }

    [JsonPropertyName("deleted")]
    [JsonConverter(typeof(FlexibleBooleanConverter))]
    public bool? Deleted { get; set; }

    [JsonPropertyName("legs")]
    public List<CallLogLegDto>? Legs { get; set; }
}

internal sealed class CallLogLegDto : CallLogEntryDto
{
    [JsonPropertyName("legType")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? LegType { get; set; }

    [JsonPropertyName("master")]
    [JsonConverter(typeof(FlexibleBooleanConverter))]
    public bool? Master { get; set; }
}

internal sealed class PartyDto
{
    [JsonPropertyName("phoneNumber")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? PhoneNumber { get; set; }

    [JsonPropertyName("extensionNumber")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ExtensionNumber { get; set; }

    [JsonPropertyName("extensionId")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ExtensionId { get; set; }

    [JsonPropertyName("name")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Name { get; set; }

    [JsonPropertyName("location")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Location { get; set; }
}

internal sealed class IdRefDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }
}

internal sealed class DelegateDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Name { get; set; }
}

internal sealed class RecordingRefDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    [JsonPropertyName("type")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Type { get; set; }

    [JsonPropertyName("contentUri")]
    public string? ContentUri { get; set; }
}

internal sealed class MessageRefDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    [JsonPropertyName("type")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Type { get; set; }
}

internal sealed class RecordingDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    [JsonPropertyName("contentUri")]
    public string? ContentUri { get; set; }

    [JsonPropertyName("contentType")]
    public string? ContentType { get; set; }

    [JsonPropertyName("duration")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Duration { get; set; }
}

internal sealed class TokenDto
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("expires_in")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? ExpiresIn { get; set; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("refresh_token_expires_in")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? RefreshTokenExpiresIn { get; set; }

    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    [JsonPropertyName("owner_id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? OwnerId { get; set; }
}

internal sealed class ExtensionDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Name { get; set; }

    [JsonPropertyName("extensionNumber")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ExtensionNumber { get; set; }

    [JsonPropertyName("account")]
    public IdRefDto? Account { get; set; }

    [JsonPropertyName("contact")]
    public ContactDto? Contact { get; set; }
}

/// <summary>An extension's contact; its company is the closest thing to an account name RingCentral's answers carry.</summary>
internal sealed class ContactDto
{
    [JsonPropertyName("company")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Company { get; set; }
}

internal sealed class ErrorBodyDto
{
    [JsonPropertyName("errorCode")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ErrorCode { get; set; }

    [JsonPropertyName("message")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Message { get; set; }

    [JsonPropertyName("error")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Error { get; set; }

    [JsonPropertyName("error_description")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ErrorDescription { get; set; }

    [JsonPropertyName("errors")]
    public List<ErrorItemDto>? Errors { get; set; }
}

internal sealed class ErrorItemDto
{
    [JsonPropertyName("errorCode")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ErrorCode { get; set; }

    [JsonPropertyName("message")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Message { get; set; }
}

internal sealed class BatchSummaryDto
{
    [JsonPropertyName("response")]
    public List<BatchSummaryItemDto>? Response { get; set; }
}

internal sealed class BatchSummaryItemDto
{
    [JsonPropertyName("href")]
    public string? Href { get; set; }

    [JsonPropertyName("status")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Status { get; set; }

    [JsonPropertyName("responseDescription")]
    public string? ResponseDescription { get; set; }
}

/// <summary>A message-store listing page (GetMessageList): its records and the next page's link.</summary>
internal sealed class MessagePageDto
{
    [JsonPropertyName("records")]
    public List<MessageDto>? Records { get; set; }

    [JsonPropertyName("navigation")]
    public NavigationDto? Navigation { get; set; }
}

/// <summary>
/// One message-store record (GetMessageInfoResponse; a single GET adds vmSideRecipients, which is
/// not read). Only the fields RcMessage shows are read; the others are skipped.
/// </summary>
internal sealed class MessageDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    [JsonPropertyName("uri")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Uri { get; set; }

    [JsonPropertyName("extensionId")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ExtensionId { get; set; }

    [JsonPropertyName("type")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Type { get; set; }

    [JsonPropertyName("direction")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Direction { get; set; }

    [JsonPropertyName("creationTime")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? CreationTime { get; set; }

    [JsonPropertyName("lastModifiedTime")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? LastModifiedTime { get; set; }

    [JsonPropertyName("readStatus")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ReadStatus { get; set; }

    [JsonPropertyName("availability")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Availability { get; set; }

    [JsonPropertyName("messageStatus")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? MessageStatus { get; set; }

    [JsonPropertyName("subject")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Subject { get; set; }

    [JsonPropertyName("vmTranscriptionStatus")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? TranscriptionStatus { get; set; }

    [JsonPropertyName("faxPageCount")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? FaxPageCount { get; set; }

    [JsonPropertyName("faxResolution")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? FaxResolution { get; set; }

    [JsonPropertyName("from")]
    [JsonConverter(typeof(PartyConverter))]
    public PartyDto? From { get; set; }

    /// <summary>Every recipient (an object instead of a list is read as a list of one).</summary>
    [JsonPropertyName("to")]
    [JsonConverter(typeof(PartyListConverter))]
    public List<PartyDto>? To { get; set; }

    [JsonPropertyName("attachments")]
    [JsonConverter(typeof(AttachmentListConverter))]
    public List<MessageAttachmentDto>? Attachments { get; set; }
}

/// <summary>MessageAttachmentInfo: what Save-RcMessage needs to fetch and name the content.</summary>
internal sealed class MessageAttachmentDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Id { get; set; }

    [JsonPropertyName("uri")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Uri { get; set; }

    [JsonPropertyName("type")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Type { get; set; }

    [JsonPropertyName("contentType")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ContentType { get; set; }

    [JsonPropertyName("vmDuration")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? VmDuration { get; set; }

    [JsonPropertyName("fileName")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? FileName { get; set; }

    [JsonPropertyName("size")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Size { get; set; }
}
