namespace RingCentral.Simulator.Events;

/// <summary>A WebSocket subscription: its filters and those refused, with why. One per gateway session.</summary>
internal sealed class GatewaySubscription
{
    public required string Id { get; init; }
    public required DateTimeOffset CreationTime { get; init; }
    public required IReadOnlyList<TelephonyFilter> Filters { get; set; }
    public required IReadOnlyList<(string Filter, string Reason, string Message)> DisabledFilters { get; set; }

    /// <summary>The first filter that lets the event through, or null.</summary>
    public TelephonyFilter? Match(TelephonyPartyEvent e) => Filters.FirstOrDefault(f => f.Matches(e));
}
