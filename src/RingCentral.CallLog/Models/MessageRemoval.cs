namespace RingCentral.CallLog;

/// <summary>What Remove-RcMessage did with one message.</summary>
public sealed class MessageRemoval
{
    internal MessageRemoval()
    {
    }

    public string MessageId { get; internal set; } = string.Empty;

    /// <summary>The mailbox it was deleted from ('~': your own).</summary>
    public string? ExtensionId { get; internal set; }

    /// <summary>The attachments whose local copies were verified (or the one that was not), as "attachment id=path; ...".</summary>
    public string? Paths { get; internal set; }

    /// <summary>Deleted (restorable on RingCentral for some days), Purged (-Purge: gone for good), Refused (not every attachment's copy verified; nothing sent) or Failed (RingCentral did not delete it).</summary>
    public string Status { get; internal set; } = string.Empty;

    public string? Error { get; internal set; }

    public override string ToString() => MessageId + " " + Status;
}
