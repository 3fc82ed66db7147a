namespace RingCentral.CallLog.Tests.Json.Schema;

/// <summary>The JSON type a schema node allows.</summary>
internal enum SchemaKind
{
    String,
    Integer,
    Number,
    Boolean,
    Object,
    Array,
}

/// <summary>
/// One node of RingCentral's published schema with every <c>$ref</c> and <c>allOf</c> resolved: what
/// a generator needs to make values the schema allows (type, format, enumeration, properties).
/// </summary>
internal sealed class SchemaShape
{
    public required SchemaKind Kind { get; init; }

    /// <summary>The component the node came from (e.g. <c>CallLogFromParty</c>), if it was a reference.</summary>
    public string? Component { get; init; }

    public string? Format { get; init; }

    public string Description { get; init; } = string.Empty;

    /// <summary>The values the schema lists (empty when the string is free).</summary>
    public IReadOnlyList<string> Enum { get; init; } = [];

    public IReadOnlyList<SchemaProperty> Properties { get; init; } = [];

    /// <summary>False where the schema says <c>additionalProperties: false</c> (paging, navigation).</summary>
    public bool AllowsExtraProperties { get; init; } = true;

    public SchemaShape? Items { get; init; }

    public int MinItems { get; init; }

    public SchemaProperty Property(string name) =>
        Properties.FirstOrDefault(p => p.Name == name) ?? throw new KeyNotFoundException($"The schema of {Component ?? "this object"} has no property '{name}'.");

    public override string ToString() => Component ?? Kind.ToString();
}
