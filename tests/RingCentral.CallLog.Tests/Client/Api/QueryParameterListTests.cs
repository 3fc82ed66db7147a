using System.Reflection;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Export.Checkpoints;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Api;

/// <summary>
/// The query string and the checkpoint's filter description come from one list of parameters
/// (CallLogQuery.Parameters): a filter added to the query is seen by both, or this test fails.
/// </summary>
public class QueryParameterListTests
{
    // Not filters: the window (a checkpoint sets it), how records are shown, and paging.
    private static readonly string[] NotFilters = { nameof(CallLogQuery.Scope), nameof(CallLogQuery.DateFrom), nameof(CallLogQuery.DateTo), nameof(CallLogQuery.View), nameof(CallLogQuery.PerPage) };

    public static TheoryData<string> FilterProperties()
    {
        var data = new TheoryData<string>();
        foreach (var property in typeof(CallLogQuery).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && !NotFilters.Contains(p.Name)))
        {
            data.Add(property.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FilterProperties))]
    public void Every_filter_reaches_the_query_string_and_the_checkpoint_filter(string name)
    {
        var property = typeof(CallLogQuery).GetProperty(name)!;
        var plain = new CallLogQuery();
        var filtered = new CallLogQuery();
        property.SetValue(filtered, SampleValue(property.PropertyType));

        Assert.NotEqual(plain.ToQueryString(), filtered.ToQueryString());
        Assert.NotEqual(CallLogCheckpoint.DescribeFilter(plain), CallLogCheckpoint.DescribeFilter(filtered));

        // Both name it the same way: the description's part is made of the query's parameter.
        var added = filtered.Parameters().Single(p => p.IsFilter && !plain.Parameters().Any(q => q.Name == p.Name));
        Assert.Contains("&" + added.Name + "=", filtered.ToQueryString().Replace("?", "&", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(added.Name + "=" + added.Value, CallLogCheckpoint.DescribeFilter(filtered), StringComparison.Ordinal);
    }

    [Fact]
    public void The_description_is_the_one_version_1_checkpoints_were_written_with()
    {
        // So a version 1 checkpoint of the same filters is accepted (and upgraded), not refused.
        var query = new CallLogQuery
        {
            Scope = CallLogScope.Account,
            Direction = new[] { "Outbound", "Inbound" },
            PhoneNumber = "+1 650 555-0100",
            RecordingType = "All",
            ShowDeleted = true,
        };
        Assert.Equal("scope=account;direction=Inbound,Outbound;phoneNumber=16505550100;recordingType=All;showDeleted=true", CallLogCheckpoint.DescribeFilter(query));
        Assert.Equal("scope=extension:~", CallLogCheckpoint.DescribeFilter(new CallLogQuery()));
    }

    [Fact]
    public void Window_view_and_paging_are_not_filters()
    {
        var query = new CallLogQuery { DateFrom = DateTimeOffset.UtcNow.AddDays(-1), DateTo = DateTimeOffset.UtcNow, View = "Detailed", PerPage = 10 };
        Assert.Equal(CallLogCheckpoint.DescribeFilter(new CallLogQuery()), CallLogCheckpoint.DescribeFilter(query));
    }

    private static object SampleValue(Type type) =>
        type == typeof(string) ? "12345"
        : type == typeof(IReadOnlyList<string>) ? new[] { "Inbound" }
        : type == typeof(bool) ? true
        : type == typeof(bool?) ? false
        : throw new InvalidOperationException($"Give {nameof(SampleValue)} a value for {type}: a new kind of filter.");
}
