using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using RingCentral.CallLog.Report;
using Xunit;

namespace RingCentral.CallLog.Tests.Report;

public class CallReportWriterTests
{
    private static readonly DateTimeOffset s_end = new(2026, 11, 30, 18, 0, 0, TimeSpan.Zero);
    [Fact]
    public void Values_from_the_server_are_escaped_everywhere_they_appear()
    {
        var hostile = ReportRecords.Call("id\"><script>alert(1)</script>", s_end, "Inbound", "Missed<b>", recordingId: "r'1");
        hostile.FromName = "<img src=x onerror=alert(2)>";
        hostile.ToName = "O'Brien & \"Sons\"";
        var recording = new LocalRecording("r'1", "/x/a.mp3", "rec/a\"b.mp3", "audio/mpeg");
        var report = new CallReportAggregator(TimeZoneInfo.Utc, 10, _ => recording);
        report.Add(hostile);
        var html = Render(report, "<Title> & 'more'");

        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html);
        Assert.Contains("O&#39;Brien &amp; &quot;Sons&quot;", html);
        Assert.Contains("data-call-id=\"id&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"", html);
        Assert.Contains("data-recording-id=\"r&#39;1\"", html);
        Assert.Contains("src=\"rec/a&quot;b.mp3\"", html);
        Assert.Contains("<title>&lt;Title&gt; &amp; &#39;more&#39;</title>", html);
        Assert.Contains("data-label=\"Missed&lt;b&gt;\"", html);
        Assert.Single(Regex.Matches(html, "<script>"));
    }

    [Fact]
    public void A_voicemail_gets_a_player_with_its_transcription_escaped_under_it_and_a_fax_a_link_to_its_document()
    {
        var voicemail = ReportRecords.Call("vm\"1", s_end, "Inbound", "Voicemail");
        voicemail.MessageId = "m'1";
        var fax = ReportRecords.Call("fax1", s_end, "Inbound", "Received");
        fax.MessageId = "m2";
        var messages = new Dictionary<string, LocalMessage>
        {
            ["m'1"] = new("m'1", new LocalMessageFile("a1", "/x/vm.mp3", "messages/vm\"1.mp3", "audio/mpeg"), "Hi, it's \"Eve\" <script>alert(1)</script> & <img src=x onerror=alert(2)>\nbye", Array.Empty<LocalMessageFile>()),
            ["m2"] = new("m2", null, null, new[] { new LocalMessageFile("d1", "/x/fax.pdf", "file:///srv/fax%20in/f'1.pdf", "application/pdf") }),
        };
        var report = new CallReportAggregator(TimeZoneInfo.Utc, 10, _ => null, call => call.MessageId is { } id && messages.TryGetValue(id, out var m) ? m : null);
        report.Add(voicemail);
        report.Add(fax);
        report.Add(ReportRecords.Call("plain", s_end));
        var html = Render(report, "Calls");

        Assert.Single(Regex.Matches(html, "<script>"));
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("<audio controls preload=\"none\" data-voicemail-id=\"m&#39;1\"><source src=\"messages/vm&quot;1.mp3\" type=\"audio/mpeg\"></audio>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"transcription\" data-transcription-id=\"m&#39;1\">Hi, it&#39;s &quot;Eve&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;\nbye</p>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"document\" target=\"_blank\" rel=\"noopener\" data-fax-id=\"m2\" href=\"file:///srv/fax%20in/f&#39;1.pdf\" type=\"application/pdf\">Fax document</a>", html, StringComparison.Ordinal);
        Assert.Equal(2, report.MessagesShown);
        Assert.Equal(2, Regex.Count(html, "<div class=\"message\""));
    }

    [Fact]
    public void Looks_for_messages_only_for_the_rows_the_table_shows()
    {
        var asked = new List<string>();
        var report = new CallReportAggregator(TimeZoneInfo.Utc, 2, _ => null, call => { asked.Add(call.Id); return null; });
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            report.Add(ReportRecords.Call(id, s_end));
        }

        Assert.Equal(new[] { "a", "b" }, asked);
    }

    [Fact]
    public void Never_writes_a_content_uri_a_token_or_the_server_address()
    {
        var records = ReportRecords.Random(300, 3, s_end).ToList();
        foreach (var r in records.Where(r => r.RecordingId is not null))
        {
            r.RecordingContentUri = "https://media.example.invalid/restapi/v1.0/account/400700/recording/" + r.RecordingId + "/content?access_token=SECRET-TOKEN";
        }

        var html = Render(CallReportAggregatorTests.Aggregate(records, TimeZoneInfo.Utc, 5000), "Calls");
        Assert.DoesNotContain("media.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-TOKEN", html, StringComparison.Ordinal);
        Assert.DoesNotContain("platform.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("contentUri", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<audio", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_are_well_formed_svg_with_a_data_label_and_value_on_every_mark()
    {
        var html = Render(CallReportAggregatorTests.Aggregate(ReportRecords.Random(2000, 5, s_end), TimeZoneInfo.Utc, 100), "Calls");
        var charts = Regex.Matches(html, "<svg .*?</svg>", RegexOptions.Singleline).Select(m => XElement.Parse(m.Value)).ToList();
        XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.Equal(new[] { "calls-per-day", "hour-by-weekday", "missed-by-extension", "results", "duration-histogram" }, charts.Select(c => (string?)c.Attribute("data-chart")));
        foreach (var chart in charts)
        {
            var marks = chart.Descendants(svg + "rect").Where(r => ((string?)r.Attribute("class"))?.StartsWith("mark", StringComparison.Ordinal) == true).ToList();
            Assert.NotEmpty(marks);
            Assert.All(marks, m =>
            {
                Assert.False(string.IsNullOrEmpty((string?)m.Attribute("data-label")));
                Assert.True(long.TryParse((string?)m.Attribute("data-value"), out _));
            });
        }

        Assert.Equal(168, charts[1].Descendants(svg + "rect").Count(r => (string?)r.Attribute("class") == "mark cell"));
        Assert.Equal(7, charts[4].Descendants(svg + "rect").Count(r => ((string?)r.Attribute("class"))!.StartsWith("mark", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_content_security_policy_allows_exactly_the_inline_style_and_script()
    {
        var html = Render(CallReportAggregatorTests.Aggregate(ReportRecords.Random(10, 1, s_end), TimeZoneInfo.Utc, 10), "Calls");
        var policy = System.Net.WebUtility.HtmlDecode(Regex.Match(html, "http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\"").Groups[1].Value);
        var script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        var style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        Assert.StartsWith("default-src 'none';", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'sha256-" + Hash(script) + "'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'sha256-" + Hash(style) + "'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    internal static string Render(CallReportAggregator report, string title)
    {
        using var writer = new StringWriter();
        CallReportWriter.Write(writer, report, new CallReportHeader(title, s_end, "1.2.3", null));
        return writer.ToString();
    }

    private static string Hash(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
