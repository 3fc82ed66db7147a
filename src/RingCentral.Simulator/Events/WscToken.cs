using System.Globalization;

namespace RingCentral.Simulator.Events;

/// <summary>
/// A session-recovery token as the gateway hands it out in each frame's meta: the gateway session it
/// belongs to and the sequence of the frame, so a recovery knows which notifications the client had.
/// The text is opaque to clients; only the gateway reads it back.
/// </summary>
internal readonly record struct WscToken(string SessionKey, long Sequence)
{
    public string Text => string.Create(CultureInfo.InvariantCulture, $"{SessionKey}.{Sequence}");

    /// <summary>The token a client presented (wsc=…), or null when it is not one of ours.</summary>
    public static WscToken? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var dot = text.LastIndexOf('.');
        if (dot <= 0 || !long.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)) return null;
        return new WscToken(text[..dot], sequence);
    }
}
