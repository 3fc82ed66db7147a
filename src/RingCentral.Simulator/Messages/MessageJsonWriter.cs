using System.Text.Json;
using RingCentral.Simulator.Data;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Messages;

/// <summary>
/// Writes a message as RingCentral's message store does (<c>GetMessageInfoResponse</c>, field order of
/// its bulk sample): ids as JSON numbers, times with milliseconds and Z, attachment uris on the media
/// host. A purged message has lost its attachments. The single-message answer adds <c>vmSideRecipients</c>,
/// which the spec requires there (with at least one entry): the message's own recipient.
/// </summary>
internal static class MessageJsonWriter
{
    /// <summary>Writes one message; its changeable state is read as it is (each value a single reference).</summary>
    public static void Write(Utf8JsonWriter w, StoredMessage m, UriContext uris, bool single)
    {
        w.WriteStartObject();
        w.WriteString("uri", uris.MessageUri(m.Owner.Id, m.Id));
        w.WriteNumber("id", m.Id);
        w.WriteString("extensionId", m.Owner.Id);
        w.WriteStartArray("to");
        WriteRecipient(w, m);
        w.WriteEndArray();
        w.WriteStartObject("from");
        WriteParty(w, m.From);
        w.WriteEndObject();
        w.WriteString("type", m.TypeName);
        RecordJsonWriter.WriteTime(w, "creationTime", m.CreationMs);
        w.WriteString("readStatus", m.ReadStatus);
        w.WriteString("priority", m.HighPriority ? "High" : "Normal");
        if (m.Availability != "Purged")
        {
            w.WriteStartArray("attachments");
            foreach (var a in m.Attachments)
            {
                w.WriteStartObject();
                w.WriteNumber("id", a.Id);
                w.WriteString("uri", uris.MessageContentUri(m.Owner.Id, m.Id, a.Id));
                w.WriteString("type", a.Type);
                w.WriteString("contentType", a.ContentType);
                if (a.VmDuration is int seconds) w.WriteNumber("vmDuration", seconds);
                if (a.FileName is { } name) w.WriteString("fileName", name);
                w.WriteNumber("size", a.Body.Length);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteString("direction", m.Inbound ? "Inbound" : "Outbound");
        w.WriteString("availability", m.Availability);
        if (m.Subject is not null) w.WriteString("subject", m.Subject);
        w.WriteString("messageStatus", m.MessageStatus);
        switch (m.Kind)
        {
            case MessageKind.VoiceMail:
                w.WriteString("vmTranscriptionStatus", m.TranscriptionStatus);
                break;
            case MessageKind.Fax:
                w.WriteString("faxResolution", m.FaxHighResolution ? "High" : "Low");
                w.WriteNumber("faxPageCount", m.FaxPageCount);
                if (!m.Inbound) w.WriteNumber("coverIndex", 0);
                break;
            case MessageKind.Sms:
                w.WriteNumber("conversationId", m.ConversationId);
                w.WriteStartObject("conversation");
                w.WriteString("id", m.ConversationId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("uri", uris.PlatformBase + "/restapi/v1.0/conversation/" + m.ConversationId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteEndObject();
                if (!m.Inbound)
                {
                    if (m.MessageStatus == "Delivered") RecordJsonWriter.WriteTime(w, "smsDeliveryTime", m.CreationMs + 2_000);
                    w.WriteNumber("smsSendingAttemptsCount", 1);
                }
                w.WriteNumber("segmentCount", Math.Max(1, ((m.Subject?.Length ?? 0) + 159) / 160));
                break;
        }
        RecordJsonWriter.WriteTime(w, "lastModifiedTime", m.LastModifiedMs);
        if (single)
        {
            w.WriteStartArray("vmSideRecipients");
            WriteRecipient(w, m);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteRecipient(Utf8JsonWriter w, StoredMessage m)
    {
        w.WriteStartObject();
        WriteParty(w, m.To);
        if (!m.Inbound && m.Kind != MessageKind.VoiceMail)
        {
            w.WriteString("messageStatus", m.MessageStatus);
            if (m.FaxErrorCode is { } code) w.WriteString("faxErrorCode", code);
        }
        w.WriteEndObject();
    }

    private static void WriteParty(Utf8JsonWriter w, Party p)
    {
        if (p.PhoneNumber is not null) w.WriteString("phoneNumber", p.PhoneNumber);
        if (p.ExtensionNumber is not null) w.WriteString("extensionNumber", p.ExtensionNumber);
        if (p.ExtensionId is not null) w.WriteString("extensionId", p.ExtensionId);
        if (p.Name is not null) w.WriteString("name", p.Name);
        if (p.Location is not null) w.WriteString("location", p.Location);
    }
}
