using System.Globalization;
using RingCentral.Simulator.Data;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Endpoints;

/// <summary>The validated query of a list request: filter, view and paging. A parameter that is not valid is refused (400 naming it).</summary>
internal sealed record ListRequest(CallFilter Filter, bool Detailed, int PerPage, int Page, string CacheKey)
{
    private static readonly string[] SessionIdCompanions =
        ["dateFrom", "dateTo", "direction", "type", "transport", "phoneNumber", "extensionNumber", "telephonySessionId", "recordingType", "withRecording"];

    /// <summary>The <c>view</c> parameter of lists and records by id: true for Detailed; Simple or none is false.</summary>
    public static bool ParseView(IQueryCollection q)
    {
        var view = q["view"].ToString();
        if (view.Length == 0 || view.Equals("Simple", StringComparison.OrdinalIgnoreCase)) return false;
        return view.Equals("Detailed", StringComparison.OrdinalIgnoreCase) ? true : throw Invalid(q, "view");
    }

    public static ListRequest Parse(HttpRequest req, Extension? owner, DateTimeOffset now, bool callLog)
    {
        var q = req.Query;
        var detailed = ParseView(q);

        var perPage = 100;
        var perPageText = q["perPage"].ToString();
        if (perPageText.Length > 0)
        {
            if (perPageText.Equals("max", StringComparison.OrdinalIgnoreCase)) perPage = 1000;
            else if (long.TryParse(perPageText, NumberStyles.None, CultureInfo.InvariantCulture, out var pp) && pp >= 1) perPage = (int)Math.Min(pp, 1000);
            else throw Invalid(q, "perPage");
        }
        var page = 1;
        var pageText = q["page"].ToString();
        if (pageText.Length > 0 && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            throw Invalid(q, "page");
        }

        bool? inbound = null, fax = null, pstn = null;
        if (!TryParseEither(q["direction"], "Inbound", "Outbound", ref inbound)) throw Invalid(q, "direction");
        if (!TryParseEither(q["type"], "Fax", "Voice", ref fax)) throw Invalid(q, "type");
        if (!TryParseEither(q["transport"], "PSTN", "VoIP", ref pstn)) throw Invalid(q, "transport");

        var filter = new CallFilter { Owner = owner, Inbound = inbound, Fax = fax, Pstn = pstn };
        if (!callLog)
        {
            return new ListRequest(filter, detailed, perPage, page, "");
        }

        var dateTo = now;
        var toGiven = q["dateTo"].ToString() is { Length: > 0 };
        if (toGiven && !TryParseDate(q["dateTo"].ToString(), out dateTo)) throw Invalid(q, "dateTo");
        var dateFrom = dateTo.AddHours(-24);
        var fromGiven = q["dateFrom"].ToString() is { Length: > 0 };
        if (fromGiven && !TryParseDate(q["dateFrom"].ToString(), out dateFrom)) throw Invalid(q, "dateFrom");

        var sessionText = q["sessionId"].ToString();
        long? sessionId = null;
        if (sessionText.Length > 0)
        {
            foreach (var other in SessionIdCompanions)
            {
                if (q.ContainsKey(other))
                {
                    var msg = $"Parameter [sessionId] is not allowed for usage along with parameter [{other}]";
                    throw new Refusal(400, ErrorBodies.Api("InvalidParameter", "CLG-110", msg, "sessionId", sessionText));
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
            if (recordingType is null) throw Invalid(q, "recordingType");
        }
        else if (q["withRecording"].ToString() is { Length: > 0 } wr)
        {
            // Deprecated; only used when recordingType is absent.
            if (!bool.TryParse(wr, out var with)) throw Invalid(q, "withRecording");
            if (with) recordingType = "All";
        }

        var showDeleted = false;
        if (q["showDeleted"].ToString() is { Length: > 0 } sd && !bool.TryParse(sd, out showDeleted)) throw Invalid(q, "showDeleted");
        var showBlocked = true;
        if (q["showBlocked"].ToString() is { Length: > 0 } sb && !bool.TryParse(sb, out showBlocked)) throw Invalid(q, "showBlocked");

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
        return new ListRequest(filter, detailed, perPage, page, key);
    }

    /// <summary>Parses a two-valued parameter, repeated or comma-separated: true, false, or null (both or neither given); false on an unknown value.</summary>
    private static bool TryParseEither(Microsoft.Extensions.Primitives.StringValues values, string trueValue, string falseValue, ref bool? result)
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

    private static Refusal Invalid(IQueryCollection q, string name) => new(400, ErrorBodies.InvalidParameter(name, q[name].ToString()));

    /// <summary>An ISO 8601 date and time; without an offset it is UTC.</summary>
    public static bool TryParseDate(string text, out DateTimeOffset value)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
