using System.Reflection;
using CsCheck;
using RingCentral.CallLog.Tests.Json.Schema;
using Xunit;

namespace RingCentral.CallLog.Tests.Json;

/// <summary>
/// The generated test data is what the property tests claim it is: every property the published
/// schema defines, at every level, absent, null and present; ids as JSON numbers; enumeration values
/// the spec does not list; unknown members in every open object; escapes, non-ASCII and long text.
/// And the model of expected values covers every public property of the output types.
/// </summary>
public class SchemaGeneratorTests
{
    private static readonly CallLogRecordGenerator s_generator = new(PublishedSchema.Default);

    [Theory]
    [InlineData("Simple")]
    [InlineData("Detailed")]
    public void Generated_records_cover_every_schema_property_in_every_form(string view)
    {
        var records = s_generator.Record(view).Array[600].Generate(new PCG(1, 20261201), null!, out _);
        var seen = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            SchemaCoverage.Observe(record, view, seen);
        }

        var (properties, objects) = SchemaCoverage.Paths(view);
        var gaps = new List<string>();
        foreach (var (path, property) in properties)
        {
            var tags = seen.GetValueOrDefault(path) ?? [];
            var wanted = new List<string> { SchemaCoverage.Value };
            if (!property.Required)
            {
                wanted.AddRange([SchemaCoverage.Absent, SchemaCoverage.Null]);
            }

            if (property.Shape.Kind == SchemaKind.String && (property.Name == "id" || property.Name.EndsWith("Id", StringComparison.Ordinal)))
            {
                wanted.Add(SchemaCoverage.Number);
            }

            if (property.Shape.Enum.Count > 0)
            {
                wanted.Add(SchemaCoverage.Unlisted);
            }

            if (property.Shape.Kind == SchemaKind.String)
            {
                wanted.Add(SchemaCoverage.Escaped);
            }

            gaps.AddRange(wanted.Where(t => !tags.Contains(t)).Select(t => $"{path}: never {t}"));
        }

        gaps.AddRange(objects.Where(o => !(seen.GetValueOrDefault(SchemaCoverage.Object(o))?.Contains(SchemaCoverage.UnknownMembers) ?? false)).Select(o => $"{SchemaCoverage.Object(o)}: never has unknown members"));
        Assert.True(gaps.Count == 0, string.Join("\n", gaps));

        // Free text goes out non-ASCII and, now and then, thousands of characters long.
        Assert.Contains(SchemaCoverage.NonAscii, seen["from.name"]);
        Assert.Contains(seen, kv => kv.Value.Contains(SchemaCoverage.Long));
    }

    [Fact]
    public void The_schema_gives_the_record_shapes_the_issue_names()
    {
        var record = PublishedSchema.Default.Component("CallLogRecord");
        var leg = PublishedSchema.Default.Component("CallLogRecordLegInfo");
        Assert.Equal(33, record.Properties.Count);
        Assert.Equal(29, leg.Properties.Count);
        var from = record.Property("from").Shape;
        var to = record.Property("to").Shape;
        Assert.Equal(8, from.Properties.Select(p => p.Name).Union(to.Properties.Select(p => p.Name)).Count());
        Assert.Contains(from.Properties, p => p.Name == "dialerPhoneNumber");
        Assert.Contains(to.Properties, p => p.Name == "dialedPhoneNumber");
        Assert.Equal(["id", "uri"], from.Property("device").Shape.Properties.Select(p => p.Name));
        Assert.Equal(["billing", "lastModifiedTime", "legs"], record.Properties.Where(p => p.DetailedOnly).Select(p => p.Name).Order());
        Assert.False(PublishedSchema.Default.Component("PageNavigationModel").AllowsExtraProperties);
    }

    [Fact]
    public void The_model_of_expected_values_covers_every_public_property_of_the_output_types()
    {
        var record = s_generator.Record("Detailed").Generate(new PCG(1, 7), null!, out _);
        var recordRules = ContractExpectations.ForRecord(record).Keys.Union(ContractExpectations.Derived);
        Assert.Equal(PublicProperties(typeof(CallLogRecord)), recordRules.Order());

        var legRules = ContractExpectations.ForLeg(record, "1").Keys.Union(ContractExpectations.Derived.Where(d => d != "Legs"));
        Assert.Equal(PublicProperties(typeof(CallLogLeg)), legRules.Order());
    }

    private static IEnumerable<string> PublicProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order();
}
