namespace RingCentral.Simulator.Faults;

/// <summary>What a queued fault does to a request (docs/simulator.md, /_sim/faults); <see cref="FaultKinds"/> reads their names.</summary>
internal enum FaultKind
{
    /// <summary>An error status with RingCentral's body for it (and Retry-After when given) in place of the answer.</summary>
    Status,

    /// <summary>The real answer's headers and half its body, then the connection is cut.</summary>
    Drop,

    /// <summary>As <see cref="Drop"/>, for recording content: the full Content-Length is announced, half the bytes come.</summary>
    Truncate,

    /// <summary>The real answer, after a pause.</summary>
    Delay,

    /// <summary>The connection is cut before any answer.</summary>
    Reset,

    /// <summary>302 to another location.</summary>
    Redirect,

    /// <summary>The status line and headers, then no body until the pause ends or the client gives up.</summary>
    Stall,

    /// <summary>Another JSON text in place of the real body.</summary>
    Body,

    /// <summary>The body goes out 8 KB at a time with a pause between chunks.</summary>
    SlowBody,

    /// <summary>Half the body, then nothing with the connection open, then it is cut.</summary>
    StallBody,
}
