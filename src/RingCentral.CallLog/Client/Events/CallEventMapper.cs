using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using RingCentral.CallLog.Json;

namespace RingCentral.CallLog.Client.Events;

/// <summary>A ServerNotification's telephony session payload → one <see cref="RcCallEvent"/> per party.</summary>
internal static class CallEventMapper
{
    public static IEnumerable<RcCallEvent> Map(JsonElement payload, DateTime receivedTime)
    {
        if (payload.ValueKind != JsonValueKind.Object || !payload.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        var subscriptionId = Text(payload, "subscriptionId");
        if (!body.TryGetProperty("parties", out var parties) || parties.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var party in parties.EnumerateArray())
        {
            if (party.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var status = Object(party, "status");
            var from = Object(party, "from");
            var to = Object(party, "to");
            yield return new RcCallEvent
            {
                EventTime = ModelMapper.ParseTime(Text(body, "eventTime"))?.UtcDateTime,
                ReceivedTime = receivedTime,
                TelephonySessionId = Text(body, "telephonySessionId"),
                SessionId = Text(body, "sessionId"),
                Sequence = Number(body, "sequence"),
                PartyId = Text(party, "id"),
                Status = Text(status, "code"),
                Reason = Text(status, "reason"),
                Direction = Text(party, "direction"),
                MissedCall = Flag(party, "missedCall"),
                ExtensionId = Text(party, "extensionId"),
                AccountId = Text(party, "accountId"),
                FromPhoneNumber = Text(from, "phoneNumber"),
                FromName = Text(from, "name"),
                FromExtensionId = Text(from, "extensionId"),
                ToPhoneNumber = Text(to, "phoneNumber"),
                ToName = Text(to, "name"),
                ToExtensionId = Text(to, "extensionId"),
                OriginType = Text(Object(body, "origin"), "type"),
                RecordingIds = string.Join(" ", Recordings(party)),
                ServerId = Text(body, "serverId"),
                SubscriptionId = subscriptionId,
            };
        }
    }

    private static IEnumerable<string> Recordings(JsonElement party) =>
        party.TryGetProperty("recordings", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(r => Text(r, "id")).Where(id => !string.IsNullOrEmpty(id)).Select(id => id!)
            : Enumerable.Empty<string>();

    private static JsonElement Object(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    // Ids come as strings or numbers depending on the server: both read as the same text.
    internal static string? Text(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    private static long? Number(JsonElement parent, string name) =>
        long.TryParse(Text(parent, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static bool? Flag(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean() : null;
}
