using System;
using System.Collections.Generic;
using System.Linq;

namespace RingCentral.CallLog.Client.Events;

/// <summary>
/// The telephony session event filters of one watch: the account, or each extension, times each
/// status code (RingCentral takes one statusCode per filter), with the same direction, missedCall
/// and withRecordings on every filter.
/// </summary>
internal sealed class CallEventFilters
{
    private static readonly string[] AccountOnly = { "/restapi/v1.0/account/~/telephony/sessions" };
    private static readonly string[] CurrentExtension = { "~" };

    public bool Account { get; init; }

    /// <summary>Extension ids ("~" is the signed-in user's); none and not <see cref="Account"/> means "~".</summary>
    public IReadOnlyList<string> ExtensionIds { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Statuses { get; init; } = Array.Empty<string>();

    /// <summary>Inbound or Outbound; null for both.</summary>
    public string? Direction { get; init; }

    public bool MissedCallOnly { get; init; }

    public bool WithRecordingsOnly { get; init; }

    public IReadOnlyList<string> Build()
    {
        var extensions = ExtensionIds.Count == 0 ? CurrentExtension : ExtensionIds.Distinct(StringComparer.Ordinal);
        var bases = Account ? AccountOnly
            : extensions.Select(id => "/restapi/v1.0/account/~/extension/" + id + "/telephony/sessions").ToArray();
        var shared = new List<string>();
        if (Direction is not null)
        {
            shared.Add("direction=" + Uri.EscapeDataString(Direction));
        }

        if (MissedCallOnly)
        {
            shared.Add("missedCall=true");
        }

        if (WithRecordingsOnly)
        {
            shared.Add("withRecordings=true");
        }

        var statuses = Statuses.Count == 0 ? new string?[] { null } : Statuses.Distinct(StringComparer.Ordinal).Select(s => (string?)s);
        return (from b in bases
                from s in statuses
                let query = (s is null ? shared : shared.Prepend("statusCode=" + Uri.EscapeDataString(s))).ToList()
                select query.Count == 0 ? b : b + "?" + string.Join("&", query)).ToList();
    }
}
