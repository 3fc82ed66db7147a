using System.Globalization;
using System.Reflection;
using System.Text;
using Xunit;

namespace RingCentral.CallLog.Tests.Json.Schema;

/// <summary>Compares what a reader produced with <see cref="ContractExpectations"/>, every contract property of every record and leg.</summary>
internal static class ContractAssert
{
    /// <summary>Every property that differs, as "Name: expected X, got Y" (legs as "legs[i].Name").</summary>
    public static List<string> Differences(CallLogRecord actual, WireObject sent)
    {
        var differences = Compare(actual, ContractExpectations.ForRecord(sent), string.Empty);
        var legs = ContractExpectations.Legs(sent);
        for (var i = 0; i < Math.Min(legs.Count, actual.Legs.Count); i++)
        {
            differences.AddRange(Compare(actual.Legs[i], ContractExpectations.ForLeg(legs[i], actual.Id), $"legs[{i}]."));
        }

        return differences;
    }

    /// <summary>Fails, naming the first record that differs, what differs, and the record's JSON.</summary>
    public static void RecordsMatch(IReadOnlyList<WireObject> sent, IReadOnlyList<string> sentTexts, IReadOnlyList<CallLogRecord> actual, string what)
    {
        Assert.True(sent.Count == actual.Count, $"{what}: {actual.Count} record(s) came out of {sent.Count} sent.");
        for (var i = 0; i < sent.Count; i++)
        {
            var differences = Differences(actual[i], sent[i]);
            if (differences.Count > 0)
            {
                Assert.Fail($"{what}: record {i} of {sent.Count} differs:\n  {string.Join("\n  ", differences)}\nas sent: {sentTexts[i]}");
            }
        }
    }

    /// <summary>Fails unless every raw text is the record's JSON exactly as it was sent.</summary>
    public static void RawTextsMatch(IReadOnlyList<string> sentTexts, IReadOnlyList<string?> rawTexts, string what)
    {
        Assert.True(sentTexts.Count == rawTexts.Count, $"{what}: {rawTexts.Count} raw record(s) came out of {sentTexts.Count} sent.");
        for (var i = 0; i < sentTexts.Count; i++)
        {
            if (!string.Equals(sentTexts[i], rawTexts[i], StringComparison.Ordinal))
            {
                Assert.Fail($"{what}: the raw text of record {i} differs from what was sent.\nsent: {sentTexts[i]}\ngot:  {rawTexts[i]}");
            }
        }
    }

    private static List<string> Compare(object actual, Dictionary<string, object?> expected, string prefix)
    {
        var differences = new List<string>();
        foreach (var (name, want) in expected)
        {
            var property = actual.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{actual.GetType().Name} has no property {name}.");
            var got = property.GetValue(actual);
            if (!Same(want, got))
            {
                differences.Add($"{prefix}{name}: expected {Show(want)}, got {Show(got)}");
            }
        }

        return differences;
    }

    // Times must be the same instant and in UTC (the contract), not merely equal instants.
    private static bool Same(object? want, object? got) => want is DateTimeOffset w && got is DateTimeOffset g
        ? w.UtcTicks == g.UtcTicks && g.Offset == TimeSpan.Zero
        : Equals(want, got);

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => "\"" + Escape(s) + "\"",
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?",
    };

    private static string Escape(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Length > 200 ? s[..200] + "..." : s)
        {
            sb.Append(c < ' ' || c > '~' ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString());
        }

        return sb.ToString();
    }
}
