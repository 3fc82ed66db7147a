using System;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using RingCentral.CallLog.Json;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// What Get-RcMessage reads from one piped object: the message id, the mailbox it is in, and the
/// call it belongs to. A call log record gives its MessageId (never its own Id, which is a call
/// id), its extension (ExtensionId, else the one in its Uri) and its Id as the CallLogId; a CSV
/// row of such records gives the same by property name; a string is a message id.
/// </summary>
internal sealed class MessageInput
{
    private static readonly Regex s_id = new(InputPatterns.Id, RegexOptions.CultureInvariant);
    private static readonly Regex s_extension = new(InputPatterns.ExtensionId, RegexOptions.CultureInvariant);

    private MessageInput()
    {
    }

    public string MessageId { get; private set; } = string.Empty;

    /// <summary>The mailbox, when the input names one (else the cmdlet's -ExtensionId applies).</summary>
    public string? ExtensionId { get; private set; }

    public string? CallLogId { get; private set; }

    public string? MessageType { get; private set; }

    /// <summary>Why the input is passed over (a call without a message): verbose, not an error.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>Why the input is refused (an id that cannot be one): an error for that input.</summary>
    public ArgumentException? Error { get; private set; }

    public static MessageInput From(PSObject input) => input.BaseObject switch
    {
        string id => Of(id, null, null, null, "a string"),
        CallLogRecord record => FromRecord(record),
        RcMessage message => Of(message.Id, message.ExtensionId, message.CallLogId, message.Type, "message " + message.Id),
        _ => FromProperties(input),
    };

    public static MessageInput FromId(string id) => Of(id, null, null, null, "-MessageId");

    private static MessageInput FromRecord(CallLogRecord record)
    {
        // A message link may sit on a leg (Detailed view) rather than on the record itself.
        var linked = !string.IsNullOrEmpty(record.MessageId) ? (CallLogEntry)record : record.Legs.FirstOrDefault(l => !string.IsNullOrEmpty(l.MessageId));
        if (linked is null)
        {
            return new MessageInput { SkipReason = $"Call log record {record.Id} has no message; skipped." };
        }

        var extension = Blank(record.ExtensionId) ?? Blank(linked.ExtensionId) ?? ModelMapper.MailboxOf(record.Uri);
        return Of(linked.MessageId!, extension, record.Id, linked.MessageType, "call log record " + record.Id);
    }

    private static MessageInput FromProperties(PSObject input)
    {
        var messageId = Text(input, "MessageId");
        var callLogId = Text(input, "Id");
        if (messageId is null)
        {
            return new MessageInput { SkipReason = $"Input {callLogId ?? input.ToString()} has no MessageId; skipped." };
        }

        var extension = Text(input, "ExtensionId") ?? ModelMapper.MailboxOf(Text(input, "Uri"));
        return Of(messageId, extension, callLogId, Text(input, "MessageType"), "call log record " + (callLogId ?? messageId));
    }

    private static MessageInput Of(string id, string? extensionId, string? callLogId, string? type, string source)
    {
        if (!s_id.IsMatch(id))
        {
            return new MessageInput { MessageId = id, Error = new ArgumentException($"The message id '{id}' of {source} cannot be a message id (only letters, digits, '-' and '_'); it is skipped.", "InputObject") };
        }

        if (extensionId is not null && !s_extension.IsMatch(extensionId))
        {
            return new MessageInput { MessageId = id, Error = new ArgumentException($"The extension id '{extensionId}' of {source} cannot be an extension id (digits only); it is skipped.", "InputObject") };
        }

        return new MessageInput { MessageId = id, ExtensionId = extensionId, CallLogId = callLogId, MessageType = type };
    }

    private static string? Text(PSObject input, string name) => Blank(input.Properties[name]?.Value?.ToString());

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
}
