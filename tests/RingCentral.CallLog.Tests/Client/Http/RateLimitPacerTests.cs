using System.Net.Http;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Http;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Http;

public class RateLimitPacerTests
{
    private DateTimeOffset _now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static System.Net.Http.Headers.HttpResponseHeaders Headers(string? group, int? limit, int? remaining, int? window)
    {
        using var response = new HttpResponseMessage();
        if (group is not null)
        {
            response.Headers.Add("X-Rate-Limit-Group", group);
        }

        if (limit is not null)
        {
            response.Headers.Add("X-Rate-Limit-Limit", limit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (remaining is not null)
        {
            response.Headers.Add("X-Rate-Limit-Remaining", remaining.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (window is not null)
        {
            response.Headers.Add("X-Rate-Limit-Window", window.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return response.Headers;
    }

    [Fact]
    public async Task When_remaining_reaches_zero_the_group_waits_a_whole_window()
    {
        var pacer = new RateLimitPacer(() => _now);
        var lease = await pacer.AcquireAsync(RouteKeys.CallLog, NullEvents.Instance, CancellationToken.None);
        pacer.Observe(RouteKeys.CallLog, lease, Headers("heavy", 10, 0, 60));
        var next = pacer.AcquireAsync(RouteKeys.CallLog, NullEvents.Instance, CancellationToken.None);
        await Task.Delay(100);
        Assert.False(next.IsCompleted);
        _now += TimeSpan.FromSeconds(61);
        var second = await next.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(second);
    }

    [Fact]
    public async Task Other_groups_are_not_held()
    {
        var pacer = new RateLimitPacer(() => _now);
        var lease = await pacer.AcquireAsync(RouteKeys.CallLog, NullEvents.Instance, CancellationToken.None);
        pacer.Observe(RouteKeys.CallLog, lease, Headers("heavy", 10, 0, 60));
        await pacer.AcquireAsync(RouteKeys.Identity, NullEvents.Instance, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Parallel_requests_never_exceed_the_announced_budget()
    {
        var pacer = new RateLimitPacer(() => _now);
        var first = await pacer.AcquireAsync(RouteKeys.RecordingContent, NullEvents.Instance, CancellationToken.None);
        pacer.Observe(RouteKeys.RecordingContent, first, Headers("heavy", 10, 3, 60));
        var granted = new List<Task<RateLimitPacer.Lease>>();
        for (var i = 0; i < 6; i++)
        {
            granted.Add(pacer.AcquireAsync(RouteKeys.RecordingContent, NullEvents.Instance, CancellationToken.None));
        }

        await Task.Delay(200);
        Assert.Equal(3, granted.Count(t => t.IsCompleted));
    }

    [Fact]
    public async Task Answers_out_of_order_never_raise_the_budget_above_the_truth()
    {
        var pacer = new RateLimitPacer(() => _now);
        Task<RateLimitPacer.Lease> Acquire() => pacer.AcquireAsync(RouteKeys.RecordingContent, NullEvents.Instance, CancellationToken.None);
        int? Left() => pacer.Snapshot(RouteKeys.RecordingContent)!.Remaining;

        var first = await Acquire();
        pacer.Observe(RouteKeys.RecordingContent, first, Headers("heavy", 10, 9, 60)); // alone: exact
        Assert.Equal(9, Left());

        // Three in parallel; the server takes them as newer, x, older (limit 10: 8, 7, 6 left), and
        // the answers arrive in that order too.
        var x = await Acquire();
        var older = await Acquire();
        var newer = await Acquire();
        Assert.Equal(6, Left());
        pacer.Observe(RouteKeys.RecordingContent, newer, Headers("heavy", 10, 8, 60));
        Assert.Equal(6, Left()); // 8, less x and older still in flight
        pacer.Observe(RouteKeys.RecordingContent, older, Headers("heavy", 10, 6, 60));
        Assert.Equal(4, Left()); // 6, less newer sent after it and x still in flight: lower, never higher
        pacer.Observe(RouteKeys.RecordingContent, x, Headers("heavy", 10, 7, 60));
        Assert.Equal(5, Left()); // x was sent alone: its answer is exact and may raise the count (truth: 6)
    }

    [Fact]
    public async Task A_budget_used_up_with_nothing_in_flight_waits_a_whole_window_rather_than_forever()
    {
        var pacer = new RateLimitPacer(() => _now);
        var first = await pacer.AcquireAsync(RouteKeys.CallLog, NullEvents.Instance, CancellationToken.None);
        pacer.Observe(RouteKeys.CallLog, first, Headers("heavy", 10, 1, 60));
        var second = await pacer.AcquireAsync(RouteKeys.CallLog, NullEvents.Instance, CancellationToken.None);
        second.Release(); // failed without an answer (a network error): we never learn the count
        var third = pacer.AcquireAsync(RouteKeys.CallLog, NullEvents.Instance, CancellationToken.None);
        await Task.Delay(100);
        Assert.False(third.IsCompleted);
        _now += TimeSpan.FromSeconds(61);
        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Group_names_come_from_the_server_and_may_be_new()
    {
        var pacer = new RateLimitPacer(() => _now);
        var lease = await pacer.AcquireAsync(RouteKeys.RecordingContent, NullEvents.Instance, CancellationToken.None);
        pacer.Observe(RouteKeys.RecordingContent, lease, Headers("media-heavy", 40, 39, 60));
        Assert.Equal("media-heavy", pacer.GroupOf(RouteKeys.RecordingContent));
        Assert.Equal("heavy", pacer.GroupOf(RouteKeys.CallLog));
        Assert.Equal(39, pacer.Snapshot(RouteKeys.RecordingContent)!.Remaining);
    }

    [Fact]
    public async Task Missing_headers_leave_the_group_unpaced()
    {
        var pacer = new RateLimitPacer(() => _now);
        var lease = await pacer.AcquireAsync(RouteKeys.CallLog, NullEvents.Instance, CancellationToken.None);
        pacer.Observe(RouteKeys.CallLog, lease, Headers(null, null, null, null));
        for (var i = 0; i < 50; i++)
        {
            Assert.True(pacer.AcquireAsync(RouteKeys.CallLog, NullEvents.Instance, CancellationToken.None).IsCompleted);
        }
    }

    [Fact]
    public async Task A_block_holds_the_group_until_it_ends()
    {
        var pacer = new RateLimitPacer(() => _now);
        pacer.Block(RouteKeys.CallLog, TimeSpan.FromSeconds(30), "429");
        var next = pacer.AcquireAsync(RouteKeys.CallLog, NullEvents.Instance, CancellationToken.None);
        await Task.Delay(100);
        Assert.False(next.IsCompleted);
        _now += TimeSpan.FromSeconds(31);
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
