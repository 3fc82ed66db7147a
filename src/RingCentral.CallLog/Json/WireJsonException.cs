using System;
using System.Text.Json;

namespace RingCentral.CallLog.Json;

/// <summary>
/// An answer whose JSON could not be read. Json/ knows nothing of the client's errors: the HTTP core
/// turns this into the ResponseInvalid failure every reader of an answer gets, with the answer's context.
/// </summary>
internal sealed class WireJsonException : Exception
{
    public WireJsonException(string message, JsonException inner)
        : base(message, inner)
    {
    }

    /// <summary>The reader's own failure (what the client's error keeps as its inner exception).</summary>
    public JsonException JsonError => (JsonException)InnerException!;
}
