using System.Text.Json;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Json;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Json;

public class FixtureParsingTests
{
    public static TheoryData<string> ListFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var name in Fixtures.Names("*.json").Where(n => n.StartsWith("calllog-", StringComparison.Ordinal) || n.StartsWith("active-calls", StringComparison.Ordinal)))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ListFixtures))]
    public async Task Every_strict_json_list_fixture_parses(string name)
    {
        var text = Fixtures.Read(name);
        using var doc = JsonDocument.Parse(text);
        if (!doc.RootElement.TryGetProperty("records", out var records))
        {
            // A single record.
            var record = ModelMapper.ToRecord(JsonSerializer.Deserialize(text, WireJsonContext.Default.CallLogRecordDto)!);
            Assert.False(string.IsNullOrEmpty(record.Id));
            return;
        }

        var page = await CallLogApi.ReadPageAsync(Fixtures.Json(text), CancellationToken.None);
        Assert.Equal(records.GetArrayLength(), page.Records.Count);
        foreach (var record in page.Records)
        {
            Assert.False(string.IsNullOrEmpty(record.Id));
            Assert.NotEqual(default, record.StartTime);
            Assert.Equal(TimeSpan.Zero, record.StartTime.Offset);
        }
    }

    [Fact]
    public async Task Simple_record_maps_field_by_field()
    {
        var page = await CallLogApi.ReadPageAsync(Fixtures.Json(Fixtures.Read("calllog-list-extension-simple-2023-docs.json")), CancellationToken.None);
        var r = page.Records[0];
        Assert.Equal("VgLcd1KWffJVzUA", r.Id);
        Assert.Equal("1039811321016", r.SessionId);
        Assert.Equal(new DateTimeOffset(2023, 4, 10, 23, 58, 47, 594, TimeSpan.Zero), r.StartTime);
        Assert.Equal(194, r.Duration);
        Assert.Equal(194060L, r.DurationMs);
        Assert.Equal("Voice", r.Type);
        Assert.Equal("TollFreeNumber", r.InternalType);
        Assert.Equal("Inbound", r.Direction);
        Assert.Equal("Phone Call", r.Action);
        Assert.Equal("Accepted", r.Result);
        Assert.Equal("+15625555778", r.ToPhoneNumber);
        Assert.Equal("SDK Engineer Candidate", r.ToName);
        Assert.Equal("+14155555908", r.FromPhoneNumber);
        Assert.Equal("SAN FRANCSCO CA", r.FromName);
        Assert.Equal("San Francisco (South), CA", r.FromLocation);
        Assert.Equal("1662272004", r.RecordingId);
        Assert.Equal("OnDemand", r.RecordingType);
        Assert.StartsWith("https://media.ringcentral.com/", r.RecordingContentUri, StringComparison.Ordinal);
        Assert.Equal("s-a0d178729c49dz1876d9b9d11z19269ec0000", r.TelephonySessionId);
        Assert.Equal("PSTN", r.Transport);
        Assert.Equal(new DateTimeOffset(2023, 4, 11, 0, 6, 42, 28, TimeSpan.Zero), r.LastModifiedTime);
        Assert.True(r.HasRecording);
        Assert.Equal(0, r.LegCount);
        Assert.Equal("SAN FRANCSCO CA <+14155555908>", r.From);
    }

    [Fact]
    public async Task Detailed_record_maps_legs_with_numeric_extension_ids()
    {
        var page = await CallLogApi.ReadPageAsync(Fixtures.Json(Fixtures.Read("calllog-list-extension-detailed-2016-sandbox.json")), CancellationToken.None);
        var r = page.Records[0];
        Assert.Equal("ASaxDDkSZ5s42MA", r.Id);
        Assert.Equal(new DateTimeOffset(2016, 6, 6, 23, 8, 23, 336, TimeSpan.Zero), r.LastModifiedTime);
        Assert.Equal(2, r.LegCount);
        var leg = r.Legs[0];
        Assert.Equal("ASaxDDkSZ5s42MA", leg.CallLogId);
        Assert.Equal("Accept", leg.LegType);
        Assert.Equal("664573005", leg.ExtensionId); // a JSON number in the answer
        Assert.Equal("Inbound", leg.Direction);
        Assert.Equal(55, leg.Duration);
        Assert.Equal("1662272004", leg.RecordingId);
        Assert.Equal("PstnToSip", r.Legs[1].LegType);
        Assert.Equal("VoIP", r.Legs[1].Transport);
        Assert.Equal("Accept; PstnToSip", r.Legs.ToString());
    }

    [Fact]
    public async Task Fax_record_carries_message_and_next_page()
    {
        var page = await CallLogApi.ReadPageAsync(Fixtures.Json(Fixtures.Read("calllog-list-extension-simple-fax-nextpage-2017.json")), CancellationToken.None);
        var fax = page.Records.First(r => r.Type == "Fax");
        Assert.NotNull(fax.MessageId);
        Assert.Equal("Fax", fax.MessageType);
        Assert.NotNull(page.NextPage);
        Assert.True(page.NextPage!.IsAbsoluteUri);
    }

    [Fact]
    public async Task Active_call_party_with_only_a_name_parses()
    {
        var page = await CallLogApi.ReadPageAsync(Fixtures.Json(Fixtures.Read("active-calls-extension-list-2014.json")), CancellationToken.None);
        var r = page.Records[0];
        Assert.Equal("Jane Smith", r.FromName);
        Assert.Null(r.FromPhoneNumber);
        Assert.Equal("Jane Smith", r.From);
        Assert.Null(page.NextPage);
    }

    [Fact]
    public async Task Raw_page_keeps_each_records_text_exactly()
    {
        var text = Fixtures.Read("calllog-list-extension-simple-2016-sandbox.json");
        var page = await CallLogApi.ReadRawPageAsync(Fixtures.Json(text), CancellationToken.None);
        Assert.Equal(page.Records.Count, page.RawRecords!.Count);
        foreach (var raw in page.RawRecords)
        {
            Assert.Contains(raw, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Tolerates_numbers_for_strings_and_unknown_fields()
    {
        const string json = """{"id":12345,"sessionId":678,"startTime":"2026-11-01T10:00:00Z","duration":"61","from":{"extensionId":42,"phoneNumber":"+3351234XXXX","device":{"id":"1"}},"to":{"phoneNumber":"(866)123-4567"},"action":"Brand New Action","whatever":{"nested":[1,2,3]},"extension":{"id":9876543210}}""";
        var r = ModelMapper.ToRecord(JsonSerializer.Deserialize(json, WireJsonContext.Default.CallLogRecordDto)!);
        Assert.Equal("12345", r.Id);
        Assert.Equal("678", r.SessionId);
        Assert.Equal(61, r.Duration);
        Assert.Equal("42", r.FromExtensionId);
        Assert.Equal("+3351234XXXX", r.FromPhoneNumber);
        Assert.Equal("(866)123-4567", r.ToPhoneNumber);
        Assert.Equal("Brand New Action", r.Action);
        Assert.Equal("9876543210", r.ExtensionId);
    }

    [Theory]
    [InlineData("error-403-cmn-408-readcompanycalllog.json", "CMN-408", "[ReadCompanyCallLog] permission required")]
    [InlineData("error-403-cmn-401-readcalllog.json", "CMN-401", null)]
    [InlineData("error-400-invalid-parameter-multiple-errors-2015.json", "MSG-", null)]
    public void Error_bodies_give_the_numeric_code_first(string name, string code, string? message)
    {
        var (readCode, readMessage) = ErrorBodyReader.Read(Fixtures.Read(name));
        Assert.StartsWith(code, readCode, StringComparison.Ordinal);
        if (message is not null)
        {
            Assert.Equal(message, readMessage);
        }
    }

    [Fact]
    public void OAuth_error_body_keeps_the_OAuth_code()
    {
        var (code, message) = ErrorBodyReader.Read("""{"error":"invalid_client","errors":[{"errorCode":"OAU-153","message":"Invalid client: abc"}],"error_description":"Invalid client: abc"}""");
        Assert.Equal("invalid_client/OAU-153", code);
        Assert.Equal("Invalid client: abc", message);
    }
}
