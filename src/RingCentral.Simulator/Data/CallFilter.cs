namespace RingCentral.Simulator.Data;

/// <summary>The filters of a call-log list request, already validated. Paging is kept apart.</summary>
internal sealed record CallFilter
{
    /// <summary>Only records of this extension (extension-level lists); null = the whole account.</summary>
    public Extension? Owner { get; init; }
    public long FromMs { get; init; }
    public long ToMs { get; init; }
    public bool? Inbound { get; init; }
    public bool? Fax { get; init; }
    public bool? Pstn { get; init; }
    public string? PhoneDigits { get; init; }
    public string? ExtensionNumber { get; init; }
    public long? SessionId { get; init; }
    public string? TelephonySessionId { get; init; }
    /// <summary>null = with and without recordings; "Automatic", "OnDemand" or "All" (= any recording).</summary>
    public string? RecordingType { get; init; }
    public bool ShowDeleted { get; init; }
    public bool ShowBlocked { get; init; } = true;
    /// <summary>True when a sessionId search ignores the date range.</summary>
    public bool IgnoreDates { get; init; }

    public bool Matches(CallRecord r, long nowMs)
    {
        if (r.VisibleAtMs > nowMs) return false;
        if (Owner is not null && !ReferenceEquals(r.Owner, Owner)) return false;
        if (!IgnoreDates && (r.StartMs < FromMs || r.StartMs > ToMs)) return false;
        if (Inbound is bool inbound && r.Inbound != inbound) return false;
        if (Fax is bool fax && r.IsFax != fax) return false;
        if (Pstn is bool pstn && r.Pstn != pstn) return false;
        if (!ShowDeleted && r.Deleted) return false;
        if (!ShowBlocked && r.Blocked) return false;
        if (SessionId is long s && r.SessionId != s) return false;
        if (RecordingType is not null)
        {
            if (!r.HasRecording) return false;
            if (RecordingType == "Automatic" && r.RecordingOnDemand) return false;
            if (RecordingType == "OnDemand" && !r.RecordingOnDemand) return false;
        }
        if (ExtensionNumber is not null && r.From.ExtensionNumber != ExtensionNumber && r.To.ExtensionNumber != ExtensionNumber) return false;
        if (PhoneDigits is not null && !PhoneMatches(r.From, PhoneDigits) && !PhoneMatches(r.To, PhoneDigits)) return false;
        if (TelephonySessionId is not null && r.TelephonySessionId != TelephonySessionId) return false;
        return true;
    }

    private static bool PhoneMatches(Party p, string digits)
    {
        var n = p.PhoneNumber;
        if (n is null) return false;
        var span = n.AsSpan();
        if (span.StartsWith("+")) span = span[1..];
        return span.SequenceEqual(digits);
    }
}
