using RingCentral.Simulator.Data;

namespace RingCentral.Simulator.Messages;

/// <summary>The filters of a message-store list request, already validated; null sets mean "any".</summary>
internal sealed record MessageFilter
{
    public required Extension Owner { get; init; }
    public long FromMs { get; init; }
    public long ToMs { get; init; }
    public IReadOnlySet<MessageKind>? Kinds { get; init; }
    /// <summary>True when Pager was asked for alone: nothing matches (the simulator holds no pager messages).</summary>
    public bool OnlyPager { get; init; }
    public bool? Inbound { get; init; }
    /// <summary>RingCentral hides Deleted and Purged messages unless asked for them.</summary>
    public IReadOnlySet<string> Availability { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "Alive" };
    public IReadOnlySet<string>? ReadStatus { get; init; }
    public string? PhoneDigits { get; init; }
    public long? ConversationId { get; init; }

    public bool Matches(StoredMessage m, long nowMs)
    {
        if (!ReferenceEquals(m.Owner, Owner) || m.CreationMs > nowMs) return false;
        if (m.CreationMs < FromMs || m.CreationMs > ToMs) return false;
        if (OnlyPager) return false;
        if (Kinds is not null && !Kinds.Contains(m.Kind)) return false;
        if (Inbound is bool inbound && m.Inbound != inbound) return false;
        if (!Availability.Contains(m.Availability)) return false;
        if (ReadStatus is not null && !ReadStatus.Contains(m.ReadStatus)) return false;
        if (ConversationId is long c && m.ConversationId != c) return false;
        if (PhoneDigits is not null && Digits(m.From.PhoneNumber) != PhoneDigits && Digits(m.To.PhoneNumber) != PhoneDigits) return false;
        return true;
    }

    public static string? Digits(string? phone) => phone?.TrimStart('+');
}
