using System.Net;
using System.Net.Http;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Api;

/// <summary>
/// The page cursor against a scripted server: links followed as given, -First/-Skip across pages,
/// and the answers a server should not send (a looping link, a repeated page, an empty page).
/// </summary>
public sealed class CallLogCursorTests
{
    private const string Server = "http://127.0.0.1:5000";
    private const string First = Server + "/restapi/v1.0/account/~/call-log?view=Simple&perPage=2";

    /// <summary>A server that answers each page URI with its scripted body, and 404 for any other.</summary>
    private static (CallLogApi Api, FakeHandler Handler) Serve(params (string Uri, string Body)[] pages)
    {
        var bodies = pages.ToDictionary(p => new Uri(p.Uri).AbsoluteUri, p => p.Body, StringComparer.Ordinal);
        var handler = new FakeHandler((request, _) => bodies.TryGetValue(request.RequestUri!.AbsoluteUri, out var body)
            ? Fixtures.Json(body)
            : Fixtures.Json("""{"errorCode":"CMN-102","message":"Resource not found"}""", HttpStatusCode.NotFound));
        var core = new RcHttpCore(RcServer.Parse(Server), new RcClientSettings { MaxRetryCount = 0 }, handler) { Tokens = new FakeTokens() };
        return (new CallLogApi(core), handler);
    }

    private static string Page(string? next, params string[] ids)
    {
        var records = string.Join(",", ids.Select(id => $$"""{"id":"{{id}}","startTime":"2026-11-30T10:00:00.000Z"}"""));
        var navigation = next is null ? "{}" : $$$"""{"nextPage":{"uri":"{{{next}}}"}}""";
        return $$"""{"records":[{{records}}],"navigation":{{navigation}}}""";
    }

    private static CallLogCursor Cursor(CallLogApi api, ulong skip = 0, ulong first = ulong.MaxValue, bool dropRepeats = true, bool raw = false) =>
        new(api, new Uri(First), RouteKeys.CallLog, raw, skip, first, dropRepeats);

    private static async Task<List<string>> ReadAll(CallLogCursor cursor)
    {
        var ids = new List<string>();
        while (cursor.HasMore)
        {
            ids.AddRange((await cursor.NextPageAsync(NullEvents.Instance, CancellationToken.None)).Select(r => r.Record.Id));
        }

        return ids;
    }

    private static List<string> Sent(FakeHandler handler) => handler.Requests.Select(r => r.RequestUri!.AbsoluteUri).ToList();

    [Fact]
    public async Task NextPage_is_followed_exactly_as_given()
    {
        // A link the client would never build itself: other parameters, other order, an escaped value.
        var second = Server + "/restapi/v1.0/account/~/call-log?perPage=2&page=2&view=Simple&cursor=a%2Fb%3D";
        var (api, handler) = Serve((First, Page(second, "1", "2")), (second, Page(null, "3")));
        var cursor = Cursor(api);

        Assert.Equal(new[] { "1", "2", "3" }, await ReadAll(cursor));
        Assert.Equal(new[] { new Uri(First).AbsoluteUri, new Uri(second).AbsoluteUri }, Sent(handler));
        Assert.Equal(2, cursor.PagesRead);
        Assert.Null(cursor.Next);
    }

    [Theory]
    [InlineData(0UL, 2UL, new[] { "1", "2" }, 1)]
    [InlineData(1UL, 2UL, new[] { "2", "3" }, 2)]
    [InlineData(3UL, 2UL, new[] { "4", "5" }, 3)]
    [InlineData(5UL, 10UL, new[] { "6", "7" }, 4)]
    [InlineData(7UL, 1UL, new string[0], 4)]
    public async Task First_and_skip_count_across_pages_and_no_page_is_read_past_first(ulong skip, ulong first, string[] expected, int requests)
    {
        var (api, handler) = Serve(
            (First, Page(Server + "/p2", "1", "2")),
            (Server + "/p2", Page(Server + "/p3", "3", "4")),
            (Server + "/p3", Page(Server + "/p4", "5", "6")),
            (Server + "/p4", Page(null, "7")));
        var cursor = Cursor(api, skip, first);

        Assert.Equal(expected, await ReadAll(cursor));
        Assert.Equal(requests, handler.Requests.Count);
        Assert.False(cursor.HasMore);
    }

    [Theory]
    [InlineData(1000, 0UL, ulong.MaxValue, 1000)]
    [InlineData(1000, 0UL, 5UL, 5)]
    [InlineData(1000, 3UL, 5UL, 8)]
    [InlineData(10, 3UL, 50UL, 10)]
    [InlineData(1000, 0UL, 0UL, 1)]
    public void The_page_size_asks_for_no_more_than_first_and_skip_need(int pageSize, ulong skip, ulong first, int expected) =>
        Assert.Equal(expected, CallLogCursor.PageSizeFor(pageSize, skip, first));

    [Fact]
    public async Task First_zero_sends_no_request()
    {
        var (api, handler) = Serve((First, Page(null, "1")));
        var cursor = Cursor(api, first: 0);

        Assert.Empty(await ReadAll(cursor));
        Assert.True(cursor.FirstReached);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_nextPage_back_to_a_page_already_read_is_stopped_before_its_request()
    {
        var (api, handler) = Serve(
            (First, Page(Server + "/p2", "1", "2")),
            (Server + "/p2", Page(First, "3", "4")));
        var cursor = Cursor(api);
        await cursor.NextPageAsync(NullEvents.Instance, CancellationToken.None);
        await cursor.NextPageAsync(NullEvents.Instance, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<RcApiException>(() => cursor.NextPageAsync(NullEvents.Instance, CancellationToken.None));
        Assert.Equal(RcErrorKind.ResponseInvalid, ex.Kind);
        Assert.Contains("already read", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(2, cursor.PagesRead);
        Assert.Equal(new Uri(First), cursor.Next);
    }

    [Fact]
    public async Task A_page_that_repeats_records_gives_each_id_once_and_skip_counts_each_once()
    {
        // The second page repeats the first (the listing shifted under the run) and adds one record.
        var (api, _) = Serve(
            (First, Page(Server + "/p2", "1", "2")),
            (Server + "/p2", Page(Server + "/p3", "1", "2")),
            (Server + "/p3", Page(null, "2", "3")));

        Assert.Equal(new[] { "1", "2", "3" }, await ReadAll(Cursor(api)));
        Assert.Equal(new[] { "3" }, await ReadAll(Cursor(api, skip: 2)));
    }

    [Fact]
    public async Task Without_the_repeat_guard_every_listed_record_is_given_out()
    {
        // Active calls: each page is given out as listed.
        var (api, _) = Serve((First, Page(Server + "/p2", "1", "2")), (Server + "/p2", Page(null, "1", "2")));
        Assert.Equal(new[] { "1", "2", "1", "2" }, await ReadAll(Cursor(api, dropRepeats: false)));
    }

    [Fact]
    public async Task An_empty_page_with_a_next_link_is_passed_and_an_empty_last_page_ends_the_listing()
    {
        var (api, handler) = Serve(
            (First, Page(Server + "/p2")),
            (Server + "/p2", Page(Server + "/p3", "1")),
            (Server + "/p3", Page(null)));
        var cursor = Cursor(api);

        Assert.Equal(new[] { "1" }, await ReadAll(cursor));
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(3, cursor.PagesRead);
        Assert.False(cursor.HasMore);
    }

    [Fact]
    public async Task A_failed_page_leaves_the_cursor_on_it_with_the_pages_read_before()
    {
        var (api, _) = Serve((First, Page(Server + "/missing", "1")));
        var cursor = Cursor(api);
        await cursor.NextPageAsync(NullEvents.Instance, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<RcApiException>(() => cursor.NextPageAsync(NullEvents.Instance, CancellationToken.None));
        Assert.Equal(RcErrorKind.NotFound, ex.Kind);
        Assert.Equal(new Uri(Server + "/missing"), cursor.Next);
        Assert.Equal(1, cursor.PagesRead);
    }

    [Fact]
    public async Task Raw_records_carry_their_text_as_received()
    {
        var (api, _) = Serve((First, Page(null, "1")));
        var page = await Cursor(api, raw: true).NextPageAsync(NullEvents.Instance, CancellationToken.None);
        Assert.Equal("""{"id":"1","startTime":"2026-11-30T10:00:00.000Z"}""", Assert.Single(page).Raw);
    }
}
