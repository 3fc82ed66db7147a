using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace RingCentral.CallLog.Client.Api;

/// <summary>The filters of one call-log (or active-calls) listing, sent as the API names them.</summary>
internal sealed class CallLogQuery
{
    public CallLogScope Scope { get; set; } = CallLogScope.CurrentExtension;

    public DateTimeOffset? DateFrom { get; set; }

    public DateTimeOffset? DateTo { get; set; }

    public IReadOnlyList<string> Direction { get; set; } = Array.Empty<string>();

    public IReadOnlyList<string> Type { get; set; } = Array.Empty<string>();

    public IReadOnlyList<string> Transport { get; set; } = Array.Empty<string>();

    public string View { get; set; } = "Simple";

    public string? PhoneNumber { get; set; }

    public string? ExtensionNumber { get; set; }

    public string? SessionId { get; set; }

    public string? TelephonySessionId { get; set; }

    public string? RecordingType { get; set; }

    public bool ShowDeleted { get; set; }

    /// <summary>null: the API default (true). Only sent as false.</summary>
    public bool? ShowBlocked { get; set; }

    public int PerPage { get; set; } = 1000;

    /// <summary>E.164 without '+', as the API wants; spaces, dashes and brackets dropped.</summary>
    public static string NormalizePhoneNumber(string number) => new(number.Where(char.IsLetterOrDigit).ToArray());

    /// <summary>
    /// Every parameter this query sends, in the order it sends them: the one list both the query
    /// string and the checkpoint's filter description are made from, so a filter added here is
    /// seen by both.
    /// </summary>
    public IEnumerable<QueryParameter> Parameters(bool activeCalls = false)
    {
        if (!activeCalls)
        {
            if (DateFrom is not null)
            {
                yield return new QueryParameter("dateFrom", FormatTime(DateFrom)!, false);
            }

            if (DateTo is not null)
            {
                yield return new QueryParameter("dateTo", FormatTime(DateTo)!, false);
            }
        }

        foreach (var value in Direction)
        {
            yield return new QueryParameter("direction", value, true);
        }

        foreach (var value in Type)
        {
            yield return new QueryParameter("type", value, true);
        }

        foreach (var value in Transport)
        {
            yield return new QueryParameter("transport", value, true);
        }

        yield return new QueryParameter("view", View, false);
        if (!activeCalls)
        {
            var filters = new (string Name, string? Value)[]
            {
                ("phoneNumber", PhoneNumber is null ? null : NormalizePhoneNumber(PhoneNumber)),
                ("extensionNumber", ExtensionNumber),
                ("sessionId", SessionId),
                ("telephonySessionId", TelephonySessionId),
                ("recordingType", RecordingType),
                ("showDeleted", ShowDeleted ? "true" : null),
                ("showBlocked", ShowBlocked == false ? "false" : null),
            };
            foreach (var (name, value) in filters)
            {
                if (value is not null)
                {
                    yield return new QueryParameter(name, value, true);
                }
            }
        }

        yield return new QueryParameter("perPage", PerPage.ToString(CultureInfo.InvariantCulture), false);
    }

    public string ToQueryString(bool activeCalls = false)
    {
        var query = new StringBuilder();
        foreach (var parameter in Parameters(activeCalls))
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(parameter.Name).Append('=').Append(Uri.EscapeDataString(parameter.Value));
        }

        return query.ToString();
    }

    /// <summary>UTC ISO 8601 with milliseconds, e.g. 2026-11-01T07:00:00.000Z.</summary>
    public static string? FormatTime(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
