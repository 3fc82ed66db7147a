using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Export.Recordings;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Export.Recordings;

public sealed class RecordingClaimTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "rec-claim-" + Guid.NewGuid().ToString("N"));

    public RecordingClaimTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string BasePath => Path.Combine(_dir, "rec77");

    [Fact]
    public void A_claim_held_by_one_run_is_refused_to_another_until_it_ends_and_leaves_no_lock_file()
    {
        using (var first = ContentClaim.TryAcquire(BasePath))
        {
            Assert.NotNull(first);
            Assert.Null(ContentClaim.TryAcquire(BasePath));
            Assert.True(File.Exists(BasePath + ContentClaim.Suffix));
        }

        Assert.False(File.Exists(BasePath + ContentClaim.Suffix));
        using var second = ContentClaim.TryAcquire(BasePath);
        Assert.NotNull(second);
    }

    [Fact]
    public void A_lock_file_left_by_a_dead_run_is_taken_over()
    {
        // What kill -9 leaves: the file, without the lock (the OS dropped it with the process).
        File.WriteAllBytes(BasePath + ContentClaim.Suffix, []);
        using (var claim = ContentClaim.TryAcquire(BasePath))
        {
            Assert.NotNull(claim);
        }

        Assert.False(File.Exists(BasePath + ContentClaim.Suffix));
    }

    [Fact]
    public async Task A_waiting_run_gets_the_claim_when_the_other_ends()
    {
        var first = ContentClaim.TryAcquire(BasePath)!;
        var waited = false;
        var second = ContentClaim.AcquireAsync(BasePath, () => waited = true, CancellationToken.None);
        await Task.Delay(300);
        Assert.False(second.IsCompleted);
        Assert.True(waited);
        first.Dispose();
        using var claim = await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(claim);
    }

    [Fact]
    public void A_lock_file_that_is_a_symbolic_link_is_refused()
    {
        var victim = Path.Combine(Path.GetTempPath(), "rec-claim-victim-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(victim, "victim");
        try
        {
            File.CreateSymbolicLink(BasePath + ContentClaim.Suffix, victim);
            var ex = Assert.Throws<ContentFileException>(() => ContentClaim.TryAcquire(BasePath));
            Assert.Contains("symbolic link", ex.Message, StringComparison.Ordinal);
            Assert.Equal("victim", File.ReadAllText(victim));
        }
        finally
        {
            File.Delete(victim);
        }
    }
}
