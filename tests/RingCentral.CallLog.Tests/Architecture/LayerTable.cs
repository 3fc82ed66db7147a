using System.Text.RegularExpressions;

namespace RingCentral.CallLog.Tests.Architecture;

/// <summary>
/// The table of parts in ARCHITECTURE.md, read as rules: each row's part (its folder; its namespace
/// follows the folder unless the cell says "(namespace `X`)") may use the parts named in its
/// "May use" cell. A part is any backticked name ending in '/'; other words there are the reasons.
/// </summary>
internal sealed partial class LayerTable
{
    private const string RootNamespace = "RingCentral.CallLog";

    private LayerTable(IReadOnlyList<LayerRule> rules) => Rules = rules;

    public IReadOnlyList<LayerRule> Rules { get; }

    public static LayerTable Read(string markdownPath)
    {
        var lines = File.ReadAllLines(markdownPath);
        var header = Array.FindIndex(lines, line => line.StartsWith('|') && line.Contains("| May use |", StringComparison.Ordinal));
        if (header < 0)
        {
            throw new InvalidOperationException($"{markdownPath} has no table with a 'May use' column.");
        }

        var rows = lines.Skip(header + 2).TakeWhile(line => line.StartsWith('|')).ToList();
        var parsed = rows.Select(row => row.Split('|')).Select(cells => (Part: cells[1], MayUse: cells[^2])).ToList();
        var rules = new List<LayerRule>();
        foreach (var (partCell, mayUseCell) in parsed)
        {
            var part = PartNames(partCell).Single();
            var ns = NamespaceOverride().Match(partCell) is { Success: true } named
                ? named.Groups[1].Value
                : RootNamespace + "." + part.TrimEnd('/').Replace('/', '.');
            rules.Add(new LayerRule(part, ns, PartNames(mayUseCell).ToHashSet(StringComparer.Ordinal)));
        }

        var known = rules.Select(rule => rule.Part).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            foreach (var unknown in rule.MayUse.Where(name => !known.Contains(name)))
            {
                throw new InvalidOperationException($"ARCHITECTURE.md: the row of `{rule.Part}` may use `{unknown}`, which is no row of the table (write each part as its row names it).");
            }
        }

        return new LayerTable(rules);
    }

    /// <summary>The rule of the part a namespace belongs to, or null when no row claims it.</summary>
    public LayerRule? RuleFor(string? ns) => Rules.SingleOrDefault(rule => string.Equals(rule.Namespace, ns, StringComparison.Ordinal));

    private static IEnumerable<string> PartNames(string cell) =>
        BacktickedName().Matches(cell).Select(match => match.Groups[1].Value).Where(name => name.EndsWith('/'));

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex BacktickedName();

    [GeneratedRegex(@"\(namespace `([^`]+)`")]
    private static partial Regex NamespaceOverride();
}

/// <summary>One row: a part (folder), its namespace, and the parts it may use.</summary>
internal sealed record LayerRule(string Part, string Namespace, IReadOnlySet<string> MayUse)
{
    public bool Allows(LayerRule other) => ReferenceEquals(this, other) || MayUse.Contains(other.Part);
}
