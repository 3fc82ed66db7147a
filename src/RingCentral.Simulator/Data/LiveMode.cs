namespace RingCentral.Simulator.Data;

/// <summary>
/// --live: a few calls end every 5 s (listed 15–30 s later), and every --live-change-every
/// seconds a listed record changes (a recording attached, a result corrected, a deletion, in the
/// proportions of --live-change-mix).
/// </summary>
internal sealed class LiveMode : IAsyncDisposable
{
    private readonly Timer _calls;
    private readonly Timer? _changes;

    private LiveMode(Timer calls, Timer? changes)
    {
        _calls = calls;
        _changes = changes;
    }

    public static LiveMode Start(SimulatorState state)
    {
        var calls = new Timer(_ =>
        {
            if (!state.Config.LivePaused) state.AddCalls(1 + Random.Shared.Next(3), 0, null);
        }, null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        Timer? changes = null;
        var every = state.Options.LiveChangeEverySeconds;
        if (every > 0)
        {
            var period = TimeSpan.FromSeconds(every);
            changes = new Timer(_ =>
            {
                if (!state.Config.LivePaused) state.Mutator.Mutate(1, null, state.Options.LiveChangeMix);
            }, null, period, period);
        }
        return new LiveMode(calls, changes);
    }

    public async ValueTask DisposeAsync()
    {
        await _calls.DisposeAsync();
        if (_changes is not null) await _changes.DisposeAsync();
    }
}
