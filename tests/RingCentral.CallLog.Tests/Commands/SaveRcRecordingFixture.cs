using RingCentral.CallLog.Tests.TestSupport;
using RingCentral.Simulator;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>The simulator of the Save-RcRecording tests: small recordings, so that 50 download quickly.</summary>
public sealed class SaveRcRecordingFixture : HostedModuleFixture
{
    protected override SimulatorOptions Options => new()
    {
        Seed = 11, Extensions = 4, CallsPerDay = 60, Days = 5, RecordingBytes = 300_000,
        Heavy = "0/0", Light = "0/0", Auth = "0/0",
    };
}
