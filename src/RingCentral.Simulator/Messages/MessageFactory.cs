using System.Globalization;
using System.Text;
using RingCentral.Simulator.Data;

namespace RingCentral.Simulator.Messages;

/// <summary>
/// Makes messages: the voicemail or fax a call left (every choice a hash of the message id, so the same
/// seed gives the same mailboxes, and the call data's random stream is not touched), SMS conversations
/// (their own random stream, from the seed), and messages asked for by the test hook.
/// </summary>
internal sealed class MessageFactory(long referenceMs)
{
    private static readonly string[] CallerNames = ["Maria", "James", "Linda", "Robert", "Priya", "Chen", "Fatima", "Lukas", "Sofia", "Daniel", "Aiko", "Omar"];
    private static readonly string[] Topics =
    [
        "calling about my appointment next Tuesday",
        "returning your call from this morning",
        "calling about the invoice you sent last week",
        "calling to confirm the delivery for Friday",
        "with a question about my insurance claim",
        "calling to reschedule our meeting",
    ];
    private static readonly string[] Details =
    [
        "I need to move it to the afternoon if that is possible.",
        "There seems to be a small mistake in the amount.",
        "Please let me know which time works best for you.",
        "It is not urgent, but I would like to sort it out this week.",
        "I sent the documents by fax a few minutes ago.",
    ];
    private static readonly string[] FaxTitles = ["Referral form", "Signed contract", "Purchase order", "Insurance claim", "Lab results", "Invoice"];
    private static readonly string[] SmsTexts =
    [
        "Hi, is my appointment still on for tomorrow at 10?",
        "Yes, see you then.",
        "Running 10 minutes late, sorry!",
        "Your order is ready for pickup.",
        "Thanks, got it.",
        "Can you call me back when you have a minute?",
        "Reminder: your appointment is on Thursday at 2:30 pm. Reply C to confirm.",
        "C",
        "Could you send the invoice again? I cannot find the first one.",
        "Sent it just now.",
    ];
    private static readonly string[] FaxErrors = ["NoAnswer", "LineBusy", "CallFailed", "NoFaxMachine", "CallerHungUp"];

    /// <summary>The voicemail or fax <paramref name="call"/> left (its <see cref="CallRecord.LinkedMessageId"/> must not be 0).</summary>
    public StoredMessage FromCall(CallRecord call)
    {
        var id = call.LinkedMessageId;
        var h = Mix((ulong)id);
        if (!call.IsFax)
        {
            var seconds = Math.Clamp(call.DurationSeconds * 2 / 3, 3, 300);
            return Voicemail(id, call.Owner, call.From, call.EndMs, seconds, h, call);
        }
        if (call.Inbound)
        {
            var received = call.Result == "Received";
            return Fax(id, call.Owner, inbound: true, call.From, call.Owner.Party, call.EndMs, received ? 1 + (int)(h % 6) : 0, h, call, failed: !received);
        }
        return Fax(id, call.Owner, inbound: false, call.Owner.Party, call.To, call.StartMs, 1 + (int)(h % 8), h, call, failed: call.Result != "Sent");
    }

    /// <summary>A voicemail from <paramref name="from"/>; about one in four is WAV (as in RingCentral's guide sample), the rest MP3.</summary>
    public StoredMessage Voicemail(long id, Extension owner, Party from, long creationMs, int seconds, ulong h, CallRecord? call = null, bool? transcribed = null)
    {
        var wav = h % 4 == 0;
        // An extension in five has voicemail-to-text off (NotAvailable); otherwise most transcriptions complete.
        var status = transcribed switch
        {
            true => "Completed",
            false => "NotAvailable",
            null => owner.Index % 5 == 4 ? "NotAvailable" : ((h >> 8) % 20) switch { 0 => "Failed", 1 => "CompletedPartially", _ => "Completed" },
        };
        var attachments = new List<StoredAttachment>
        {
            new()
            {
                Id = id, Type = "AudioRecording", ContentType = wav ? "audio/x-wav" : "audio/mpeg",
                VmDuration = seconds, Body = new AudioBody(id, wav, seconds),
            },
        };
        if (status is "Completed" or "CompletedPartially")
        {
            var partial = status == "CompletedPartially";
            attachments.Add(new StoredAttachment
            {
                Id = id + 1, Type = "AudioTranscription", ContentType = "text/plain",
                Body = new BytesBody(() => Encoding.UTF8.GetBytes(Transcription(h, owner, from, partial))),
            });
        }
        return new StoredMessage
        {
            Id = id, Owner = owner, Kind = MessageKind.VoiceMail, Inbound = true, CreationMs = creationMs,
            From = from, To = owner.Party, Call = call, MessageStatus = "Received", TranscriptionStatus = status,
            HighPriority = (h >> 16) % 25 == 0, Attachments = attachments,
            ReadStatus = InitialReadStatus(creationMs, h), LastModifiedMs = creationMs + 1_000 + (long)((h >> 20) % 5_000),
        };
    }

    /// <summary>A fax with its rendered PDF (none when an inbound fax was not received).</summary>
    public StoredMessage Fax(long id, Extension owner, bool inbound, Party from, Party to, long creationMs, int pages, ulong h, CallRecord? call = null, bool failed = false)
    {
        var attachments = new List<StoredAttachment>();
        var sender = from.PhoneNumber ?? from.Name ?? "Unknown";
        if (pages > 0)
        {
            var fromText = Describe(from);
            var toText = Describe(to);
            var sent = DateTimeOffset.FromUnixTimeMilliseconds(creationMs);
            attachments.Add(new StoredAttachment
            {
                Id = id, Type = "RenderedDocument", ContentType = "application/pdf",
                Body = new BytesBody(() => FaxPdf.Build(id, pages, fromText, toText, sent)),
            });
        }
        return new StoredMessage
        {
            Id = id, Owner = owner, Kind = MessageKind.Fax, Inbound = inbound, CreationMs = creationMs, From = from, To = to, Call = call,
            // Inbound: RingCentral puts the sender's number in the subject (guide sample); outbound: what the sender typed.
            Subject = inbound ? sender : FaxTitles[(int)(h % (ulong)FaxTitles.Length)],
            MessageStatus = inbound ? "Received" : failed ? "SendingFailed" : "Sent",
            FaxErrorCode = !inbound && failed ? FaxErrors[(int)((h >> 4) % (ulong)FaxErrors.Length)] : null,
            FaxPageCount = pages, FaxHighResolution = (h >> 12) % 3 != 0, Attachments = attachments,
            ReadStatus = inbound ? InitialReadStatus(creationMs, h) : "Read",
            LastModifiedMs = creationMs + 2_000 + (long)((h >> 20) % 20_000),
        };
    }

    /// <summary>An SMS: subject and one <c>Text</c> attachment carry the text, as in RingCentral's bulk sample.</summary>
    public StoredMessage Sms(long id, Extension owner, bool inbound, Party other, long creationMs, string text, long conversationId)
    {
        var h = Mix((ulong)id);
        return new StoredMessage
        {
            Id = id, Owner = owner, Kind = MessageKind.Sms, Inbound = inbound, CreationMs = creationMs,
            From = inbound ? other : owner.Party, To = inbound ? owner.Party : other,
            Subject = text, MessageStatus = inbound ? "Received" : h % 10 == 0 ? "Sent" : "Delivered", ConversationId = conversationId,
            Attachments = [new StoredAttachment { Id = id, Type = "Text", ContentType = "text/plain", Body = new BytesBody(() => Encoding.UTF8.GetBytes(text)) }],
            ReadStatus = inbound ? InitialReadStatus(creationMs, h) : "Read", LastModifiedMs = creationMs + 500,
        };
    }

    /// <summary>SMS conversations over [fromMs, toMs]: about one SMS for every fifteen calls, between extensions and a few outside numbers each.</summary>
    public List<StoredMessage> SmsHistory(int seed, IReadOnlyList<Extension> extensions, long fromMs, long toMs, long count, ref long nextId)
    {
        var list = new List<StoredMessage>();
        var r = new Random(unchecked((seed * 7919) + 17));
        for (long i = 0; i < count; i++)
        {
            var owner = extensions[r.Next(extensions.Count)];
            var contact = r.Next(0, 4);
            var other = new Party { PhoneNumber = "+1" + (200 + ((owner.Index * 31 + contact * 17) % 700)).ToString(CultureInfo.InvariantCulture) + (5550100 + ((owner.Index * 7 + contact) % 99)).ToString(CultureInfo.InvariantCulture) };
            var conversation = 5_700_000_000_000_000_000L + ((long)owner.Index * 1_000) + contact;
            var at = toMs - (long)(r.NextDouble() * (toMs - fromMs));
            var inbound = r.NextDouble() < 0.5;
            list.Add(Sms(nextId += 1000, owner, inbound, other, at, SmsTexts[r.Next(SmsTexts.Length)], conversation));
        }
        return list;
    }

    /// <summary>Inbound messages of the last two days (counted from the data's start moment) are mostly unread; older ones mostly read.</summary>
    private string InitialReadStatus(long creationMs, ulong h)
    {
        var ageDays = (referenceMs - creationMs) / 86_400_000.0;
        return ageDays < 2 ? ((h >> 24) % 4 == 0 ? "Read" : "Unread") : ((h >> 24) % 4 == 0 ? "Unread" : "Read");
    }

    private static string Describe(Party p)
        => p.Name is { } n && p.PhoneNumber is { } num ? n + " " + num : p.PhoneNumber ?? p.Name ?? p.ExtensionNumber ?? "Unknown";

    /// <summary>Plausible voicemail-to-text output; a partial one trails off, as a cut transcription does.</summary>
    private static string Transcription(ulong h, Extension owner, Party from, bool partial)
    {
        var first = owner.Name.Split(' ')[0];
        var caller = CallerNames[(int)(h % (ulong)CallerNames.Length)];
        var topic = Topics[(int)((h >> 5) % (ulong)Topics.Length)];
        var detail = Details[(int)((h >> 9) % (ulong)Details.Length)];
        var number = from.PhoneNumber is { Length: >= 12 } p && !p.Contains('X', StringComparison.Ordinal)
            ? $"{p[2..5]} {p[5..8]} {p[8..]}" : "the number I called from";
        var text = $"Hi {first}, this is {caller}, {topic}. {detail} You can reach me at {number}. Thank you, bye.";
        return partial ? text[..(text.Length / 2)].TrimEnd() + " ..." : text;
    }

    internal static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
