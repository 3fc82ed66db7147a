using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Json;

namespace RingCentral.CallLog.Client.Api;

/// <summary>
/// RingCentral's account-wide message store export (Message Store Exports): create a task, read its
/// state, list its archives. Every request is Heavy (<see cref="RouteKeys.MessageStoreExport"/>); the
/// zips themselves are downloaded by the content engine. Knows RingCentral's paths; nothing of PowerShell.
/// </summary>
internal sealed class MessageStoreExportApi
{
    public const string Path = "/restapi/v1.0/account/~/message-store-report";

    private readonly RcHttpCore _core;

    public MessageStoreExportApi(RcHttpCore core)
    {
        _core = core;
    }

    /// <summary>Creates the task for the period (and message types, when given). A user without an admin role is refused: PermissionDenied with <see cref="RcRemedy.AdminForAccountExport"/>.</summary>
    public async Task<MessageStoreExportTask> CreateAsync(DateTimeOffset dateFrom, DateTimeOffset dateTo, IReadOnlyList<string> messageTypes, IRcEvents events, CancellationToken cancellationToken)
    {
        var body = Body(dateFrom, dateTo, messageTypes);
        var request = new RcRequest(HttpMethod.Post, _core.Server.Resolve(Path), RouteKeys.MessageStoreExport)
        {
            // Set on every attempt: a retried request needs its own content.
            Configure = m => m.Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        try
        {
            return await _core.SendAsync(request, ReadTaskAsync, events, cancellationToken).ConfigureAwait(false);
        }
        catch (RcApiException ex) when (ex.Kind == RcErrorKind.PermissionDenied && ex.Remedy == RcRemedy.None)
        {
            throw new RcApiException(RcErrorKind.PermissionDenied, "RingCentral refused the account-wide message store export: " + ex.Message, ex)
            {
                StatusCode = ex.StatusCode,
                ErrorCode = ex.ErrorCode,
                ServerMessage = ex.ServerMessage,
                RequestId = ex.RequestId,
                RateLimit = ex.RateLimit,
                Request = ex.Request,
                Remedy = RcRemedy.AdminForAccountExport,
            };
        }
    }

    public Task<MessageStoreExportTask> GetAsync(string taskId, IRcEvents events, CancellationToken cancellationToken)
    {
        var request = new RcRequest(HttpMethod.Get, _core.Server.Resolve(Path + "/" + Uri.EscapeDataString(taskId)), RouteKeys.MessageStoreExport);
        return _core.SendAsync(request, ReadTaskAsync, events, cancellationToken);
    }

    /// <summary>The archives of a completed task, in number order (the message lists first).</summary>
    public Task<IReadOnlyList<MessageStoreExportArchive>> ListArchivesAsync(string taskId, IRcEvents events, CancellationToken cancellationToken)
    {
        var request = new RcRequest(HttpMethod.Get, _core.Server.Resolve(Path + "/" + Uri.EscapeDataString(taskId) + "/archive"), RouteKeys.MessageStoreExport);
        return _core.SendAsync(request, ReadArchivesAsync, events, cancellationToken);
    }

    internal static string Body(DateTimeOffset dateFrom, DateTimeOffset dateTo, IReadOnlyList<string> messageTypes)
    {
        using var buffer = new System.IO.MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("dateFrom", dateFrom.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteString("dateTo", dateTo.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            if (messageTypes.Count > 0)
            {
                w.WriteStartArray("messageTypes");
                foreach (var type in messageTypes)
                {
                    w.WriteStringValue(type);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static MessageStoreExportTask ParseTask(string body, string where)
    {
        try
        {
            using var doc = JsonDocument.Parse(body, WireJson.DocumentOptions);
            var root = doc.RootElement;
            var id = root.ValueKind == JsonValueKind.Object ? Text(root, "id") : null;
            var status = root.ValueKind == JsonValueKind.Object ? Text(root, "status") : null;
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(status))
            {
                throw new RcApiException(RcErrorKind.ResponseInvalid, $"The export task from {where} has no id or status.");
            }

            return new MessageStoreExportTask
            {
                Id = id!,
                Status = status!,
                StartTime = Time(root, "startTime"),
                FinishTime = Time(root, "finishTime"),
            };
        }
        catch (JsonException ex)
        {
            throw new RcApiException(RcErrorKind.ResponseInvalid, $"The export task from {where} is not JSON: {ex.Message}", ex);
        }
    }

    internal static IReadOnlyList<MessageStoreExportArchive> ParseArchives(string body, string where)
    {
        try
        {
            using var doc = JsonDocument.Parse(body, WireJson.DocumentOptions);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array)
            {
                // No list is no "no archives": the export would end with nothing saved and no word of it.
                throw new RcApiException(RcErrorKind.ResponseInvalid, $"The archive list from {where} has no 'records' list.");
            }

            var archives = new List<MessageStoreExportArchive>();
            foreach (var record in records.EnumerateArray())
            {
                var text = record.ValueKind == JsonValueKind.Object ? Text(record, "uri") : null;
                if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                {
                    throw new RcApiException(RcErrorKind.ResponseInvalid, $"An archive in the list from {where} has no usable uri ('{UrlText.Of(text)}').");
                }

                var last = uri.AbsolutePath.TrimEnd('/').Split('/').Last();
                var number = int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : archives.Count;
                long? size = record.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var bytes) ? bytes : null;
                archives.Add(new MessageStoreExportArchive(number, size, uri));
            }

            if (archives.Select(a => a.Number).Distinct().Count() != archives.Count)
            {
                throw new RcApiException(RcErrorKind.ResponseInvalid, $"The archive list from {where} names one archive number twice.");
            }

            return archives.OrderBy(a => a.Number).ToList();
        }
        catch (JsonException ex)
        {
            throw new RcApiException(RcErrorKind.ResponseInvalid, $"The archive list from {where} is not JSON: {ex.Message}", ex);
        }
    }

    private static async Task<MessageStoreExportTask> ReadTaskAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        ParseTask(await RcHttpCore.ReadBodyAsync(response, cancellationToken).ConfigureAwait(false), UrlText.Of(response.RequestMessage?.RequestUri));

    private static async Task<IReadOnlyList<MessageStoreExportArchive>> ReadArchivesAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        ParseArchives(await RcHttpCore.ReadBodyAsync(response, cancellationToken).ConfigureAwait(false), UrlText.Of(response.RequestMessage?.RequestUri));

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateTimeOffset? Time(JsonElement e, string name) =>
        DateTimeOffset.TryParse(Text(e, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
