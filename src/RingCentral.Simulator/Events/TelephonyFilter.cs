using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using RingCentral.Simulator.Data;

namespace RingCentral.Simulator.Events;

/// <summary>
/// One telephony session event filter of a subscription: account level
/// (/restapi/v1.0/account/~/telephony/sessions) or one extension's
/// (/restapi/v1.0/account/~/extension/{id|~}/telephony/sessions), narrowed by the documented query
/// parameters (statusCode, direction, missedCall, withRecordings, phoneNumber).
/// </summary>
internal sealed class TelephonyFilter
{
    private const string AccountPrefix = "/restapi/v1.0/account/";
    private const string Suffix = "/telephony/sessions";

    private TelephonyFilter(string text, string eventUri, Extension? extension)
    {
        Text = text;
        EventUri = eventUri;
        Extension = extension;
    }

    /// <summary>The filter as the client sent it.</summary>
    public string Text { get; }

    /// <summary>The filter with real ids, as a notification's "event" names it.</summary>
    public string EventUri { get; }

    /// <summary>Null at account level.</summary>
    public Extension? Extension { get; }

    public string? StatusCode { get; private init; }
    public bool? Inbound { get; private init; }
    public bool? MissedCall { get; private init; }
    public bool WithRecordings { get; private init; }
    public string? PhoneNumber { get; private init; }

    /// <summary>
    /// The filter, or why it cannot be had: <paramref name="refusal"/> is (reason, message) for
    /// disabledFilters, or null with a null result when the text is not a telephony session filter at all.
    /// </summary>
    public static TelephonyFilter? Parse(string text, SimulatorState sim, Extension caller, bool callControl, out (string Reason, string Message)? refusal)
    {
        refusal = null;
        var question = text.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? text : text[..question];
        var query = question < 0 ? new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>() : QueryHelpers.ParseQuery(text[question..]);
        if (!path.StartsWith(AccountPrefix, StringComparison.Ordinal) || !path.EndsWith(Suffix, StringComparison.Ordinal)) return null;
        var middle = path[AccountPrefix.Length..^Suffix.Length].Split('/');
        if (middle[0] != "~" && middle[0] != sim.AccountId) return null;
        Extension? extension = null;
        if (middle.Length == 3 && middle[1] == "extension")
        {
            extension = middle[2] == "~" ? caller : sim.FindExtension(middle[2]);
            if (extension is null)
            {
                refusal = ("NotFound", $"Extension {middle[2]} does not exist.");
                return null;
            }
        }
        else if (middle.Length != 1)
        {
            return null;
        }

        if (!callControl)
        {
            refusal = ("Permission", "The app has no [CallControl] permission, which telephony session notifications require.");
            return null;
        }

        if ((extension is null || !ReferenceEquals(extension, caller)) && !caller.IsAdmin)
        {
            refusal = ("Permission", extension is null ? "Account-level telephony session events need an administrator." : "Events of another extension need an administrator.");
            return null;
        }

        bool? Flag(string name) => query.TryGetValue(name, out var v) && bool.TryParse(v.ToString(), out var b) ? b : null;
        var direction = query.TryGetValue("direction", out var d) ? d.ToString() : null;
        var eventUri = extension is null
            ? string.Create(CultureInfo.InvariantCulture, $"{AccountPrefix}{sim.AccountId}{Suffix}")
            : string.Create(CultureInfo.InvariantCulture, $"{AccountPrefix}{sim.AccountId}/extension/{extension.Id}{Suffix}");
        if (question >= 0) eventUri += text[question..];
        return new TelephonyFilter(text, eventUri, extension)
        {
            StatusCode = query.TryGetValue("statusCode", out var s) ? s.ToString() : null,
            Inbound = direction is null ? null : direction.Equals("Inbound", StringComparison.OrdinalIgnoreCase),
            MissedCall = Flag("missedCall"),
            WithRecordings = Flag("withRecordings") ?? false,
            PhoneNumber = query.TryGetValue("phoneNumber", out var p) ? p.ToString() : null,
        };
    }

    public bool Matches(TelephonyPartyEvent e) =>
        (Extension is null || ReferenceEquals(Extension, e.Owner))
        && (StatusCode is null || string.Equals(StatusCode, e.StatusCode, StringComparison.Ordinal))
        && (Inbound is null || Inbound == e.Inbound)
        && (MissedCall is null || MissedCall == e.MissedCall)
        && (!WithRecordings || e.RecordingIds.Count > 0)
        && (PhoneNumber is null || PhoneNumber == e.From.PhoneNumber || PhoneNumber == e.To.PhoneNumber);
}
