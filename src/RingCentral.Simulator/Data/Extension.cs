namespace RingCentral.Simulator.Data;

/// <summary>An extension of the simulated account; index 0 is the admin, index 1 the non-admin user.</summary>
internal sealed class Extension
{
    public required int Index { get; init; }
    public required string Id { get; init; }
    public required long NumericId { get; init; }
    public required string ExtensionNumber { get; init; }
    public required string Name { get; init; }
    public required bool IsAdmin { get; init; }
    public required Party Party { get; init; }
    /// <summary>The extension that sometimes acts for this one (a secretary, a coworker): the record's <c>delegate</c>.</summary>
    public Extension? Delegate { get; set; }
}
