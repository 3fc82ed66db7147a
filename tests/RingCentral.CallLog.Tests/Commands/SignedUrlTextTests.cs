using System.Management.Automation;
using RingCentral.CallLog.Tests.TestSupport;
using RingCentral.Simulator;
using Xunit;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>
/// A signed URL is a secret: whoever holds it reads the recording. No verbose, debug, warning or
/// error text may carry a URL's query string, however the URL got there (a redirect, a page link).
/// </summary>
public sealed class SignedUrlTextTests
{
    private const string Secret = "sig=S3CR3T-SIGNATURE";

    private static SimulatorOptions Small() => new() { Seed = 7, Extensions = 2, CallsPerDay = 30, Days = 3, RecordingBytes = 5_000, Heavy = "0/0", Light = "0/0", Auth = "0/0" };

    /// <summary>Every text the pipeline wrote to a person: debug, verbose, warning, errors with their details.</summary>
    private static string AllText(PowerShell ps) =>
        string.Join("\n", ps.Streams.Debug.Select(d => d.Message)
            .Concat(ps.Streams.Verbose.Select(v => v.Message))
            .Concat(ps.Streams.Warning.Select(w => w.Message))
            .Concat(ps.Streams.Error.SelectMany(e => new[] { e.ToString(), e.Exception.ToString(), e.ErrorDetails?.Message ?? string.Empty, e.ErrorDetails?.RecommendedAction ?? string.Empty })));

    [Fact]
    public async Task A_redirect_to_a_signed_URL_shows_in_debug_and_error_text_without_its_query()
    {
        await using var sim = await HostedModule.StartAsync(Small());
        var runspace = sim.NewRunspace();
        HostedModule.Invoke(runspace, "Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $AdminJwt -MaxRetryCount 0");
        var dir = Path.Combine(Path.GetTempPath(), "signed-" + Guid.NewGuid().ToString("N"));
        runspace.SessionStateProxy.SetVariable("Dir", dir);

        // Nothing listens on port 9 of 127.0.0.2: the redirected request fails, and its error names the address.
        await sim.HookAsync("faults", $$"""{"kind":"redirect","path":"/content","count":1,"location":"http://127.0.0.2:9/R2.mp3?{{Secret}}&Expires=1"}""");
        try
        {
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript("$DebugPreference = 'Continue'; $VerbosePreference = 'Continue'\n" +
                "Get-RcCallLog -Account -DateFrom (Get-Date).AddDays(-3) -RecordingType All -First 1 | Save-RcRecording -Path $Dir -PassThru");
            ps.Invoke();
            var text = AllText(ps);
            Assert.Contains("127.0.0.2", text, StringComparison.Ordinal); // the redirect is in the text ...
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal); // ... without its signature
            Assert.DoesNotContain("Expires=", text, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Page_requests_in_debug_text_show_no_query_string()
    {
        await using var sim = await HostedModule.StartAsync(Small());
        var runspace = sim.NewRunspace();
        HostedModule.Invoke(runspace, "Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $AdminJwt -MaxRetryCount 0");
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript("$DebugPreference = 'Continue'\nGet-RcCallLog -Account -DateFrom (Get-Date).AddDays(-3) -PageSize 5 -First 12 | Out-Null");
        ps.Invoke();
        Assert.Empty(ps.Streams.Error);
        var debug = ps.Streams.Debug.Select(d => d.Message).Where(m => m.Contains("/call-log", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(debug);
        Assert.All(debug, m => Assert.DoesNotContain("?", m, StringComparison.Ordinal));
    }
}
