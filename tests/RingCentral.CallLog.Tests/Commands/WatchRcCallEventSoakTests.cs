using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RingCentral.CallLog.Commands;
using RingCentral.CallLog.Tests.TestSupport;
using RingCentral.Simulator;
using Xunit;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>
/// The compressed soak of issue 25: several hundred call events over one watch whose socket is
/// dropped again and again, the recovery succeeding in some rounds and refused in others. What
/// the watch wrote is compared with what the simulator's gateway says it sent.
/// </summary>
public sealed class WatchRcCallEventSoakTests
{
    static WatchRcCallEventSoakTests()
    {
        WatchRcCallEventCommand.FirstBackoff = TimeSpan.FromMilliseconds(100);
        WatchRcCallEventCommand.HeartbeatInterval = TimeSpan.FromSeconds(1);
    }

    private sealed record Sent(string Key, DateTime Time, string? Subscription);

    [Fact]
    public async Task Hundreds_of_events_over_repeated_drops_are_written_once_where_recovered_and_a_gap_names_each_refused_recovery()
    {
        await using var sim = await HostedModule.StartAsync(new SimulatorOptions
        {
            Seed = 11, Extensions = 6, CallsPerDay = 5, Days = 1, Heavy = "0/0", Light = "0/0", Auth = "0/0", TestHooks = true,
        });
        using var watch = new RunningWatch(sim, "Watch-RcCallEvent -Account -Timeout 00:03:00");
        await watch.SubscribedAsync();

        // Eight rounds: calls while connected, a drop, calls while the socket is gone, and the
        // reconnect; the recovery is refused in rounds 3 and 6.
        var refusedRounds = new[] { 3, 6 };
        for (var round = 1; round <= 8; round++)
        {
            await sim.Hook("calls", new { count = 8 });
            var refuse = refusedRounds.Contains(round);
            await sim.Hook("ws", new { drop = true, refuseNextRecovery = refuse });
            await sim.Hook("calls", new { count = 4 });
            await watch.WaitForAsync(() => watch.Verbose.Count(v => v.StartsWith("Connected to the WebSocket gateway", StringComparison.Ordinal)) == round + 1, "reconnect " + round);

            // A recovery the simulator was not told to refuse can still fail for real when the
            // reconnect comes after its recoveryTimeout (a loaded machine): the watch then subscribes
            // again and names a gap, which is correct behaviour, so count what happened.
            var subscriptions = FailedRecoveries(watch) + 1;
            await watch.WaitForAsync(() => watch.Verbose.Count(v => v.StartsWith("Subscribed to", StringComparison.Ordinal)) == subscriptions, "subscription after round " + round);
        }

        await sim.Hook("calls", new { count = 8 });
        var sent = (await sim.Hook("ws/sent"))["sent"]!.AsArray()
            .Select(n => new Sent($"{n!["telephonySessionId"]}|{n["partyId"]}|{n["sequence"]}", ((DateTime)n["time"]!).ToUniversalTime(), (string?)n["subscriptionId"]))
            .ToList();
        Assert.InRange(sent.Count, 300, 2000);

        // The gaps the watch named; an event sent within one may be missing, every other must be there.
        var failedRecoveries = FailedRecoveries(watch);
        Assert.True(failedRecoveries >= refusedRounds.Length, $"{failedRecoveries} failed recoveries, fewer than the {refusedRounds.Length} refused");
        await watch.WaitForAsync(() => watch.Warnings.Count >= failedRecoveries, "the gap warnings");
        var gaps = watch.Warnings.Select(w => Regex.Matches(w, @"\d{4}-\d\d-\d\dT[\d:.]+Z").Select(m => DateTime.Parse(m.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)).ToList()).ToList();
        Assert.Equal(failedRecoveries, gaps.Count);
        Assert.All(gaps, g => Assert.Equal(2, g.Count));
        bool InGap(DateTime t) => gaps.Any(g => t >= g[0] && t <= g[1]);
        var expected = sent.Where(s => !InGap(s.Time)).Select(s => s.Key).ToHashSet();
        for (var waited = 0; waited < 100 && !expected.IsSubsetOf(watch.Events.Select(Key)); waited++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(700);
        await watch.StopAsync();

        var written = watch.Events.Select(Key).ToList();
        Assert.Equal(written.Count, written.Distinct().Count());
        var missing = sent.Where(s => expected.Contains(s.Key) && !written.Contains(s.Key)).Select(s => $"{s.Key} at {s.Time:O} to {s.Subscription}").ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} events sent outside the gaps ({string.Join("; ", gaps.Select(g => $"{g[0]:O}..{g[1]:O}"))}) are missing: {string.Join(", ", missing.Take(12))}; written from subscriptions {string.Join(",", watch.Events.Select(e => e.SubscriptionId).Distinct())}; {watch.Events.Count} written of {sent.Count} sent; verbose {string.Join(" | ", watch.Verbose)}");
        Assert.Empty(written.Except(sent.Select(s => s.Key)));

        // Each refused round lost the events sent while its socket was gone, and its gap names them.
        var lost = sent.Where(s => !written.Contains(s.Key)).ToList();
        Assert.NotEmpty(lost);
        Assert.All(lost, l => Assert.True(InGap(l.Time), $"{l.Key} sent at {l.Time:O} is missing, outside every gap named"));
        Assert.All(gaps, g => Assert.Contains(lost, l => l.Time >= g[0] && l.Time <= g[1]));
    }

    private static int FailedRecoveries(RunningWatch watch) =>
        watch.Verbose.Count(v => v.StartsWith("Connected to the WebSocket gateway", StringComparison.Ordinal) && v.Contains("(recovery Failed)", StringComparison.Ordinal));

    private static string Key(RcCallEvent e) => $"{e.TelephonySessionId}|{e.PartyId}|{e.Sequence}";
}
