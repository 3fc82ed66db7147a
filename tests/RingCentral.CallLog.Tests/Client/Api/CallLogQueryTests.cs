using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Commands;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Api;

public class CallLogQueryTests
{
    [Fact]
    public void Filters_go_out_as_the_spec_names_them()
    {
        var query = new CallLogQuery
        {
            Scope = CallLogScope.CurrentExtension,
            DateFrom = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(-5)),
            DateTo = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero),
            Direction = new[] { "Inbound", "Outbound" },
            Type = new[] { "Voice" },
            Transport = new[] { "PSTN" },
            View = "Detailed",
            PhoneNumber = "+1 (650) 555-0100",
            RecordingType = "All",
            ShowDeleted = true,
            ShowBlocked = false,
            PerPage = 250,
        };
        Assert.Equal(
            "?dateFrom=2026-11-01T05%3A00%3A00.000Z&dateTo=2026-11-02T00%3A00%3A00.000Z&direction=Inbound&direction=Outbound&type=Voice&transport=PSTN&view=Detailed&phoneNumber=16505550100&recordingType=All&showDeleted=true&showBlocked=false&perPage=250",
            query.ToQueryString());
        Assert.Equal("/restapi/v1.0/account/~/extension/~", query.Scope.BasePath);
        Assert.Equal("/restapi/v1.0/account/~", CallLogScope.Account.BasePath);
        Assert.Equal("/restapi/v1.0/account/~/extension/12345", CallLogScope.Extension("12345").BasePath);
    }

    [Fact]
    public void Active_calls_send_only_their_own_filters()
    {
        var query = new CallLogQuery { Direction = new[] { "Inbound" }, DateFrom = DateTimeOffset.UtcNow, PhoneNumber = "123", PerPage = 5 };
        Assert.Equal("?direction=Inbound&view=Simple&perPage=5", query.ToQueryString(activeCalls: true));
    }

    [Theory]
    [InlineData("DateFrom")]
    [InlineData("PhoneNumber")]
    [InlineData("Transport")]
    [InlineData("ExcludeBlocked")]
    [InlineData("PageSize")]
    public void Bad_combinations_are_refused_naming_the_parameter(string parameter)
    {
        var query = new CallLogQuery();
        switch (parameter)
        {
            case "DateFrom":
                query.DateFrom = DateTimeOffset.UtcNow;
                query.DateTo = DateTimeOffset.UtcNow.AddDays(-1);
                break;
            case "PhoneNumber":
                query.PhoneNumber = "16505550100";
                query.ExtensionNumber = "101";
                break;
            case "Transport":
                query.Scope = CallLogScope.Account;
                query.Transport = new[] { "VoIP" };
                break;
            case "ExcludeBlocked":
                query.Scope = CallLogScope.Account;
                query.ShowBlocked = false;
                break;
            case "PageSize":
                query.PerPage = 0;
                break;
        }

        var ex = Assert.Throws<ArgumentException>(() => CallLogQueryValidation.Validate(query));
        Assert.Equal(parameter, ex.ParamName);
        Assert.Contains("-" + parameter, ex.Message, StringComparison.Ordinal);
    }
}
