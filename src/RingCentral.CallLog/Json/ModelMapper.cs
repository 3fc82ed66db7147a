using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace RingCentral.CallLog.Json;

/// <summary>Turns wire shapes into the public flat output types.</summary>
internal static class ModelMapper
{
    public static CallLogRecord ToRecord(CallLogRecordDto dto)
    {
        var record = new CallLogRecord
        {
            Id = dto.Id ?? string.Empty,
            SessionId = dto.SessionId,
            TelephonySessionId = dto.TelephonySessionId,
            PartyId = dto.PartyId,
            LastModifiedTime = ParseTime(dto.LastModifiedTime),
            Deleted = dto.Deleted ?? false,
            Uri = dto.Uri,
        };
        Fill(record, dto);
        if (dto.Legs is { Count: > 0 } legs)
        {
            var list = new List<CallLogLeg>(legs.Count);
            // A null item carries no leg: skipped, so one odd item cannot fail the whole page.
            foreach (var legDto in legs.Where(l => l is not null))
            {
                var leg = new CallLogLeg
                {
                    CallLogId = record.Id,
                    LegType = legDto.LegType,
                    Master = legDto.Master ?? false,
                };
                Fill(leg, legDto);
                list.Add(leg);
            }

            record.Legs = new CallLogLegCollection(list);
        }

        return record;
    }

    public static RecordingInfo ToRecording(RecordingDto dto) => new()
    {
        Id = dto.Id ?? string.Empty,
        ContentUri = dto.ContentUri,
        ContentType = dto.ContentType,
        Duration = ToInt(dto.Duration),
    };

    /// <summary>
    /// A message-store record as a flat <see cref="RcMessage"/>. <paramref name="extensionId"/> is
    /// the mailbox it was read from, used when the record does not name its extension (RingCentral's
    /// samples often do not); a mailbox asked for as '~' is read from the record's own uri instead.
    /// </summary>
    public static RcMessage ToMessage(MessageDto dto, string? extensionId)
    {
        var id = dto.Id ?? string.Empty;
        var attachments = (dto.Attachments ?? new List<MessageAttachmentDto>())
            .Select(a => new RcMessageAttachment
            {
                MessageId = id,
                Id = a.Id ?? string.Empty,
                Type = a.Type,
                ContentType = a.ContentType,
                ContentUri = a.Uri,
                FileName = a.FileName,
                Size = a.Size,
                VoicemailSeconds = ToInt(a.VmDuration),
            })
            .ToList();
        var recipients = dto.To ?? new List<PartyDto>();
        return new RcMessage
        {
            Id = id,
            Type = dto.Type,
            Direction = dto.Direction,
            CreationTime = ParseTime(dto.CreationTime),
            LastModifiedTime = ParseTime(dto.LastModifiedTime),
            ExtensionId = Blank(dto.ExtensionId) ?? MailboxOf(dto.Uri) ?? (extensionId == "~" ? null : extensionId),
            FromPhoneNumber = Blank(dto.From?.PhoneNumber) ?? Blank(dto.From?.ExtensionNumber),
            FromName = Blank(dto.From?.Name),
            ToPhoneNumber = JoinRecipients(recipients.Select(r => Blank(r.PhoneNumber) ?? Blank(r.ExtensionNumber))),
            ToName = JoinRecipients(recipients.Select(r => Blank(r.Name))),
            Subject = dto.Subject,
            ReadStatus = dto.ReadStatus,
            Availability = dto.Availability,
            MessageStatus = dto.MessageStatus,
            VoicemailSeconds = attachments.FirstOrDefault(a => a.Type == "AudioRecording" && a.VoicemailSeconds is not null)?.VoicemailSeconds
                ?? attachments.FirstOrDefault(a => a.VoicemailSeconds is not null)?.VoicemailSeconds,
            TranscriptionStatus = dto.TranscriptionStatus,
            FaxPageCount = ToInt(dto.FaxPageCount),
            FaxResolution = dto.FaxResolution,
            Attachments = attachments.Count == 0 ? RcMessageAttachmentCollection.Empty : new RcMessageAttachmentCollection(attachments),
            Uri = dto.Uri,
        };
    }

    /// <summary>The extension id in ".../extension/{id}/message-store/...", or null.</summary>
    internal static string? MailboxOf(string? uri)
    {
        const string Marker = "/extension/";
        var start = uri?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return null;
        }

        start += Marker.Length;
        var end = uri!.IndexOf('/', start);
        var segment = end < 0 ? uri.Substring(start) : uri.Substring(start, end - start);
        return segment.Length > 0 && segment.All(char.IsDigit) ? segment : null;
    }

    // Several recipients read as one cell: in RingCentral's order, "; " between them.
    private static string? JoinRecipients(IEnumerable<string?> values)
    {
        var present = values.Where(v => v is not null).ToList();
        return present.Count == 0 ? null : string.Join("; ", present);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>ISO 8601 with a zone, as RingCentral sends; always returned in UTC.</summary>
    public static DateTimeOffset? ParseTime(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value.ToUniversalTime()
            : null;
    }

    private static void Fill(CallLogEntry entry, CallLogEntryDto dto)
    {
        entry.StartTime = ParseTime(dto.StartTime) ?? default;
        entry.Duration = ToInt(dto.Duration);
        entry.DurationMs = dto.DurationMs;
        entry.Type = dto.Type;
        entry.Direction = dto.Direction;
        entry.Action = dto.Action;
        entry.Result = dto.Result;
        entry.Reason = dto.Reason;
        entry.ReasonDescription = dto.ReasonDescription;
        entry.Transport = dto.Transport;
        entry.InternalType = dto.InternalType;
        entry.FromPhoneNumber = dto.From?.PhoneNumber;
        entry.FromExtensionNumber = dto.From?.ExtensionNumber;
        entry.FromExtensionId = dto.From?.ExtensionId;
        entry.FromName = dto.From?.Name;
        entry.FromLocation = dto.From?.Location;
        entry.ToPhoneNumber = dto.To?.PhoneNumber;
        entry.ToExtensionNumber = dto.To?.ExtensionNumber;
        entry.ToExtensionId = dto.To?.ExtensionId;
        entry.ToName = dto.To?.Name;
        entry.ToLocation = dto.To?.Location;
        entry.ExtensionId = dto.Extension?.Id;
        entry.DelegateId = dto.Delegate?.Id;
        entry.DelegateName = dto.Delegate?.Name;
        entry.RecordingId = dto.Recording?.Id;
        entry.RecordingType = dto.Recording?.Type;
        entry.RecordingContentUri = dto.Recording?.ContentUri;
        entry.ShortRecording = dto.ShortRecording ?? false;
        entry.MessageId = dto.Message?.Id;
        entry.MessageType = dto.Message?.Type;
    }

    private static int? ToInt(long? value) => value is null ? null : (int)Math.Max(int.MinValue, Math.Min(int.MaxValue, value.Value));
}
