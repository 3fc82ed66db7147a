using System;
using System.Collections.Concurrent;

namespace RingCentral.CallLog.Client.Api;

/// <summary>
/// The mailboxes RingCentral refused during one run. Asking again would draw the same refusal
/// for every message (a request storm that only burns the rate limit), so a run asks each
/// refused extension once, reports it once, and skips its later messages.
/// </summary>
internal sealed class MailboxRefusals
{
    private readonly ConcurrentDictionary<string, RcApiException> _refused = new(StringComparer.Ordinal);

    public bool WasRefused(string extensionId) => _refused.ContainsKey(extensionId);

    /// <summary>Notes a refusal of a mailbox; true the first time that mailbox is refused (the error to report), false after.</summary>
    public bool Note(RcApiException refusal) =>
        refusal.Remedy == RcRemedy.ExportMessageStore && refusal.Mailbox is not null && _refused.TryAdd(refusal.Mailbox, refusal);
}
