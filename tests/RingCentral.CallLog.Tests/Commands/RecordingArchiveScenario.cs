using System.Management.Automation;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>
/// What the archive scenarios share: the simulator of their class fixture, a fresh folder per test
/// ($Dir in the runspace), the account's recordings sorted by id ($all, of which each test takes its
/// own slice), and the questions they ask of rows, hashes and the server.
/// </summary>
public abstract class RecordingArchiveScenario : IDisposable
{
    protected const string All = "$all = @(Get-RcCallLog -Account -DateFrom (Get-Date).AddDays(-6) -RecordingType All | Sort-Object RecordingId -Unique)\n";

    protected RecordingArchiveScenario(RecordingArchiveFixture fixture, string folderPrefix)
    {
        Sim = fixture.Module;
        Dir = Path.Combine(Path.GetTempPath(), folderPrefix + Guid.NewGuid().ToString("N"));
        Sim.Runspace.SessionStateProxy.SetVariable("Dir", Dir);
        Sim.Hook("faults", null, HttpMethod.Delete).Wait();
    }

    protected HostedModule Sim { get; }

    protected string Dir { get; }

    public void Dispose()
    {
        if (Directory.Exists(Dir))
        {
            Directory.Delete(Dir, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    protected static object? Prop(PSObject o, string name) => o.Properties[name]?.Value;

    protected static string Slice(int from, int count) => $"$all[{from}..{from + count - 1}]";

    protected static string Sha(byte[] bytes) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant();

    protected async Task<bool> ExistsOnServer(string recordingId)
    {
        var (output, errors, _) = Sim.InvokeConnected($"Get-RcRecording -RecordingId {recordingId}");
        Assert.True(output.Count + errors.Count == 1);
        return output.Count == 1;
    }
}
