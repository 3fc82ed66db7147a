namespace RingCentral.Simulator.Faults;

/// <summary>The names the /_sim/faults hook takes for each <see cref="FaultKind"/>, and the one parser of them.</summary>
internal static class FaultKinds
{
    private static readonly (string Name, FaultKind Kind)[] s_names =
    [
        ("status", FaultKind.Status), ("drop", FaultKind.Drop), ("truncate", FaultKind.Truncate), ("delay", FaultKind.Delay),
        ("reset", FaultKind.Reset), ("redirect", FaultKind.Redirect), ("stall", FaultKind.Stall), ("body", FaultKind.Body),
        ("slow-body", FaultKind.SlowBody), ("stall-body", FaultKind.StallBody),
    ];

    /// <summary>Every name, in the order the documentation lists them.</summary>
    public static IEnumerable<string> Names => s_names.Select(n => n.Name);

    /// <summary>The kind <paramref name="name"/> names (exactly, as documented); anything else, or none, is refused naming the choices.</summary>
    public static FaultKind Parse(string? name)
    {
        foreach (var (known, kind) in s_names)
        {
            if (string.Equals(name, known, StringComparison.Ordinal)) return kind;
        }
        throw new FormatException("kind must be one of " + string.Join(", ", Names));
    }
}
