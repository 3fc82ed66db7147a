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
    /// The batch answer's items, one per requested id, in request order (paired by
    /// <see cref="BatchAnswer.Pair"/>); an id the answer has no part for is an error for that id.
    /// </summary>
    internal static IReadOnlyList<BatchItem> ParseBatch(string body, string? contentType, IReadOnlyList<string> ids, bool raw, string? requestId, RateLimitState? rateLimit = null, string? request = null)
    {
        var context = new PartContext(requestId, rateLimit, request);
        return BatchAnswer.Pair(body, contentType, ids)
            .Select(part => part.Missing
                ? new BatchItem(part.Id, null, null, new RcApiException(RcErrorKind.ResponseInvalid, $"The batch answer has no part for id '{part.Id}'.") { RequestId = requestId, StatusCode = 207, Request = request })
                : ItemFromPart(part.Id, part.Status, part.Body, raw, context))
            .ToList();
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
