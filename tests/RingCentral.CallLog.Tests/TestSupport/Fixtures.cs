using System.Net;
using System.Net.Http;
using System.Text;

namespace RingCentral.CallLog.Tests.TestSupport;

/// <summary>The real RingCentral responses the repository carries (tests/data/ringcentral/fixtures).</summary>
internal static class Fixtures
{
    private static readonly Lazy<string> s_repoRoot = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RingCentral.CallLog.PS.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => s_repoRoot.Value;

    public static string Folder => Path.Combine(RepoRoot, "tests", "data", "ringcentral", "fixtures");

    /// <summary>RingCentral's published OpenAPI schema (extract) the repository carries.</summary>
    public static string OpenApiFile => Path.Combine(RepoRoot, "tests", "data", "ringcentral", "openapi", "ringcentral-calllog-openapi.json");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));

    public static IEnumerable<string> Names(string pattern) => Directory.GetFiles(Folder, pattern).Select(Path.GetFileName).Where(n => !n!.EndsWith(".source.txt", StringComparison.Ordinal)).Order().Cast<string>();

    /// <summary>Splits a raw .http fixture into status, headers and body.</summary>
    public static (int Status, Dictionary<string, string> Headers, string Body) ReadHttp(string name)
    {
        var text = Read(name);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var crlf and >= 0 ? (crlf, 4) : (text.IndexOf("\n\n", StringComparison.Ordinal), 2);
        var head = text[..split.Item1];
        var body = text[(split.Item1 + split.Item2)..];
        var lines = head.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return (status, headers, body);
    }

    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
