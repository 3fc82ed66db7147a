using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Json;

namespace RingCentral.CallLog.Client.Api;

/// <summary>
/// An extension's message store (voicemail, fax, SMS): list, get and bulk get. Every request is in
/// RingCentral's Light group (<see cref="RouteKeys.MessageStore"/>). Knows RingCentral's paths;
/// nothing of PowerShell.
/// </summary>
internal sealed class MessageApi
{
    /// <summary>RingCentral's limit of message ids in one bulk GET's path.</summary>
    public const int MaxBatchSize = 50;

    /// <summary>RingCentral's largest perPage for listMessages (larger values are clamped).</summary>
    public const int MaxPageSize = 1000;

    private readonly RcHttpCore _core;
    private readonly Func<string?> _ownExtensionId;

    // ownExtensionId: the signed-in user's extension id once known; a refusal of one's own mailbox is no "other mailbox".
    public MessageApi(RcHttpCore core, Func<string?> ownExtensionId)
    {
        _core = core;
        _ownExtensionId = ownExtensionId;
    }

    public static string MailboxPath(string extensionId) => "/restapi/v1.0/account/~/extension/" + Uri.EscapeDataString(extensionId) + "/message-store";

    public Uri FirstPageUri(MessageQuery query) => _core.Server.Resolve(MailboxPath(query.ExtensionId) + query.ToQueryString());

    /// <summary>Fetches one page of <paramref name="extensionId"/>'s listing. The next page's URI is used exactly as the server gave it.</summary>
    public Task<MessagePage> GetPageAsync(Uri uri, string extensionId, IRcEvents events, CancellationToken cancellationToken)
    {
        var request = new RcRequest(HttpMethod.Get, uri, RouteKeys.MessageStore);
        return SendAsync(request, extensionId, (response, ct) => ReadPageAsync(response, extensionId, ct), events, cancellationToken);
    }

    /// <summary>
    /// Fetches up to <see cref="MaxBatchSize"/> messages of one mailbox by id: one id is a plain
    /// GET, several go comma-separated in one request answered with 207 multipart/mixed. Results
    /// keep the input order; an id RingCentral did not give is an error for that id.
    /// </summary>
    public Task<IReadOnlyList<MessageItem>> GetByIdsAsync(string extensionId, IReadOnlyList<string> ids, IRcEvents events, CancellationToken cancellationToken)
    {
        if (ids.Count == 0 || ids.Count > MaxBatchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(ids), $"A bulk read holds 1 to {MaxBatchSize} ids.");
        }

        var path = MailboxPath(extensionId) + "/" + string.Join(",", ids.Select(Uri.EscapeDataString));
        var request = new RcRequest(HttpMethod.Get, _core.Server.Resolve(path), RouteKeys.MessageStore)
        {
            AcceptStatuses = ids.Count == 1 ? new HashSet<int> { 404 } : null,
        };
        return SendAsync(request, extensionId, (response, ct) => ReadItemsAsync(response, extensionId, ids, request.ToString(), ct), events, cancellationToken);
    }

    /// <summary>One message by id; a 404 is RcErrorKind.NotFound.</summary>
    public async Task<RcMessage> GetAsync(string extensionId, string messageId, IRcEvents events, CancellationToken cancellationToken)
    {
        var item = (await GetByIdsAsync(extensionId, new[] { messageId }, events, cancellationToken).ConfigureAwait(false))[0];
        return item.Message ?? throw item.Error!;
    }

    /// <summary>
    /// DELETE up to <see cref="MaxBatchSize"/> messages of one mailbox (comma-separated ids, Medium
    /// group). Without <paramref name="purge"/> RingCentral's first delete: the messages become
    /// Deleted and can be restored for some days; with it they are Purged (attachments gone for good).
    /// An id RingCentral does not know fails the whole request (NotFound), nothing changed.
    /// </summary>
    public Task DeleteAsync(string extensionId, IReadOnlyList<string> ids, bool purge, IRcEvents events, CancellationToken cancellationToken)
    {
        if (ids.Count == 0 || ids.Count > MaxBatchSize)
        {
            throw new ArgumentOutOfRangeException(nameof(ids), $"A bulk delete holds 1 to {MaxBatchSize} ids.");
        }

        // Never an empty id list: RingCentral reads a DELETE that names no message as "every message of the mailbox".
        var path = MailboxPath(extensionId) + "/" + string.Join(",", ids.Select(Uri.EscapeDataString)) + (purge ? "?purge=true" : string.Empty);
        var request = new RcRequest(HttpMethod.Delete, _core.Server.Resolve(path), RouteKeys.MessageDelete);
        return SendAsync(request, extensionId, (_, _) => Task.FromResult(true), events, cancellationToken);
    }

    internal static async Task<MessagePage> ReadPageAsync(HttpResponseMessage response, string extensionId, CancellationToken cancellationToken)
    {
        var dto = await WireJson.ReadAsync(response, WireJsonContext.Default.MessagePageDto, $"The message list from {UrlText.Of(response.RequestMessage?.RequestUri)}", cancellationToken).ConfigureAwait(false);

        // A page without its list is no "empty last page": messages never read would pass unnoticed.
        if (dto?.Records is null || dto.Records.Contains(null!))
        {
            throw new RcApiException(RcErrorKind.ResponseInvalid, $"The message list from {UrlText.Of(response.RequestMessage?.RequestUri)} has no 'records' list; it was not taken for an empty page.");
        }

        var next = dto.Navigation?.NextPage?.Uri;
        var nextPage = string.IsNullOrEmpty(next) ? null
            : Uri.TryCreate(next, UriKind.Absolute, out var absolute) ? absolute
            : throw new RcApiException(RcErrorKind.ResponseInvalid, $"The next page link '{UrlText.Of(next)}' is not an absolute URI.");
        return new MessagePage(dto.Records.Select(r => ModelMapper.ToMessage(r, extensionId)).ToList(), nextPage);
    }

    /// <summary>The items of a bulk answer (207 multipart/mixed), or of a single GET's plain answer.</summary>
    internal IReadOnlyList<MessageItem> ParseItems(string body, int status, string? contentType, string extensionId, IReadOnlyList<string> ids, string? requestId, string? request)
    {
        if (ids.Count == 1 && contentType?.IndexOf("multipart", StringComparison.OrdinalIgnoreCase) is null or < 0)
        {
            return new[] { ItemFromPart(extensionId, ids[0], status, body, requestId, request) };
        }

        if (contentType?.IndexOf("multipart", StringComparison.OrdinalIgnoreCase) is null or < 0)
        {
            throw new RcApiException(RcErrorKind.ResponseInvalid, $"Expected a multipart answer for {ids.Count} ids, got '{contentType}'.");
        }

        return BatchAnswer.Pair(body, contentType, ids)
            .Select(part => part.Missing
                ? new MessageItem(part.Id, null, new RcApiException(RcErrorKind.ResponseInvalid, $"The bulk answer has no part for message '{part.Id}'.") { RequestId = requestId, StatusCode = 207, Request = request })
                : ItemFromPart(extensionId, part.Id, part.Status, part.Body, requestId, request))
            .ToList();
    }

    /// <summary>
    /// Sends a request for <paramref name="extensionId"/>'s mailbox. RingCentral's refusal of
    /// another extension's mailbox (403 that is not about the app's own permissions) comes back as
    /// a mailbox refusal that names the extension and points at the account-wide export.
    /// </summary>
    private async Task<T> SendAsync<T>(RcRequest request, string extensionId, Func<HttpResponseMessage, CancellationToken, Task<T>> read, IRcEvents events, CancellationToken cancellationToken)
    {
        try
        {
            return await _core.SendAsync(request, read, events, cancellationToken).ConfigureAwait(false);
        }
        catch (RcApiException ex) when (IsOtherMailboxRefusal(ex, extensionId))
        {
            throw MailboxRefused(ex, extensionId);
        }
    }

    private async Task<IReadOnlyList<MessageItem>> ReadItemsAsync(HttpResponseMessage response, string extensionId, IReadOnlyList<string> ids, string request, CancellationToken cancellationToken)
    {
        var body = await RcHttpCore.ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var requestId = RateLimitPacer.Header(response.Headers, "RCRequestId");
        return ParseItems(body, (int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), extensionId, ids, requestId, request);
    }

    private MessageItem ItemFromPart(string extensionId, string id, int status, string body, string? requestId, string? request)
    {
        if (status is >= 200 and < 300)
        {
            try
            {
                var dto = JsonSerializer.Deserialize(body, WireJsonContext.Default.MessageDto);
                return dto is not null
                    ? new MessageItem(id, ModelMapper.ToMessage(dto, extensionId), null)
                    : new MessageItem(id, null, new RcApiException(RcErrorKind.ResponseInvalid, $"The message '{id}' is empty.") { StatusCode = status, RequestId = requestId, Request = request });
            }
            catch (JsonException ex)
            {
                return new MessageItem(id, null, new RcApiException(RcErrorKind.ResponseInvalid, $"The message '{id}' could not be read: {ex.Message}", ex) { StatusCode = status, RequestId = requestId, Request = request });
            }
        }

        var (code, message) = ErrorBodyReader.Read(body);
        var mailbox = extensionId == "~" ? "your mailbox" : $"extension {extensionId}";
        var what = status == 404 ? $"Message '{id}' of {mailbox} was not found" : $"Message '{id}' of {mailbox} could not be fetched";
        var error = StatusErrors.Create(what, status, code, message, null, requestId, null, request);
        return new MessageItem(id, null, IsOtherMailboxRefusal(error, extensionId) ? MailboxRefused(error, extensionId) : error);
    }

    /// <summary>
    /// A 403 for a mailbox that is not the signed-in user's own. CMN-401 says the app lacks a
    /// permission: that is true of every mailbox, so it stays a plain permission error.
    /// </summary>
    private bool IsOtherMailboxRefusal(RcApiException ex, string extensionId) =>
        ex.Kind == RcErrorKind.PermissionDenied
        && ex.Remedy == RcRemedy.None
        && ex.ErrorCode?.IndexOf("CMN-401", StringComparison.Ordinal) is null or < 0
        && extensionId != "~"
        && !string.Equals(extensionId, _ownExtensionId(), StringComparison.Ordinal);

    private static RcApiException MailboxRefused(RcApiException ex, string extensionId) =>
        new(RcErrorKind.PermissionDenied, $"RingCentral did not let this token read extension {extensionId}'s mailbox: {ex.Message}", ex)
        {
            StatusCode = ex.StatusCode,
            ErrorCode = ex.ErrorCode,
            ServerMessage = ex.ServerMessage,
            RequestId = ex.RequestId,
            RateLimit = ex.RateLimit,
            Request = ex.Request,
            Remedy = RcRemedy.ExportMessageStore,
            Mailbox = extensionId,
        };
}
