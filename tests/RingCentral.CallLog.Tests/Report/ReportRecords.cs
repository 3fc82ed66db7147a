using RingCentral.CallLog;

namespace RingCentral.CallLog.Tests.Report;

/// <summary>Call log records for the report tests, made the way the JSON mapper fills them.</summary>
internal static class ReportRecords
{
    public static readonly string[] InboundResults = { "Accepted", "Missed", "Voicemail", "Busy", "Blocked", "Abandoned", "No Answer", "Rejected", "Hang Up", "Received" };
    public static readonly string[] OutboundResults = { "Call connected", "No Answer", "Busy", "Wrong Number", "Hang Up", "Sent" };

    public static CallLogRecord Call(
        string id,
        DateTimeOffset start,
        string? direction = "Inbound",
        string? result = "Accepted",
        int? duration = 60,
        string? extensionId = "1001",
        string? recordingId = null,
        bool deleted = false)
    {
        var inbound = direction == "Inbound";
        return new CallLogRecord
        {
            Id = id,
            StartTime = start,
            Direction = direction,
            Result = result,
            Duration = duration,
            ExtensionId = extensionId,
            ToExtensionId = inbound ? extensionId : null,
            FromExtensionId = inbound ? null : extensionId,
            ToName = inbound ? "Ext " + extensionId : "Someone",
            ToExtensionNumber = inbound ? extensionId : null,
            FromPhoneNumber = inbound ? "+15550001111" : null,
            FromName = inbound ? null : "Ext " + extensionId,
            RecordingId = recordingId,
            Deleted = deleted,
            Uri = "https://platform.example/restapi/v1.0/account/400700/call-log/" + id,
        };
    }

    /// <summary>A reproducible mix of directions, results, durations, extensions, recordings and deleted records.</summary>
    public static IEnumerable<CallLogRecord> Random(int count, int seed, DateTimeOffset end)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            var direction = roll < 0.55 ? "Inbound" : roll < 0.98 ? "Outbound" : null;
            var results = direction == "Inbound" ? InboundResults : OutboundResults;
            var result = random.NextDouble() < 0.01 ? null : results[random.Next(results.Length)];
            int? duration = random.NextDouble() < 0.02 ? null : (int)Math.Min(4000, -Math.Log(1 - random.NextDouble()) * 200);
            yield return Call(
                "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                end.AddSeconds(-random.Next(0, 14 * 86400)),
                direction,
                result,
                duration,
                (1000 + random.Next(0, 14)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                random.NextDouble() < 0.3 ? (9000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                random.NextDouble() < 0.02);
        }
    }
}
