using System.Reflection;
using System.Runtime.CompilerServices;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Architecture;

/// <summary>
/// ARCHITECTURE.md's table of parts, checked against the built assembly: every reference from a
/// type of one part to a type of another must be one the "May use" column allows. The document is
/// the only list; this test reads it.
/// </summary>
public class LayerRulesTests
{
    private static readonly Assembly s_module = typeof(CallLogRecord).Assembly;

    private static LayerTable Table => LayerTable.Read(Path.Combine(Fixtures.RepoRoot, "ARCHITECTURE.md"));

    [Fact]
    public void Every_namespace_of_the_module_is_a_row_of_the_table()
    {
        var table = Table;
        var orphans = OwnTypes().Where(type => table.RuleFor(type.Namespace) is null)
            .Select(type => $"{type.FullName} (namespace {type.Namespace})").ToList();

        Assert.True(orphans.Count == 0, "These types are in no part of ARCHITECTURE.md's table; add a row for their folder or move them:\n" + string.Join("\n", orphans));
    }

    [Fact]
    public void No_type_uses_a_part_that_its_row_does_not_allow()
    {
        var violations = Violations(Table, TypeReferences.Of(s_module));

        Assert.True(violations.Count == 0, $"{violations.Count} references that ARCHITECTURE.md's table does not allow (from → to):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Client_uses_nothing_of_PowerShell()
    {
        var smaAssembly = typeof(System.Management.Automation.PSObject).Assembly.GetName().Name;
        var uses = TypeReferences.Of(s_module)
            .Where(pair => IsInClient(pair.From) && pair.To.Assembly.GetName().Name == smaAssembly)
            .Select(pair => $"{pair.From.FullName} → {pair.To.FullName}")
            .Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(uses.Count == 0, "Client/ knows nothing of PowerShell, yet:\n" + string.Join("\n", uses));
    }

    [Fact]
    public void A_forbidden_reference_is_reported_with_both_types()
    {
        // The check itself, on a made-up reference: Json/ may use only Models/, so a reader that names the HTTP core breaks the rule.
        var forbidden = new[] { (typeof(RingCentral.CallLog.Json.WireJson), typeof(RingCentral.CallLog.Client.Http.RcHttpCore)) };

        var violations = Violations(Table, forbidden);

        Assert.Equal(
            "RingCentral.CallLog.Json.WireJson → RingCentral.CallLog.Client.Http.RcHttpCore (`Json/` may use: `Models/`)",
            Assert.Single(violations));
    }

    /// <summary>Each disallowed (from, to) pair of the module's own types, worded for the failure message.</summary>
    private static List<string> Violations(LayerTable table, IEnumerable<(Type From, Type To)> references)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (rawFrom, rawTo) in references)
        {
            var from = TypeReferences.Owner(rawFrom);
            var to = TypeReferences.Owner(rawTo);
            if (!IsOwn(from) || !IsOwn(to))
            {
                continue;
            }

            var fromRule = table.RuleFor(from.Namespace);
            var toRule = table.RuleFor(to.Namespace);
            if (fromRule is null || toRule is null || fromRule.Allows(toRule))
            {
                continue; // a namespace without a row fails Every_namespace_of_the_module_is_a_row_of_the_table
            }

            var mayUse = fromRule.MayUse.Count == 0 ? "nothing" : string.Join(", ", fromRule.MayUse.Order(StringComparer.Ordinal).Select(part => $"`{part}`"));
            found.Add($"{from.FullName} → {to.FullName} (`{fromRule.Part}` may use: {mayUse})");
        }

        return found.ToList();
    }

    private static IEnumerable<Type> OwnTypes() => s_module.GetTypes().Where(type => type.DeclaringType is null && IsOwn(type));

    /// <summary>The module's own code: not the compiler's support types (nullable attributes, Polyfills/).</summary>
    private static bool IsOwn(Type type) =>
        type.Assembly == s_module
        && type.Namespace is { } ns
        && (ns == "RingCentral.CallLog" || ns.StartsWith("RingCentral.CallLog.", StringComparison.Ordinal))
        && !type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);

    private static bool IsInClient(Type type) =>
        type.Namespace is { } ns && (ns == "RingCentral.CallLog.Client" || ns.StartsWith("RingCentral.CallLog.Client.", StringComparison.Ordinal));
}
