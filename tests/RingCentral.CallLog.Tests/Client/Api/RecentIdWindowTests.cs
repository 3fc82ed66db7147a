using RingCentral.CallLog.Client.Api;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Api;

public class RecentIdWindowTests
{
    [Fact]
    public void A_repeat_within_the_window_is_refused_and_the_window_stays_bounded()
    {
        var window = new RecentIdWindow(capacity: 3);
        Assert.True(window.Add("a"));
        Assert.True(window.Add("b"));
        Assert.False(window.Add("a"));
        Assert.True(window.Add("c"));
        Assert.True(window.Add("d")); // "a" leaves the window
        Assert.Equal(3, window.Count);
        Assert.False(window.Add("d"));
        Assert.True(window.Add("a"));
    }

    [Fact]
    public void A_million_ids_keep_only_the_capacity()
    {
        var window = new RecentIdWindow();
        for (var i = 0; i < 1_000_000; i++)
        {
            Assert.True(window.Add("id" + i));
        }

        Assert.Equal(RecentIdWindow.Capacity, window.Count);

        // A record pushed down a page comes back within a page: still refused.
        Assert.False(window.Add("id" + (1_000_000 - 1000)));
    }
}
