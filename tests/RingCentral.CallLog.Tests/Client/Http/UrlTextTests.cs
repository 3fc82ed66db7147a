using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Http;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Http;

public class UrlTextTests
{
    [Theory]
    [InlineData("https://media.ringcentral.com/R2.mp3?sig=abc&Expires=1", "https://media.ringcentral.com/R2.mp3")]
    [InlineData("https://user:pass@cdn.example:8443/a/b#frag", "https://cdn.example:8443/a/b")]
    [InlineData("/restapi/v1.0/account/~/call-log?page=2", "/restapi/v1.0/account/~/call-log")]
    [InlineData("not a url?sig=1", "not a url")]
    public void A_URL_in_text_keeps_scheme_host_port_and_path_only(string url, string expected) =>
        Assert.Equal(expected, UrlText.Of(url));

    [Fact]
    public void Every_URL_inside_a_message_loses_its_query()
    {
        var text = UrlText.Scrub("GET https://a.example/x?sig=1 failed; redirected to 'http://b.example/R2.mp3?sig=2&t=3' (see https://c.example/ok).");
        Assert.Equal("GET https://a.example/x failed; redirected to 'http://b.example/R2.mp3' (see https://c.example/ok).", text);
    }

    [Fact]
    public void An_error_message_built_with_a_signed_URL_does_not_keep_the_signature()
    {
        var error = new RcApiException(RcErrorKind.ConnectionFailed, "GET https://media.example/R2.mp3?sig=secret failed.");
        Assert.DoesNotContain("sig=", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", error.Rephrase(RcErrorKind.ConnectionFailed, error.Message + " (https://x.example/?token=t)").Message, StringComparison.Ordinal);
    }
}
