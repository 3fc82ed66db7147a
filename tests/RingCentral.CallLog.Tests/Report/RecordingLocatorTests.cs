using RingCentral.CallLog.Report;
using Xunit;

namespace RingCentral.CallLog.Tests.Report;

public sealed class RecordingLocatorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rc-locator-" + Guid.NewGuid().ToString("N"));

    public RecordingLocatorTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "recordings", "2026-11-30"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Finds_files_by_sidecar_and_by_the_recording_id_in_the_name_in_subfolders()
    {
        var byName = Touch("recordings/2026-11-30/20261130-101500_Inbound_1680117004.mp3");
        var byId = Touch("recordings/1680118004.wav");
        var bySidecar = Touch("recordings/morning call.wav");
        File.WriteAllText(bySidecar + ".json", "{\"recordingId\":\"1680119004\",\"callLogId\":\"abc\",\"sha256\":\"00\"}");
        var numericSidecar = Touch("recordings/other.mp3");
        File.WriteAllText(numericSidecar + ".json", "{\"RecordingId\": 1680120004}");
        Touch("recordings/1680121004.bin");
        Touch("recordings/1680122004.txt");

        var locator = new RecordingLocator(_root);
        locator.AddFolder(Path.Combine(_root, "recordings"));

        Assert.Equal(byName, locator.Find("1680117004")!.FullPath);
        Assert.Equal("recordings/2026-11-30/20261130-101500_Inbound_1680117004.mp3", locator.Find("1680117004")!.Source);
        Assert.Equal("audio/mpeg", locator.Find("1680117004")!.ContentType);
        Assert.Equal(byId, locator.Find("1680118004")!.FullPath);
        Assert.Equal("audio/wav", locator.Find("1680118004")!.ContentType);
        Assert.Equal("recordings/morning%20call.wav", locator.Find("1680119004")!.Source);
        Assert.Equal(numericSidecar, locator.Find("1680120004")!.FullPath);
        Assert.Null(locator.Find("1680121004"));
        Assert.Null(locator.Find("1680122004"));
        Assert.Null(locator.Find("morning"));
    }

    [Fact]
    public void A_sidecar_wins_over_a_name_and_a_manifest_row_over_both()
    {
        var named = Touch("recordings/x_1680117004.mp3");
        var sidecar = Touch("recordings/y.mp3");
        File.WriteAllText(sidecar + ".json", "{\"recordingId\":\"1680117004\"}");
        var locator = new RecordingLocator(_root);
        locator.AddFolder(Path.Combine(_root, "recordings"));
        Assert.Equal(sidecar, locator.Find("1680117004")!.FullPath);

        var manifest = new RecordingLocator(_root);
        Assert.True(manifest.AddFile("1680117004", named, "audio/mpeg"));
        manifest.AddFolder(Path.Combine(_root, "recordings"));
        Assert.Equal(named, manifest.Find("1680117004")!.FullPath);
    }

    [Fact]
    public void Manifest_rows_need_an_audio_file_on_disk()
    {
        var locator = new RecordingLocator(_root);
        Assert.False(locator.AddFile("1", Path.Combine(_root, "missing.mp3"), "audio/mpeg"));
        Assert.False(locator.AddFile("2", Touch("recordings/2.bin"), "application/octet-stream"));
        Assert.True(locator.AddFile("3", Touch("recordings/3.bin"), "audio/x-wav"));
        Assert.Equal("audio/wav", locator.Find("3")!.ContentType);
        Assert.Null(locator.Find("1"));
    }

    [Fact]
    public void A_broken_sidecar_falls_back_to_the_name()
    {
        var file = Touch("recordings/a_1680117004.mp3");
        File.WriteAllText(file + ".json", "{ not json");
        var locator = new RecordingLocator(_root);
        locator.AddFolder(Path.Combine(_root, "recordings"));
        Assert.Equal(file, locator.Find("1680117004")!.FullPath);
    }

    [Fact]
    public void Links_are_relative_under_the_report_folder_and_file_uris_elsewhere_with_every_segment_encoded()
    {
        var report = Path.Combine(_root, "report");
        Assert.Equal("sub/a%23b%20c%3F.mp3", LocalFileLink.For(report, Path.Combine(report, "sub", "a#b c?.mp3")));
        var outside = Path.Combine(_root, "reportx", "a#1.mp3");
        var link = LocalFileLink.For(report, outside);
        Assert.StartsWith("file:///", link, StringComparison.Ordinal);
        Assert.EndsWith("/reportx/a%231.mp3", link, StringComparison.Ordinal);
        Assert.Equal(new Uri(Path.Combine(_root, "reportx", "a1.mp3")).AbsoluteUri, LocalFileLink.For(report, Path.Combine(_root, "reportx", "a1.mp3")));
    }

    [Theory]
    [InlineData(@"C:\Rec\2026 11\a#1.wav", "file:///C:/Rec/2026%2011/a%231.wav")]
    [InlineData(@"\\fileserver\share\rec\a.mp3", "file://fileserver/share/rec/a.mp3")]
    [InlineData("/srv/rec/a b.mp3", "file:///srv/rec/a%20b.mp3")]
    public void File_uris_for_drive_unc_and_unix_paths(string path, string expected) =>
        Assert.Equal(expected, LocalFileLink.FileUri(path));

    [Fact]
    public void An_unknown_time_zone_is_refused_naming_the_parameter()
    {
        var error = Assert.Throws<ArgumentException>(() => ReportTimeZone.Resolve("Mars/Olympus_Mons"));
        Assert.Equal("TimeZone", error.ParamName);
        Assert.Contains("-TimeZone 'Mars/Olympus_Mons'", error.Message, StringComparison.Ordinal);
        Assert.Same(TimeZoneInfo.Utc, ReportTimeZone.Resolve("UTC"));
        Assert.Same(TimeZoneInfo.Local, ReportTimeZone.Resolve(null));
        Assert.Equal(TimeSpan.FromHours(-5), ReportTimeZone.Resolve("America/New_York").GetUtcOffset(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    private string Touch(string relative)
    {
        var path = Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[] { 1, 2, 3 });
        return path;
    }
}
