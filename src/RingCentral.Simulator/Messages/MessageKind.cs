namespace RingCentral.Simulator.Messages;

/// <summary>The kinds of message the simulated message store holds, with RingCentral's names for them.</summary>
internal enum MessageKind
{
    VoiceMail,
    Fax,
    Sms,
}

internal static class MessageKinds
{
    public static string Name(MessageKind k) => k switch
    {
        MessageKind.VoiceMail => "VoiceMail",
        MessageKind.Fax => "Fax",
        _ => "SMS",
    };

    /// <summary>A <c>messageType</c> value (case-insensitive): one of the list filter's names; Pager is known but never held.</summary>
    public static bool TryParse(string text, out MessageKind? kind)
    {
        kind = text.ToUpperInvariant() switch
        {
            "VOICEMAIL" => MessageKind.VoiceMail,
            "FAX" => MessageKind.Fax,
            "SMS" => MessageKind.Sms,
            _ => null,
        };
        return kind is not null || text.Equals("Pager", StringComparison.OrdinalIgnoreCase);
    }
}
