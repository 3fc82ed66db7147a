using System.Globalization;
using RingCentral.Simulator.Data;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Endpoints;

/// <summary>The validated query of a list request: filter, view and paging. Errors come back as a ready body.</summary>
internal sealed record ListRequest(CallFilter Filter, bool Detailed, int PerPage, int Page, string CacheKey)
{
    private static readonly string[] SessionIdCompanions =
        ["dateFrom", "dateTo", "direction", "type", "transport", "phoneNumber", "extensionNumber", "telephonySessionId", "recordingType", "withRecording"];

    public static (ListRequest? Request, int Status, byte[]? Error) Parse(HttpRequest req, Extension? owner, DateTimeOffset now, bool callLog)
    {
        var q = req.Query;
        byte[] Invalid(string name) => ErrorBodies.InvalidParameter(name, q[name].ToString());

        var view = q["view"].ToString();
        var detailed = false;
        if (view.Length > 0)
        {
            if (view.Equals("Detailed", StringComparison.OrdinalIgnoreCase)) detailed = true;
            else if (!view.Equals("Simple", StringComparison.OrdinalIgnoreCase)) return (null, 400, Invalid("view"));
        }

        var perPage = 100;
        var perPageText = q["perPage"].ToString();
        if (perPageText.Length > 0)
        {
            if (perPageText.Equals("max", StringComparison.OrdinalIgnoreCase)) perPage = 1000;
            else if (long.TryParse(perPageText, NumberStyles.None, CultureInfo.InvariantCulture, out var pp) && pp >= 1) perPage = (int)Math.Min(pp, 1000);
            else return (null, 400, Invalid("perPage"));
        }
        var page = 1;
        var pageText = q["page"].ToString();
        if (pageText.Length > 0 && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            return (null, 400, Invalid("page"));
        }

        bool? inbound = null, fax = null, pstn = null;
        if (!Enum2(q["direction"], "Inbound", "Outbound", ref inbound)) return (null, 400, Invalid("direction"));
        if (!Enum2(q["type"], "Fax", "Voice", ref fax)) return (null, 400, Invalid("type"));
        if (!Enum2(q["transport"], "PSTN", "VoIP", ref pstn)) return (null, 400, Invalid("transport"));

        var filter = new CallFilter { Owner = owner, Inbound = inbound, Fax = fax, Pstn = pstn };
        if (!callLog)
        {
            return (new ListRequest(filter, detailed, perPage, page, ""), 200, null);
        }

        var dateTo = now;
        var toGiven = q["dateTo"].ToString() is { Length: > 0 };
        if (toGiven && !TryDate(q["dateTo"].ToString(), out dateTo)) return (null, 400, Invalid("dateTo"));
        var dateFrom = dateTo.AddHours(-24);
        var fromGiven = q["dateFrom"].ToString() is { Length: > 0 };
        if (fromGiven && !TryDate(q["dateFrom"].ToString(), out dateFrom)) return (null, 400, Invalid("dateFrom"));

        var sessionText = q["sessionId"].ToString();
        long? sessionId = null;
        if (sessionText.Length > 0)
        {
            foreach (var other in SessionIdCompanions)
            {
                if (q.ContainsKey(other))
                {
                    var msg = $"Parameter [sessionId] is not allowed for usage along with parameter [{other}]";
                    return (null, 400, ErrorBodies.Api("InvalidParameter", "CLG-110", msg, "sessionId", sessionText));
                }
            }
            // An unknown (non-numeric) session id simply matches nothing.
            sessionId = long.TryParse(sessionText, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : -1;
        }

        string? recordingType = null;
        var rt = q["recordingType"].ToString();
        if (rt.Length > 0)
        {
            recordingType = rt switch
            {
                _ when rt.Equals("Automatic", StringComparison.OrdinalIgnoreCase) => "Automatic",
                _ when rt.Equals("OnDemand", StringComparison.OrdinalIgnoreCase) => "OnDemand",
                _ when rt.Equals("All", StringComparison.OrdinalIgnoreCase) => "All",
                _ => null,
            };
            if (recordingType is null) return (null, 400, Invalid("recordingType"));
        }
        else if (q["withRecording"].ToString() is { Length: > 0 } wr)
        {
            // Deprecated; only used when recordingType is absent.
            if (!bool.TryParse(wr, out var with)) return (null, 400, Invalid("withRecording"));
            if (with) recordingType = "All";
        }

        var showDeleted = false;
        if (q["showDeleted"].ToString() is { Length: > 0 } sd && !bool.TryParse(sd, out showDeleted)) return (null, 400, Invalid("showDeleted"));
        var showBlocked = true;
        if (q["showBlocked"].ToString() is { Length: > 0 } sb && !bool.TryParse(sb, out showBlocked)) return (null, 400, Invalid("showBlocked"));

        var phone = q["phoneNumber"].ToString();
        var phoneDigits = phone.Length == 0 ? null : phone.TrimStart('+');
        var extensionNumber = q["extensionNumber"].ToString();
        var tsid = q["telephonySessionId"].ToString();

        filter = filter with
        {
            FromMs = dateFrom.ToUnixTimeMilliseconds(),
            ToMs = dateTo.ToUnixTimeMilliseconds(),
            PhoneDigits = phoneDigits,
            ExtensionNumber = extensionNumber.Length == 0 ? null : extensionNumber,
            SessionId = sessionId,
            TelephonySessionId = tsid.Length == 0 ? null : tsid,
            RecordingType = recordingType,
            ShowDeleted = showDeleted,
            ShowBlocked = showBlocked,
            IgnoreDates = sessionId is not null,
        };
        // The cache key is the filter itself (a record with value equality) printed; view and paging do not change the list.
        // A defaulted dateTo ("now") moves with every request; key it as "now" so the following pages reuse the
        // list computed for the first one (the cache keeps it at most 30 s).
        var keyFilter = filter with { FromMs = fromGiven ? filter.FromMs : toGiven ? filter.FromMs : 0, ToMs = toGiven ? filter.ToMs : 0 };
        var key = keyFilter.ToString() + "|" + (owner?.Id ?? "*");
        return (new ListRequest(filter, detailed, perPage, page, key), 200, null);
    }

    /// <summary>Parses a repeated two-valued enum parameter: returns false on an unknown value.</summary>
    private static bool Enum2(Microsoft.Extensions.Primitives.StringValues values, string trueValue, string falseValue, ref bool? result)
    {
        bool sawTrue = false, sawFalse = false;
        foreach (var raw in values)
        {
            foreach (var v in (raw ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (v.Equals(trueValue, StringComparison.OrdinalIgnoreCase)) sawTrue = true;
                else if (v.Equals(falseValue, StringComparison.OrdinalIgnoreCase)) sawFalse = true;
                else return false;
            }
        }
        result = sawTrue == sawFalse ? null : sawTrue;
        return true;
    }

    private static bool TryDate(string text, out DateTimeOffset value)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
