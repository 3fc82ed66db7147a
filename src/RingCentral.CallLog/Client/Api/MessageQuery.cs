using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace RingCentral.CallLog.Client.Api;

/// <summary>The filters of one message-store listing (listMessages), sent as the API names them.</summary>
internal sealed class MessageQuery
{
    public MessageQuery(string extensionId, DateTimeOffset dateFrom)
    {
        ExtensionId = extensionId;
        DateFrom = dateFrom;
    }

    /// <summary>An extension id, or '~' for the signed-in user's own.</summary>
    public string ExtensionId { get; }

    /// <summary>
    /// Always sent: without it RingCentral lists only the 24 hours before dateTo, and a listing
    /// that silently covers one day is the loss an archive must not have.
    /// </summary>
    public DateTimeOffset DateFrom { get; }

    public DateTimeOffset? DateTo { get; set; }

    public IReadOnlyList<string> MessageType { get; set; } = Array.Empty<string>();

    public IReadOnlyList<string> Direction { get; set; } = Array.Empty<string>();

    public IReadOnlyList<string> Availability { get; set; } = Array.Empty<string>();

    public int PerPage { get; set; } = MessageApi.MaxPageSize;

    public string ToQueryString()
    {
        var query = new StringBuilder();
        void Add(string name, string value) => query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));

        Add("dateFrom", CallLogQuery.FormatTime(DateFrom)!);
        if (DateTo is not null)
        {
            Add("dateTo", CallLogQuery.FormatTime(DateTo)!);
        }

        // Array filters are repeated, one value each (messageType=VoiceMail&messageType=Fax).
        foreach (var value in MessageType)
        {
            Add("messageType", value);
        }

        foreach (var value in Direction)
        {
            Add("direction", value);
        }

        foreach (var value in Availability)
        {
            Add("availability", value);
        }

        Add("perPage", PerPage.ToString(CultureInfo.InvariantCulture));
        return query.ToString();
    }
}
