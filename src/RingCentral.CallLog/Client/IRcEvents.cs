using System;

namespace RingCentral.CallLog.Client;

/// <summary>
/// What the client reports while it works. Called from any thread; the cmdlet layer queues the
/// calls and writes them from the pipeline thread. Text passed here never contains a secret.
/// </summary>
internal interface IRcEvents
{
    void Verbose(string message);

    void Debug(string message);

    void Warning(string message);

    /// <summary>A wait has started (rate limit, Retry-After, backoff).</summary>
    void Waiting(string reason, TimeSpan duration);
}
