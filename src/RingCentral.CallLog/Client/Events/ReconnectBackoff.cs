using System;

namespace RingCentral.CallLog.Client.Events;

/// <summary>The wait before a reconnect attempt: doubling from the first, bounded, so a gateway that is down is not hammered.</summary>
internal static class ReconnectBackoff
{
    public static TimeSpan Before(int attempt, TimeSpan first, TimeSpan max) =>
        TimeSpan.FromTicks(Math.Min(max.Ticks, first.Ticks * (1L << Math.Min(attempt, 20))));
}
