using System.Text;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Json;

/// <summary>What the readers take that the schema does not promise, and that must not stop an export.</summary>
public class ReaderLeniencyTests
{
    private const string PageWithNullLeg = """
        {"records":[{"id":"A1","startTime":"2026-11-30T10:00:00.000Z","legs":[null,{"legType":"Accept","master":true,"startTime":"2026-11-30T10:00:00.000Z"},null]}],"navigation":{}}
        """;

    // Comments and a trailing comma: the typed reader has always skipped them; -Raw must too.
    private const string PageWithCommentAndTrailingComma = """
        {"records":[ /* one record */ {"id":"B2","startTime":"2026-11-30T10:00:00.000Z"}, ],
         // no next page
         "navigation":{}}
        """;

    private static HttpResponseMessage Answer(string body) =>
        ChunkedReadStream.Response(new ChunkedReadStream(Encoding.UTF8.GetBytes(body), 7));

    [Fact]
    public async Task A_null_item_in_legs_is_skipped_not_a_failure()
    {
        using var typed = Answer(PageWithNullLeg);
        var page = await CallLogApi.ReadPageAsync(typed, CancellationToken.None);
        var leg = Assert.Single(page.Records[0].Legs);
        Assert.Equal("Accept", leg.LegType);

        using var raw = Answer(PageWithNullLeg);
        var rawPage = await CallLogApi.ReadRawPageAsync(raw, CancellationToken.None);
        Assert.Single(rawPage.Records[0].Legs);
    }

    [Fact]
    public async Task The_raw_reader_is_as_lenient_as_the_typed_reader()
    {
        using var typed = Answer(PageWithCommentAndTrailingComma);
        Assert.Equal("B2", Assert.Single((await CallLogApi.ReadPageAsync(typed, CancellationToken.None)).Records).Id);

        using var raw = Answer(PageWithCommentAndTrailingComma);
        var rawPage = await CallLogApi.ReadRawPageAsync(raw, CancellationToken.None);
        Assert.Equal("B2", Assert.Single(rawPage.Records).Id);
        Assert.Equal("""{"id":"B2","startTime":"2026-11-30T10:00:00.000Z"}""", Assert.Single(rawPage.RawRecords!));
    }
}
