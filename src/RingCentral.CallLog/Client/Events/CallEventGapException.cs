using System;
using System.Globalization;

namespace RingCentral.CallLog.Client.Events;

/// <summary>The watch lost its session and could not recover it: events of this interval may be missing.</summary>
internal sealed class CallEventGapException : Exception
{
    public CallEventGapException(DateTime from, DateTime to, string reason)
        : base(Describe(from, to, reason))
    {
        From = from;
        To = to;
    }

    public DateTime From { get; }

    public DateTime To { get; }

    public static string Describe(DateTime from, DateTime to, string reason) => string.Format(
        CultureInfo.InvariantCulture,
        "Call events between {0:yyyy-MM-ddTHH:mm:ss.fffZ} and {1:yyyy-MM-ddTHH:mm:ss.fffZ} may be missing: the WebSocket session could not be recovered ({2}).",
        from,
        to,
        reason);
}
