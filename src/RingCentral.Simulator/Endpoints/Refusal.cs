using System.Globalization;

namespace RingCentral.Simulator.Endpoints;

/// <summary>
/// A request the simulator refuses, as RingCentral would: the status and the error body to answer.
/// The checks throw it, so a handler reads straight through to its answer; <see cref="RefusalFilter"/>
/// writes it. Headers set before the throw (rate limits, Retry-After, Content-Range) go out with it.
/// </summary>
internal sealed class Refusal(int status, byte[] body) : Exception("The request is refused with " + status.ToString(CultureInfo.InvariantCulture) + ".")
{
    public int Status { get; } = status;

    public ReadOnlyMemory<byte> Body { get; } = body;
}
