using System;
using System.Runtime.CompilerServices;

namespace RingCentral.CallLog.Client;

/// <summary>
/// The client machine's clock as a session sees it. Tests give one session a clock that is off,
/// to prove that runs follow RingCentral's clock instead; nothing else ever sets one.
/// </summary>
internal static class ClientClock
{
    private static readonly ConditionalWeakTable<RcSession, Func<DateTimeOffset>> Overrides = new();

    public static DateTimeOffset UtcNow(RcSession session) =>
        Overrides.TryGetValue(session, out var clock) ? clock() : DateTimeOffset.UtcNow;

    /// <summary>For tests: this session's clock reads <paramref name="clock"/> from now on.</summary>
    public static void Override(RcSession session, Func<DateTimeOffset> clock)
    {
        Overrides.Remove(session);
        Overrides.Add(session, clock);
    }
}
