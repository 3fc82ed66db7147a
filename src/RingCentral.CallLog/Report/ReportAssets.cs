using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace RingCentral.CallLog.Report;

/// <summary>
/// The page's style sheet and script (embedded in the assembly, written inline so the page needs
/// no network) and their SHA-256 hashes for the page's Content-Security-Policy: only this script
/// and this style may run, even if a value from the server slipped past escaping.
/// </summary>
internal static class ReportAssets
{
    private static readonly Lazy<string> s_css = new(() => Load("report.css"));
    private static readonly Lazy<string> s_script = new(() => Load("report.js"));

    public static string Css => s_css.Value;

    public static string Script => s_script.Value;

    /// <summary>No fetch, frame, font, image or connection of any kind; media only from local files next to the page.</summary>
    public static string ContentSecurityPolicy =>
        "default-src 'none'; style-src '" + Hash(Css) + "'; script-src '" + Hash(Script) + "'; media-src 'self' file:; img-src data:; base-uri 'none'; form-action 'none'";

    private static string Hash(string text)
    {
        using var sha = SHA256.Create();
        return "sha256-" + Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
    }

    private static string Load(string name)
    {
        var assembly = typeof(ReportAssets).Assembly;
        using var stream = assembly.GetManifestResourceStream("RingCentral.CallLog.Report." + name)
            ?? throw new InvalidOperationException("The report asset " + name + " is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
