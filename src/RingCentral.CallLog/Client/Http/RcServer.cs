using System;
using System.Net;

namespace RingCentral.CallLog.Client.Http;

/// <summary>
/// The platform a connection talks to, and the one rule for where its bearer token may go.
/// </summary>
internal sealed class RcServer
{
    internal static readonly Uri ProductionUri = new("https://platform.ringcentral.com");
    internal static readonly Uri SandboxUri = new("https://platform.devtest.ringcentral.com");

    private RcServer(Uri baseUri, bool isDeprecatedSandbox)
    {
        BaseUri = baseUri;
        IsDeprecatedSandbox = isDeprecatedSandbox;
    }

    /// <summary>Base URI without a trailing slash, e.g. https://platform.ringcentral.com.</summary>
    public Uri BaseUri { get; }

    public bool IsDeprecatedSandbox { get; }

    /// <summary>
    /// Reads "Production", "Sandbox" or an absolute URI. Plain http is accepted only for loopback
    /// hosts, so a token never crosses a network unencrypted.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not a usable server.</exception>
    public static RcServer Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || string.Equals(value, "Production", StringComparison.OrdinalIgnoreCase))
        {
            return new RcServer(ProductionUri, false);
        }

        if (string.Equals(value, "Sandbox", StringComparison.OrdinalIgnoreCase))
        {
            return new RcServer(SandboxUri, true);
        }

        if (!Uri.TryCreate(value!.Trim(), UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"'{value}' is not Production, Sandbox or an absolute http(s) URI.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopbackHost(uri.Host))
        {
            throw new ArgumentException($"'{value}' uses plain http; only loopback hosts (127.0.0.0/8, ::1, localhost) may use http. Use https.");
        }

        var baseUri = new Uri(uri.GetLeftPart(UriPartial.Authority));
        return new RcServer(baseUri, string.Equals(uri.Host, SandboxUri.Host, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// True when the bearer token may be sent to <paramref name="target"/>: exactly this server's
    /// host name (any port; https unless loopback), or *.ringcentral.com over https.
    /// </summary>
    public bool MayReceiveToken(Uri target)
    {
        if (!target.IsAbsoluteUri)
        {
            return false;
        }

        var secure = target.Scheme == Uri.UriSchemeHttps;
        if (string.Equals(target.Host, BaseUri.Host, StringComparison.OrdinalIgnoreCase))
        {
            return secure || (target.Scheme == Uri.UriSchemeHttp && IsLoopbackHost(target.Host));
        }

        return secure && target.Host.EndsWith(".ringcentral.com", StringComparison.OrdinalIgnoreCase);
    }

    public Uri Resolve(string pathAndQuery) => new(BaseUri, pathAndQuery);

    public override string ToString() => BaseUri.GetLeftPart(UriPartial.Authority);

    internal static bool IsLoopbackHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var bare = host.TrimStart('[').TrimEnd(']');
        return IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address);
    }
}
