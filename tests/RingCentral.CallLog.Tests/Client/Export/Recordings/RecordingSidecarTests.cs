using System.Text;
using System.Text.Json;
using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Export.Recordings;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Export.Recordings;

/// <summary>The sidecar is read by auditors: plain UTF-8 they can read, and JSON any reader takes back.</summary>
public sealed class RecordingSidecarTests : IDisposable
{
    private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sidecar-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Names_with_umlauts_numbers_with_plus_and_quotes_are_written_readable_and_read_back()
    {
        var path = Path.Combine(_dir, "R1.mp3.json");
        new ContentSidecar
        {
            RecordingId = "R1",
            Call = new ContentNameValues { RecordingId = "R1", FromName = "Erin Müller", FromPhoneNumber = "+13035550142", ToName = "Zoë \"Z\" <Ops> & Co\\Lab", ToPhoneNumber = "+4930901820" },
            Bytes = 3,
            Sha256 = new string('a', 64),
        }.Write(path);

        var text = File.ReadAllText(path, Encoding.UTF8);
        Assert.Contains("\"Erin Müller\"", text, StringComparison.Ordinal);
        Assert.Contains("\"+13035550142\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Zoë \\\"Z\\\" <Ops> & Co\\\\Lab\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);

        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        Assert.Equal("Zoë \"Z\" <Ops> & Co\\Lab", doc.RootElement.GetProperty("to").GetProperty("name").GetString());
        var back = ContentSidecar.TryRead(path)!;
        Assert.Equal("Erin Müller", back.Call!.FromName);
        Assert.Equal("+13035550142", back.Call.FromPhoneNumber);
    }

    [Fact]
    public void Control_characters_stay_escaped_so_the_file_stays_valid_JSON()
    {
        var path = Path.Combine(_dir, "R2.mp3.json");
        new ContentSidecar { RecordingId = "R2", Call = new ContentNameValues { RecordingId = "R2", FromName = "line\nbreak\u0007" } }.Write(path);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        Assert.Equal("line\nbreak\u0007", doc.RootElement.GetProperty("from").GetProperty("name").GetString());
    }
}
