using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Export.Recordings;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Export.Recordings;

public class RecordingFileNamerTests
{
    private static readonly string s_dir = Path.Combine(Path.GetTempPath(), "namer-test");

    private static ContentNameValues Record(string recordingId = "401786818008") => new()
    {
        RecordingId = recordingId,
        CallLogId = "Abc123",
        StartTime = new DateTimeOffset(2026, 11, 1, 13, 45, 30, TimeSpan.FromHours(2)),
        Direction = "Inbound",
        FromPhoneNumber = "+16505550100",
        ToPhoneNumber = "+16505550199",
        SessionId = "5550001",
        ExtensionId = "1001",
        FromCallLogRecord = true,
    };

    private static string NameOf(string path) => Path.GetFileName(path);

    [Fact]
    public void Default_template_for_a_record_uses_utc_start_time_direction_and_recording_id()
    {
        var namer = new ContentFileNamer(s_dir, null, RecordingTarget.FileNaming);
        Assert.Equal("20261101-114530_Inbound_401786818008", NameOf(namer.ReserveBasePath(Record())));
    }

    [Fact]
    public void Default_template_for_an_id_alone_is_the_recording_id()
    {
        var namer = new ContentFileNamer(s_dir, null, RecordingTarget.FileNaming);
        Assert.Equal("42", NameOf(namer.ReserveBasePath(new ContentNameValues { RecordingId = "42" })));
    }

    [Fact]
    public void Every_token_renders()
    {
        var namer = new ContentFileNamer(s_dir, "{StartTime:yyyy-MM-dd}_{Direction}_{FromPhoneNumber}_{ToPhoneNumber}_{CallLogId}_{SessionId}_{ExtensionId}_{RecordingId}", RecordingTarget.FileNaming);
        Assert.Equal("2026-11-01_Inbound_+16505550100_+16505550199_Abc123_5550001_1001_401786818008", NameOf(namer.ReserveBasePath(Record())));
    }

    [Theory]
    [InlineData("{Nope}")]
    [InlineData("{RecordingId")]
    [InlineData("{Direction:yyyy}")]
    public void A_bad_template_is_refused_naming_FileNameTemplate(string template)
    {
        var ex = Assert.Throws<ArgumentException>(() => new ContentFileNamer(s_dir, template, RecordingTarget.FileNaming));
        Assert.Equal("FileNameTemplate", ex.ParamName);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\..\\Windows\\System32")]
    [InlineData("C:\\evil")]
    [InlineData("a/b\\c:d*e?f\"g<h>i|j")]
    [InlineData("..")]
    [InlineData("...")]
    [InlineData(" . ")]
    [InlineData("line\nbreak\ttab\0nul\u001b[31m")]
    [InlineData("\u202Egnp.exe")]
    public void Hostile_values_stay_a_single_safe_name_inside_the_directory(string hostile)
    {
        var namer = new ContentFileNamer(s_dir, "{Direction}_{FromPhoneNumber}", RecordingTarget.FileNaming);
        var values = Record();
        values.Direction = hostile;
        values.FromPhoneNumber = hostile;
        var path = namer.ReserveBasePath(values);
        AssertSafe(path);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("/abs")]
    [InlineData("a:b")]
    [InlineData("ctl\u0001")]
    public void A_hostile_recording_id_with_the_default_template_gives_a_safe_name(string id)
    {
        var namer = new ContentFileNamer(s_dir, null, RecordingTarget.FileNaming);
        AssertSafe(namer.ReserveBasePath(new ContentNameValues { RecordingId = id }));
        AssertSafe(new ContentFileNamer(s_dir, null, RecordingTarget.FileNaming).ReserveBasePath(Record(id)));
    }

    [Theory]
    [InlineData("CON")]
    [InlineData("nul")]
    [InlineData("COM1")]
    [InlineData("lpt9")]
    [InlineData("aux.txt")]
    public void Windows_device_names_are_prefixed(string name)
    {
        var namer = new ContentFileNamer(s_dir, "{Direction}", RecordingTarget.FileNaming);
        var values = Record();
        values.Direction = name;
        var file = NameOf(namer.ReserveBasePath(values));
        Assert.StartsWith("_", file, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_values_are_bounded()
    {
        var namer = new ContentFileNamer(s_dir, "{Direction}", RecordingTarget.FileNaming);
        var values = Record();
        values.Direction = new string('x', 1000);
        Assert.True(NameOf(namer.ReserveBasePath(values)).Length <= ContentFileNamer.MaxNameLength);
    }

    [Fact]
    public void Two_recordings_that_map_to_one_name_get_different_names()
    {
        var namer = new ContentFileNamer(s_dir, "{Direction}", RecordingTarget.FileNaming);
        var first = namer.ReserveBasePath(Record("111"));
        var second = namer.ReserveBasePath(Record("222"));
        var third = namer.ReserveBasePath(Record("222"));
        Assert.Equal("Inbound", NameOf(first));
        Assert.Equal("Inbound_222", NameOf(second));
        Assert.Equal(3, new[] { first, second, third }.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Names_differing_only_in_case_count_as_the_same()
    {
        var namer = new ContentFileNamer(s_dir, "{Direction}", RecordingTarget.FileNaming);
        var a = Record("1");
        a.Direction = "Inbound";
        var b = Record("2");
        b.Direction = "INBOUND";
        Assert.NotEqual(namer.ReserveBasePath(a), namer.ReserveBasePath(b), StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("audio/mpeg", ".mp3")]
    [InlineData("audio/wav", ".wav")]
    [InlineData("audio/x-wav", ".wav")]
    [InlineData("AUDIO/X-WAV; charset=binary", ".wav")]
    [InlineData("application/octet-stream", ".bin")]
    [InlineData(null, ".bin")]
    public void Extension_comes_from_the_content_type(string? contentType, string extension) =>
        Assert.Equal(extension, ContentFileNamer.ExtensionFor(contentType));

    private static void AssertSafe(string path)
    {
        var dir = Path.GetFullPath(s_dir);
        var name = Path.GetFileName(path);
        Assert.Equal(dir, Path.GetDirectoryName(Path.GetFullPath(path)));
        Assert.False(string.IsNullOrWhiteSpace(name));
        Assert.DoesNotContain("..", name, StringComparison.Ordinal);
        Assert.DoesNotContain(name, c => c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.IsControl(c) || c == '\u202E');
        Assert.False(name.StartsWith('.') || name.EndsWith('.') || name.StartsWith(' ') || name.EndsWith(' '), name);
        Assert.True(name.Length <= ContentFileNamer.MaxNameLength);
    }

    [Fact]
    public void A_name_cut_to_the_bound_keeps_the_recording_id_suffix_whole()
    {
        var namer = new ContentFileNamer(s_dir, new string('x', 200) + "{RecordingId}", RecordingTarget.FileNaming);
        var first = NameOf(namer.ReserveBasePath(Record("401786818008")));
        var second = NameOf(namer.ReserveBasePath(Record("401786818009")));
        Assert.Equal(new string('x', ContentFileNamer.MaxNameLength), first);
        Assert.EndsWith("_401786818009", second, StringComparison.Ordinal);
        Assert.Equal(ContentFileNamer.MaxNameLength, second.Length);
    }

    [Fact]
    public void A_candidate_turned_down_is_passed_over_and_not_reserved()
    {
        var namer = new ContentFileNamer(s_dir, "{Direction}", RecordingTarget.FileNaming);
        var seen = new List<string>();
        var path = namer.ReserveBasePath(Record("222"), candidate =>
        {
            seen.Add(NameOf(candidate));
            return seen.Count > 1;
        });
        Assert.Equal(new[] { "Inbound", "Inbound_222" }, seen);
        Assert.Equal("Inbound_222", NameOf(path));
        Assert.Equal("Inbound", NameOf(namer.ReserveBasePath(Record("333"))));
    }
}
