using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Http;

public class MultipartParserTests
{
    public static TheoryData<string> MultipartMixedFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var name in Fixtures.Names("batch-*.http"))
        {
            var (_, headers, _) = Fixtures.ReadHttp(name);
            if (headers.TryGetValue("Content-Type", out var type) && type.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MultipartMixedFixtures))]
    public void Every_multipart_mixed_fixture_splits_into_summary_and_one_part_per_entry(string name)
    {
        var (status, headers, body) = Fixtures.ReadHttp(name);
        Assert.Equal(207, status);
        var boundary = MultipartMixedParser.BoundaryOf(headers["Content-Type"]);
        Assert.NotNull(boundary);
        var parts = MultipartMixedParser.Parse(body, boundary!);
        Assert.Contains("\"response\"", parts[0].Body, StringComparison.Ordinal);
        var entries = System.Text.RegularExpressions.Regex.Count(parts[0].Body, "\"status\"");
        Assert.Equal(entries + 1, parts.Count);
        Assert.All(parts, p => Assert.Equal("application/json", p.Headers["Content-Type"]));
    }

    [Fact]
    public void The_strict_fixture_gives_records_paired_with_the_summary_in_order()
    {
        var (_, headers, body) = Fixtures.ReadHttp("batch-get-multipart-mixed-message-store.http");
        var items = CallLogApi.ParseBatch(body, headers["Content-Type"], new[] { "2447722008", "2416832008" }, raw: false, requestId: null);
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Null(i.Error));
        Assert.Equal("2447722008", items[0].Record!.Id);
        Assert.Equal("2416832008", items[1].Record!.Id);
    }

    [Theory]
    [InlineData("multipart/mixed; boundary=Boundary_1_2_3", "Boundary_1_2_3")]
    [InlineData("multipart/mixed;boundary=Boundary_1_2_3", "Boundary_1_2_3")]
    [InlineData("multipart/mixed; boundary=\"Boundary_1 2\"", "Boundary_1 2")]
    [InlineData("multipart/mixed; charset=utf-8; BOUNDARY=abc", "abc")]
    [InlineData("application/json", null)]
    public void Boundary_is_found_in_every_form(string contentType, string? expected) =>
        Assert.Equal(expected, MultipartMixedParser.BoundaryOf(contentType));

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void Failed_ids_come_back_as_errors_while_others_parse(string eol)
    {
        var body = string.Join(eol, new[]
        {
            "--B_1",
            "Content-Type: application/json",
            string.Empty,
            """{"response":[{"href":"https://x/call-log/A1","status":200,"responseDescription":"OK"},{"href":"https://x/call-log/B2","status":404,"responseDescription":"Not Found"},{"href":"https://x/call-log/C3","status":200,"responseDescription":"OK"}]}""",
            "--B_1",
            "Content-Type: application/json",
            string.Empty,
            """{"id":"A1","startTime":"2026-11-01T10:00:00.000Z","type":"Voice","direction":"Inbound","action":"Phone Call"}""",
            "--B_1",
            "Content-Type: application/json",
            string.Empty,
            """{"errorCode":"CMN-102","message":"Resource for parameter [callRecordId] is not found","errors":[{"errorCode":"CMN-102","message":"Resource for parameter [callRecordId] is not found"}]}""",
            "--B_1",
            "Content-Type: application/json",
            string.Empty,
            """{"id":"C3","startTime":"2026-11-01T09:00:00.000Z","type":"Voice","direction":"Outbound","action":"VoIP Call"}""",
            "--B_1--",
            string.Empty,
        });
        var items = CallLogApi.ParseBatch(body, "multipart/mixed; boundary=B_1", new[] { "A1", "B2", "C3" }, raw: true, requestId: "req-1");
        Assert.Equal("A1", items[0].Record!.Id);
        Assert.Null(items[1].Record);
        Assert.Equal(RcErrorKind.NotFound, items[1].Error!.Kind);
        Assert.Equal("CMN-102", items[1].Error!.ErrorCode);
        Assert.Equal("req-1", items[1].Error!.RequestId);
        Assert.Contains("B2", items[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal("C3", items[2].Record!.Id);
        Assert.StartsWith("{\"id\":\"C3\"", items[2].RawRecord, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_parts_are_reported_per_id()
    {
        const string body = "--X\r\nContent-Type: application/json\r\n\r\n{\"response\":[{\"status\":200}]}\r\n--X\r\nContent-Type: application/json\r\n\r\n{\"id\":\"A\",\"startTime\":\"2026-11-01T10:00:00Z\"}\r\n--X--\r\n";
        var items = CallLogApi.ParseBatch(body, "multipart/mixed; boundary=X", new[] { "A", "B" }, raw: false, requestId: null);
        Assert.Equal("A", items[0].Record!.Id);
        Assert.Equal(RcErrorKind.ResponseInvalid, items[1].Error!.Kind);
    }

    private static string Batch(params string[] parts) =>
        string.Concat(parts.Select(p => "--B\r\nContent-Type: application/json\r\n\r\n" + p + "\r\n")) + "--B--\r\n";

    private static string Record(string id) => "{\"id\":\"" + id + "\",\"startTime\":\"2026-11-01T10:00:00.000Z\",\"type\":\"Voice\"}";

    private const string NotFound = """{"errorCode":"CMN-102","message":"Resource for parameter [callRecordId] is not found"}""";

    [Fact]
    public void A_missing_part_is_an_error_for_its_own_id_and_the_next_record_keeps_its_id()
    {
        // The summary lists three ids, but the part of B2 never came.
        var summary = """{"response":[{"href":"https://x/call-log/A1","status":200},{"href":"https://x/call-log/B2","status":200},{"href":"https://x/call-log/C3","status":200}]}""";
        var items = CallLogApi.ParseBatch(Batch(summary, Record("A1"), Record("C3")), "multipart/mixed; boundary=B", new[] { "A1", "B2", "C3" }, raw: false, requestId: null);
        Assert.Equal(new[] { "A1", "B2", "C3" }, items.Select(i => i.Id));
        Assert.Equal("A1", items[0].Record!.Id);
        Assert.Null(items[1].Record);
        Assert.Equal(RcErrorKind.ResponseInvalid, items[1].Error!.Kind);
        Assert.Contains("B2", items[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal("C3", items[2].Record?.Id);
        Assert.Null(items[2].Error);
    }

    [Fact]
    public void A_missing_error_part_leaves_the_summary_status_with_its_id_and_nothing_misattributed()
    {
        var summary = """{"response":[{"href":"https://x/call-log/A1","status":200},{"href":"https://x/call-log/B2","status":404},{"href":"https://x/call-log/C3","status":200}]}""";
        var items = CallLogApi.ParseBatch(Batch(summary, Record("A1"), Record("C3")), "multipart/mixed; boundary=B", new[] { "A1", "B2", "C3" }, raw: false, requestId: null);
        Assert.Equal("A1", items[0].Record!.Id);
        Assert.Equal(RcErrorKind.NotFound, items[1].Error!.Kind);
        Assert.Equal("C3", items[2].Record?.Id);
    }

    [Fact]
    public void Records_in_another_order_than_the_ids_go_to_their_own_ids()
    {
        var summary = """{"response":[{"status":200},{"status":404},{"status":200}]}""";
        var items = CallLogApi.ParseBatch(Batch(summary, Record("C3"), NotFound, Record("A1")), "multipart/mixed; boundary=B", new[] { "A1", "B2", "C3" }, raw: false, requestId: null);
        Assert.Equal("A1", items[0].Record?.Id);
        Assert.Equal("C3", items[2].Record?.Id);
        Assert.Null(items[1].Record);
        Assert.NotNull(items[1].Error);
    }

    [Fact]
    public void A_record_of_an_id_that_was_not_asked_for_is_not_taken_for_another()
    {
        var summary = """{"response":[{"status":200},{"status":200}]}""";
        var items = CallLogApi.ParseBatch(Batch(summary, Record("A1"), Record("ZZ")), "multipart/mixed; boundary=B", new[] { "A1", "B2" }, raw: false, requestId: null);
        Assert.Equal("A1", items[0].Record!.Id);
        Assert.Null(items[1].Record);
        Assert.Equal(RcErrorKind.ResponseInvalid, items[1].Error!.Kind);
    }
}
