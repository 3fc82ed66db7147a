namespace RingCentral.CallLog.Tests.Json.Schema;

/// <summary>A property of an object in the published schema.</summary>
internal sealed class SchemaProperty
{
    public required string Name { get; init; }

    public required SchemaShape Shape { get; init; }

    public required bool Required { get; init; }

    /// <summary>
    /// The schema says the property is sent in the Detailed view only (<c>legs</c>,
    /// <c>lastModifiedTime</c>, <c>billing</c>), so Simple pages leave it out.
    /// </summary>
    public bool DetailedOnly { get; init; }

    public override string ToString() => Name + ": " + Shape;
}
