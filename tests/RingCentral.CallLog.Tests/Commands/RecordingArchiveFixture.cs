using RingCentral.CallLog.Tests.TestSupport;
using RingCentral.Simulator;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>
/// A simulator with enough recordings for the archive tests (over 340: the tests take slices up to index 340) and a 10-day retention, so
/// that calls older than 3 days are within 7 days of RingCentral deleting their recordings.
/// Recordings are deleted for good by some tests: each test takes its own slice of them.
/// </summary>
public sealed class RecordingArchiveFixture : HostedModuleFixture
{
    public const int RetentionDays = 10;

    protected override SimulatorOptions Options => new()
    {
        Seed = 23, Extensions = 4, CallsPerDay = 600, Days = 5, RecordingBytes = 40_000, RecordingRetentionDays = RetentionDays,
        Heavy = "0/0", Light = "0/0", Auth = "0/0",
    };
}
