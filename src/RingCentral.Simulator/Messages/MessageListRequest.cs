using System.Globalization;
using Microsoft.Extensions.Primitives;
using RingCentral.Simulator.Data;
using RingCentral.Simulator.Endpoints;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Messages;

/// <summary>
/// The validated query of <c>listMessages</c>: <c>dateFrom</c> (default <c>dateTo</c> − 24 h), <c>dateTo</c>
/// (default now), <c>messageType</c>, <c>direction</c>, <c>availability</c> (default Alive), <c>readStatus</c>
/// (each repeated or comma-separated), <c>phoneNumber</c>, <c>conversationId</c>, <c>page</c>, <c>perPage</c>
/// (default 100, above 1000 means 1000). A value that is not valid is refused: 400 CMN-101 naming it.
/// </summary>
internal sealed record MessageListRequest(MessageFilter Filter, int Page, int PerPage)
{
    private static readonly string[] AvailabilityValues = ["Alive", "Deleted", "Purged"];
    private static readonly string[] ReadStatusValues = ["Read", "Unread"];

    public static MessageListRequest Parse(HttpRequest req, Extension owner, DateTimeOffset now)
    {
        var q = req.Query;
        var perPage = 100;
        if (q["perPage"].ToString() is { Length: > 0 } pp)
        {
            if (!long.TryParse(pp, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1) throw Invalid(q, "perPage");
            perPage = (int)Math.Min(n, 1000);
        }
        var page = 1;
        if (q["page"].ToString() is { Length: > 0 } p && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1)) throw Invalid(q, "page");

        var dateTo = now;
        if (q["dateTo"].ToString() is { Length: > 0 } t && !ListRequest.TryParseDate(t, out dateTo)) throw Invalid(q, "dateTo");
        var dateFrom = dateTo.AddHours(-24);
        if (q["dateFrom"].ToString() is { Length: > 0 } f && !ListRequest.TryParseDate(f, out dateFrom)) throw Invalid(q, "dateFrom");

        HashSet<MessageKind>? kinds = null;
        var pager = false;
        foreach (var v in Values(q["messageType"]))
        {
            if (!MessageKinds.TryParse(v, out var kind)) throw Invalid(q, "messageType");
            kinds ??= [];
            if (kind is MessageKind k) kinds.Add(k); else pager = true;
        }
        bool? inbound = null;
        var directions = Values(q["direction"]).Select(v => v.Equals("Inbound", StringComparison.OrdinalIgnoreCase) ? true
            : v.Equals("Outbound", StringComparison.OrdinalIgnoreCase) ? false : throw Invalid(q, "direction")).Distinct().ToList();
        if (directions.Count == 1) inbound = directions[0];
        var availability = Known(q, "availability", AvailabilityValues) ?? new HashSet<string>(StringComparer.Ordinal) { "Alive" };
        var readStatus = Known(q, "readStatus", ReadStatusValues);
        long? conversation = null;
        if (q["conversationId"].ToString() is { Length: > 0 } c)
        {
            // An id that is not a number matches nothing.
            conversation = long.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var cid) ? cid : -1;
        }
        var phone = q["phoneNumber"].ToString();
        var filter = new MessageFilter
        {
            Owner = owner, FromMs = dateFrom.ToUnixTimeMilliseconds(), ToMs = dateTo.ToUnixTimeMilliseconds(),
            Kinds = kinds, OnlyPager = pager && kinds is { Count: 0 }, Inbound = inbound, Availability = availability, ReadStatus = readStatus,
            PhoneDigits = phone.Length == 0 ? null : MessageFilter.Digits(phone), ConversationId = conversation,
        };
        return new MessageListRequest(filter, page, perPage);
    }

    /// <summary>The values of a multi-valued parameter: repeated keys and comma-separated lists alike.</summary>
    private static IEnumerable<string> Values(StringValues values)
        => values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The set of given values in their canonical spelling; null when the parameter is absent.</summary>
    private static HashSet<string>? Known(IQueryCollection q, string name, string[] allowed)
    {
        HashSet<string>? set = null;
        foreach (var v in Values(q[name]))
        {
            var canonical = allowed.FirstOrDefault(a => a.Equals(v, StringComparison.OrdinalIgnoreCase)) ?? throw Invalid(q, name);
            (set ??= new HashSet<string>(StringComparer.Ordinal)).Add(canonical);
        }
        return set;
    }

    private static Refusal Invalid(IQueryCollection q, string name) => new(400, ErrorBodies.InvalidParameter(name, q[name].ToString()));
}
