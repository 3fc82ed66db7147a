using System;
using System.Text.RegularExpressions;

namespace RingCentral.CallLog.Client.Http;

/// <summary>
/// The one way a URL goes into text (verbose, debug, warning and error messages): scheme, host,
/// port and path, never the query string, fragment or user info. A signed recording URL
/// ("…/R2.mp3?sig=…" after a redirect) is a secret: whoever holds it reads the recording.
/// </summary>
internal static class UrlText
{
    // An absolute URL inside free text: what the network stack or a server put in a message.
    private static readonly Regex s_url = new(@"\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s'""<>`]+", RegexOptions.CultureInvariant);

    private static readonly char[] s_queryStart = { '?', '#' };

    /// <summary><paramref name="uri"/> without its query, fragment and user info.</summary>
    public static string Of(Uri? uri) =>
        uri is null ? string.Empty
        : uri.IsAbsoluteUri && !uri.IsFile ? uri.Scheme + "://" + uri.Authority + uri.AbsolutePath
        : Of(uri.OriginalString);

    /// <summary>A URL given as text, without its query, fragment and user info (also when it does not parse).</summary>
    public static string Of(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return string.Empty;
        }

        // Only text with a scheme is parsed: on Unix "/path?x" would parse as a file URI.
        if (url!.IndexOf("://", StringComparison.Ordinal) > 0 && Uri.TryCreate(url, UriKind.Absolute, out var uri) && !uri.IsFile)
        {
            return Of(uri);
        }

        var end = url.IndexOfAny(s_queryStart);
        return end < 0 ? url : url.Substring(0, end);
    }

    /// <summary>Free text with every absolute URL in it cut to <see cref="Of(string)"/>.</summary>
    public static string Scrub(string? text) =>
        string.IsNullOrEmpty(text) ? text ?? string.Empty : s_url.Replace(text, m => Of(m.Value));
}
