using System.Text;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Json;

/// <summary>
/// The defect that stopped real exports at their first page: a party with a nested object
/// (<c>device</c>, documented on every call log party) failed once the page no longer fitted the
/// serializer's first read buffer, because the converter skipped it with Utf8JsonReader.Skip().
/// </summary>
public class NestedPartyObjectTests
{
    private static byte[] Page(int count)
    {
        var sb = new StringBuilder("{\"uri\":\"https://platform.ringcentral.com/restapi/v1.0/account/~/call-log\",\"records\":[");
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append("{\"id\":\"rec").Append(i).Append("\",\"sessionId\":\"").Append(1000 + i)
              .Append("\",\"startTime\":\"2026-11-30T10:00:00.000Z\",\"duration\":").Append(i % 300)
              .Append(",\"type\":\"Voice\",\"direction\":\"Inbound\",\"action\":\"Phone Call\",\"result\":\"Accepted\"")
              .Append(",\"from\":{\"phoneNumber\":\"+1650555").Append((i % 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture))
              .Append("\",\"name\":\"Caller ").Append(i).Append("\",\"device\":{\"id\":\"800").Append(i).Append("\",\"uri\":\"https://platform.ringcentral.com/restapi/v1.0/account/1/device/800").Append(i).Append("\"}}")
              .Append(",\"to\":{\"phoneNumber\":\"+14155550100\",\"name\":\"Front desk\",\"device\":{\"id\":\"8000123\",\"uri\":\"https://platform.ringcentral.com/restapi/v1.0/account/1/device/8000123\"},\"extra\":[{\"a\":[1,{\"b\":null}]}]}")
              .Append('}');
        }

        sb.Append("],\"navigation\":{}}");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    [Theory]
    [InlineData(3, 65536)]
    [InlineData(100, 4096)]
    [InlineData(1000, 7)]
    [InlineData(1000, 65536)]
    public async Task Pages_with_a_device_in_every_party_parse_at_any_read_size(int count, int readSize)
    {
        using var response = ChunkedReadStream.Response(new ChunkedReadStream(Page(count), readSize));
        var page = await CallLogApi.ReadPageAsync(response, CancellationToken.None);

        Assert.Equal(count, page.Records.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal("rec" + i, page.Records[i].Id);
            Assert.Equal("Caller " + i, page.Records[i].FromName);
            Assert.Equal("+14155550100", page.Records[i].ToPhoneNumber);
            Assert.Equal("Front desk", page.Records[i].ToName);
        }
    }
}
