using CsCheck;
using RingCentral.CallLog.Tests.TestSupport;

namespace RingCentral.CallLog.Tests.Json.Schema;

/// <summary>How a test body is handed out: a fixed number of bytes per read, or random sizes from a seed.</summary>
internal sealed record ReadPlan(int FixedSize, int Seed)
{
    /// <summary>The read sizes every streaming test covers (0: random sizes).</summary>
    public static readonly int[] Sizes = [1, 7, 512, 4096, 65536, 0];

    /// <summary>One of the fixed sizes or random sizes, as often each.</summary>
    public static readonly Gen<ReadPlan> Any = Gen.Frequency(
        (1, Gen.OneOf(1, 7, 512, 4096, 65536).Select(size => new ReadPlan(size, 0))),
        (1, Gen.Int[1, int.MaxValue].Select(seed => new ReadPlan(0, seed))));

    public static ReadPlan Of(int size) => new(size, size == 0 ? 20261201 : 0);

    public Stream Open(byte[] body) => FixedSize > 0 ? new ChunkedReadStream(body, FixedSize) : ChunkedReadStream.Random(body, Seed);

    public override string ToString() => FixedSize > 0 ? $"reads of {FixedSize} byte(s)" : $"random reads of 1..9000 bytes (seed {Seed})";
}
