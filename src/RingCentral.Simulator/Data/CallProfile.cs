namespace RingCentral.Simulator.Data;

/// <summary>When the simulated account's calls come (--profile).</summary>
public enum CallProfile
{
    /// <summary>An office: weekdays 8–18 in the account's zone, peaks mid-morning and mid-afternoon, a lunch dip, a trickle outside.</summary>
    Office,

    /// <summary>A contact center: longer hours, Saturdays, more inbound calls and more calls that ring a queue.</summary>
    ContactCenter,

    /// <summary>Every hour alike and every extension alike: the unshaped data of earlier versions, record for record.</summary>
    AroundTheClock,
}

/// <summary>The names --profile takes.</summary>
internal static class CallProfileNames
{
    public static CallProfile Parse(string text) => text.ToLowerInvariant() switch
    {
        "office" => CallProfile.Office,
        "contact-center" => CallProfile.ContactCenter,
        "24x7" => CallProfile.AroundTheClock,
        _ => throw new FormatException($"--profile '{text}' is not office, contact-center or 24x7."),
    };
}
