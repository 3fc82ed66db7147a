using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Json;

namespace RingCentral.CallLog.Client.Api;

/// <summary>Call log, active calls and batches by id. Knows RingCentral's paths; nothing of PowerShell.</summary>
internal sealed class CallLogApi
{
    /// <summary>RingCentral's limit of ids per batch request.</summary>
    public const int MaxBatchSize = 50;

    private readonly RcHttpCore _core;

    public CallLogApi(RcHttpCore core)
    {
        _core = core;
    }

    public Uri FirstPageUri(CallLogQuery query) => _core.Server.Resolve(query.Scope.BasePath + "/call-log" + query.ToQueryString());

    public Uri FirstActiveCallsPageUri(CallLogQuery query) => _core.Server.Resolve(query.Scope.BasePath + "/active-calls" + query.ToQueryString(activeCalls: true));

    /// <summary>Fetches one page. The next page's URI is used exactly as the server gave it.</summary>
    public Task<CallLogPage> GetPageAsync(Uri uri, string routeKey, bool raw, IRcEvents events, CancellationToken cancellationToken)
    {
        var request = new RcRequest(HttpMethod.Get, uri, routeKey);
        return _core.SendAsync<CallLogPage>(request, raw ? ReadRawPageAsync : ReadPageAsync, events, cancellationToken);
    }

    /// <summary>
    /// RingCentral's clock: the Date of a light request's answer (who am I), taken before a
    /// checkpointed run fixes its window. Null when the answer carries no Date.
    /// </summary>
    public Task<DateTimeOffset?> GetServerDateAsync(IRcEvents events, CancellationToken cancellationToken)
    {
        var request = new RcRequest(HttpMethod.Get, _core.Server.Resolve("/restapi/v1.0/account/~/extension/~"), RouteKeys.Identity);
        return _core.SendAsync<DateTimeOffset?>(request, (response, _) => Task.FromResult(response.Headers.Date), events, cancellationToken);
    }

    /// <summary>
    /// Fetches up to <see cref="MaxBatchSize"/> records by id: one id is a plain GET, several go
    /// comma-separated in one request answered with 207 multipart/mixed. Results keep the input order.
    /// </summary>
    public Task<IReadOnlyList<BatchItem>> GetByIdsAsync(IReadOnlyList<string> ids, CallLogScope scope, string view, bool raw, IRcEvents events, CancellationToken cancellationToken)
    {
        if (ids.Count == 0 || ids.Count > MaxBatchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(ids), $"A batch holds 1 to {MaxBatchSize} ids.");
        }

        var path = scope.BasePath + "/call-log/" + string.Join(",", ids.Select(Uri.EscapeDataString)) + "?view=" + Uri.EscapeDataString(view);
        var request = new RcRequest(HttpMethod.Get, _core.Server.Resolve(path), RouteKeys.CallLog)
        {
            AcceptStatuses = ids.Count == 1 ? new HashSet<int> { 404 } : null,
        };
        return _core.SendAsync<IReadOnlyList<BatchItem>>(request, (response, ct) => ReadBatchAsync(response, ids, raw, _core.Pacer.Snapshot(RouteKeys.CallLog), request.ToString(), ct), events, cancellationToken);
    }

    internal static async Task<CallLogPage> ReadPageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var dto = await WireJson.ReadAsync(response, WireJsonContext.Default.CallLogPageDto, $"The call log page from {UrlText.Of(response.RequestMessage?.RequestUri)}", cancellationToken).ConfigureAwait(false);

        // A page without its list is no "empty last page": a checkpoint would move past data never read.
        if (dto?.Records is null || dto.Records.Contains(null!))
        {
            throw NoRecords(response);
        }

        var records = dto.Records.Select(ModelMapper.ToRecord).ToList();
        return new CallLogPage(records, null, NextPage(dto.Navigation?.NextPage?.Uri), response.Headers.Date);
    }

    internal static async Task<CallLogPage> ReadRawPageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        JsonDocument document;
        try
        {
            // The typed reader's leniency, so -Raw never refuses a page it reads.
            document = await JsonDocument.ParseAsync(stream, WireJson.DocumentOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex) when (ex.InnerException is IOException io)
        {
            throw io;
        }
        catch (JsonException ex)
        {
            throw new RcApiException(RcErrorKind.ResponseInvalid, "A call log page could not be read: " + ex.Message, ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("records", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw NoRecords(response);
            }

            var raw = new List<string>();
            var records = new List<CallLogRecord>();
            foreach (var element in list.EnumerateArray())
            {
                var text = element.GetRawText();
                raw.Add(text);
                records.Add(RawRecord(text));
            }

            string? next = null;
            if (root.TryGetProperty("navigation", out var navigation) && navigation.ValueKind == JsonValueKind.Object &&
                navigation.TryGetProperty("nextPage", out var nextPage) && nextPage.ValueKind == JsonValueKind.Object &&
                nextPage.TryGetProperty("uri", out var uri) && uri.ValueKind == JsonValueKind.String)
            {
                next = uri.GetString();
            }

            return new CallLogPage(records, raw, NextPage(next), response.Headers.Date);
        }
    }

    private static CallLogRecord RawRecord(string text)
    {
        CallLogRecordDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(text, WireJsonContext.Default.CallLogRecordDto);
        }
        catch (JsonException ex)
        {
            throw new RcApiException(RcErrorKind.ResponseInvalid, "A record of the call log page could not be read: " + ex.Message, ex);
        }

        return ModelMapper.ToRecord(dto ?? throw new RcApiException(RcErrorKind.ResponseInvalid, "The call log page holds a record that is null."));
    }

    private static RcApiException NoRecords(HttpResponseMessage response) =>
        new(RcErrorKind.ResponseInvalid, $"The call log page from {UrlText.Of(response.RequestMessage?.RequestUri)} has no 'records' list; it was not taken for an empty page.");

    private static Uri? NextPage(string? uri) =>
        string.IsNullOrEmpty(uri) ? null
        : Uri.TryCreate(uri, UriKind.Absolute, out var absolute) ? absolute
        : throw new RcApiException(RcErrorKind.ResponseInvalid, $"The next page link '{UrlText.Of(uri)}' is not an absolute URI.");

    private static async Task<IReadOnlyList<BatchItem>> ReadBatchAsync(HttpResponseMessage response, IReadOnlyList<string> ids, bool raw, RateLimitState? rateLimit, string request, CancellationToken cancellationToken)
    {
        var text = await RcHttpCore.ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var contentType = response.Content.Headers.ContentType?.ToString();
        if (ids.Count == 1 || contentType?.IndexOf("multipart", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return ids.Count == 1
                ? new[] { ItemFromPart(ids[0], status, text, raw, new PartContext(RequestId(response), rateLimit, request)) }
                : throw new RcApiException(RcErrorKind.ResponseInvalid, $"Expected a multipart answer for {ids.Count} ids, got '{contentType}'.");
        }

        return ParseBatch(text, contentType, ids, raw, RequestId(response), rateLimit, request);
    }

    /// <summary>
    /// The batch answer's items, one per requested id, in request order. A whole answer whose
    /// entries and records name the ids in request order is paired by position. Otherwise a record
    /// goes to the id it carries itself, never to a position (a missing part must not shift the
    /// others onto the wrong ids), an error to the id its summary entry's href names, and an id
    /// with neither is an error for that id.
    /// </summary>
    internal static IReadOnlyList<BatchItem> ParseBatch(string body, string? contentType, IReadOnlyList<string> ids, bool raw, string? requestId, RateLimitState? rateLimit = null, string? request = null)
    {
        var context = new PartContext(requestId, rateLimit, request);
        var boundary = MultipartMixedParser.BoundaryOf(contentType)
            ?? throw new RcApiException(RcErrorKind.ResponseInvalid, $"The batch answer's Content-Type '{contentType}' names no boundary.");
        IReadOnlyList<MultipartPart> parts;
        BatchSummaryDto? summary;
        try
        {
            parts = MultipartMixedParser.Parse(body, boundary);
            summary = parts.Count == 0 ? null : JsonSerializer.Deserialize(parts[0].Body, WireJsonContext.Default.BatchSummaryDto);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw new RcApiException(RcErrorKind.ResponseInvalid, "The batch answer could not be read: " + ex.Message, ex);
        }

        var entries = summary?.Response ?? new List<BatchSummaryItemDto>();
        var bodies = parts.Skip(1).Select(p => p.Body).ToList();
        var found = new Dictionary<string, BatchItem>(StringComparer.Ordinal);
        if (PairsByPosition(entries, bodies, ids))
        {
            return ids.Select((id, i) => ItemFromPart(id, (int)(entries[i].Status ?? 0), bodies[i], raw, context)).ToList();
        }

        // Records first, each by its own id.
        var wanted = new HashSet<string>(ids, StringComparer.Ordinal);
        foreach (var part in bodies)
        {
            if (RecordIdOf(part) is { } recordId && wanted.Contains(recordId) && !found.ContainsKey(recordId))
            {
                found[recordId] = ItemFromPart(recordId, 200, part, raw, context);
            }
        }

        // Then the summary's errors, each for the id its entry's href names. Their bodies carry no
        // id, and the parts no longer line up with the entries, so the summary's status stands alone.
        foreach (var entry in entries)
        {
            var status = (int)(entry.Status ?? 0);
            if (status is < 200 or >= 300 && IdOfHref(entry.Href) is { } id && wanted.Contains(id) && !found.ContainsKey(id))
            {
                found[id] = ItemFromPart(id, status, string.Empty, raw, context);
            }
        }

        return ids.Select(id => found.TryGetValue(id, out var item)
                ? item
                : new BatchItem(id, null, null, new RcApiException(RcErrorKind.ResponseInvalid, $"The batch answer has no part for id '{id}'.") { RequestId = requestId, StatusCode = 207, Request = request }))
            .ToList();
    }

    /// <summary>
    /// Whether the answer is whole and in request order: one entry and one part per id, each entry's
    /// href (when given) naming the id at its position, and each record carrying that id (when it
    /// carries one). Only then may an error part, which names no id, be paired by its position.
    /// </summary>
    private static bool PairsByPosition(List<BatchSummaryItemDto> entries, List<string> bodies, IReadOnlyList<string> ids)
    {
        if (entries.Count != ids.Count || bodies.Count != ids.Count)
        {
            return false;
        }

        for (var i = 0; i < ids.Count; i++)
        {
            if ((IdOfHref(entries[i].Href) is { } named && named != ids[i]) || (RecordIdOf(bodies[i]) is { } carried && carried != ids[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The id of the call log record a part holds, or null when it holds no record (an error body, or text that is not JSON).</summary>
    private static string? RecordIdOf(string part)
    {
        try
        {
            using var document = JsonDocument.Parse(part, WireJson.DocumentOptions);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var id)
                ? id.ValueKind switch
                {
                    JsonValueKind.String => id.GetString(),
                    JsonValueKind.Number => id.GetRawText(),
                    _ => null,
                }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The last path segment of a summary entry's href (".../call-log/ID"), or null.</summary>
    private static string? IdOfHref(string? href)
    {
        if (string.IsNullOrEmpty(href))
        {
            return null;
        }

        // The text as written, not a parsed Uri: parsing would resolve dot segments and escapes.
        var path = href!.Split('?', '#')[0];
        var segment = path.Substring(path.LastIndexOf('/') + 1);
        return segment.Length == 0 ? null : Uri.UnescapeDataString(segment);
    }

    private static BatchItem ItemFromPart(string id, int status, string body, bool raw, PartContext context)
    {
        if (status is >= 200 and < 300)
        {
            try
            {
                var dto = JsonSerializer.Deserialize(body, WireJsonContext.Default.CallLogRecordDto);
                if (dto is not null)
                {
                    return new BatchItem(id, ModelMapper.ToRecord(dto), raw ? body.Trim() : null, null);
                }

                return new BatchItem(id, null, null, new RcApiException(RcErrorKind.ResponseInvalid, $"The record for id '{id}' is empty.") { StatusCode = status, RequestId = context.RequestId, Request = context.Request });
            }
            catch (JsonException ex)
            {
                return new BatchItem(id, null, null, new RcApiException(RcErrorKind.ResponseInvalid, $"The record for id '{id}' could not be read: {ex.Message}", ex) { StatusCode = status, RequestId = context.RequestId, Request = context.Request });
            }
        }

        var (code, message) = ErrorBodyReader.Read(body);
        var what = status == 404 ? $"Call log record '{id}' was not found" : $"Call log record '{id}' could not be fetched";
        return new BatchItem(id, null, null, StatusErrors.Create(what, status, code, message, null, context.RequestId, context.RateLimit, context.Request));
    }

    private static string? RequestId(HttpResponseMessage response) => RateLimitPacer.Header(response.Headers, "RCRequestId");

    /// <summary>What every part of one batch answer shares: its request id, rate-limit state and request.</summary>
    private sealed class PartContext
    {
        public PartContext(string? requestId, RateLimitState? rateLimit, string? request)
        {
            RequestId = requestId;
            RateLimit = rateLimit;
            Request = request;
        }

        public string? RequestId { get; }

        public RateLimitState? RateLimit { get; }

        public string? Request { get; }
    }
}
