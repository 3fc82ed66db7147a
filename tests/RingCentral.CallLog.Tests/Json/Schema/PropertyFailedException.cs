namespace RingCentral.CallLog.Tests.Json.Schema;

/// <summary>A property failed; <see cref="Smallest"/> is the smallest failing case found.</summary>
internal sealed class PropertyFailedException : Exception
{
    public PropertyFailedException(object smallest, string message, Exception inner)
        : base(message, inner)
    {
        Smallest = smallest;
    }

    public object Smallest { get; }
}
