namespace RingCentral.Simulator.Data;

/// <summary>One side of a call as the call log shows it; shared between records to keep memory low.</summary>
internal sealed class Party
{
    public string? PhoneNumber { get; init; }
    public string? ExtensionNumber { get; init; }
    public string? ExtensionId { get; init; }
    public string? Name { get; init; }
    public string? Location { get; init; }
    /// <summary>The RingCentral phone of an extension; written as <c>device</c> on the legs that run over VoIP.</summary>
    public string? DeviceId { get; init; }
}
