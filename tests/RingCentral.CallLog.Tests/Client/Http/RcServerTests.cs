using RingCentral.CallLog.Client.Http;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Http;

public class RcServerTests
{
    [Theory]
    [InlineData(null, "https://platform.ringcentral.com")]
    [InlineData("Production", "https://platform.ringcentral.com")]
    [InlineData("sandbox", "https://platform.devtest.ringcentral.com")]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000")]
    [InlineData("http://localhost:5000", "http://localhost:5000")]
    [InlineData("http://[::1]:8080", "http://[::1]:8080")]
    [InlineData("https://rc.example.org/some/path", "https://rc.example.org")]
    public void Servers_parse(string? value, string expected) => Assert.Equal(expected, RcServer.Parse(value).ToString());

    [Theory]
    [InlineData("http://rc.example.org")]
    [InlineData("http://10.0.0.1:5000")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("not a uri")]
    public void Plain_http_only_for_loopback(string value) => Assert.Throws<ArgumentException>(() => RcServer.Parse(value));

    [Fact]
    public void Sandbox_is_flagged_as_deprecated() => Assert.True(RcServer.Parse("Sandbox").IsDeprecatedSandbox);

    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:6001/restapi/v1.0/account/1/recording/2/content", true)]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.2:5000/content", false)]
    [InlineData("http://127.0.0.1:5000", "http://localhost:5000/content", false)]
    [InlineData("https://platform.ringcentral.com", "https://media.ringcentral.com:443/restapi/v1.0/x", true)]
    [InlineData("https://platform.ringcentral.com", "http://media.ringcentral.com/restapi/v1.0/x", false)]
    [InlineData("https://platform.ringcentral.com", "https://ringcentral.com.evil.example/x", false)]
    [InlineData("https://platform.ringcentral.com", "https://evilringcentral.com/x", false)]
    [InlineData("https://rc.example.org", "https://rc.example.org:8443/x", true)]
    [InlineData("https://rc.example.org", "http://rc.example.org/x", false)]
    public void Token_goes_only_to_the_same_host_or_RingCentral_over_https(string server, string target, bool allowed) =>
        Assert.Equal(allowed, RcServer.Parse(server).MayReceiveToken(new Uri(target)));
}
