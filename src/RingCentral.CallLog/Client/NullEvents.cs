using System;

namespace RingCentral.CallLog.Client;

/// <summary>Events that go nowhere (tests, background work).</summary>
internal sealed class NullEvents : IRcEvents
{
    public static readonly NullEvents Instance = new();

    public void Verbose(string message)
    {
    }

    public void Debug(string message)
    {
    }

    public void Warning(string message)
    {
    }

    public void Waiting(string reason, TimeSpan duration)
    {
    }
}
