using RingCentral.CallLog.Report;
using Xunit;

namespace RingCentral.CallLog.Tests.Report;

public class HtmlTextTests
{
    [Theory]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("<script>", "&lt;script&gt;")]
    [InlineData("say \"hi\"", "say &quot;hi&quot;")]
    [InlineData("O'Brien", "O&#39;Brien")]
    [InlineData("line\nnext\ttab", "line\nnext\ttab")]
    [InlineData("bell\u0007", "bell&#xFFFD;")]
    [InlineData("Müller +1 (650)", "Müller +1 (650)")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Escapes_what_html_gives_meaning_to(string? text, string expected) =>
        Assert.Equal(expected, HtmlText.Escape(text));

    [Fact]
    public void Numbers_are_invariant_and_ungrouped()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("0.123457", HtmlText.Number(0.1234567));
            Assert.Equal("1234567", HtmlText.Number(1234567L));
            Assert.Equal("3", HtmlText.Number(3.0));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}
