using System.Globalization;
using System.Text.Json;
using RingCentral.Simulator.Data;
using RingCentral.Simulator.Endpoints;
using RingCentral.Simulator.Infrastructure;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Messages;

/// <summary>
/// The extension-level message store: list (Light), one message or a bulk of up to 50 by comma-separated
/// ids (Light; 207 multipart/mixed like the call log batch), read status and restore (PUT/PATCH, Medium),
/// delete → Deleted → Purged (Medium), and attachment content on the media listener (Medium) with
/// Range/ETag/If-Range like recording content.
/// </summary>
internal static class MessageEndpoints
{
    private const string Base = "/restapi/v1.0/account/{accountId}/extension/{extensionId}/message-store";
    private const int BulkLimit = 50;

    public static void Map(IEndpointRouteBuilder routes, SimulatorState sim)
    {
        var light = new CallerFilter(sim, RateGroup.Light);
        var medium = new CallerFilter(sim, RateGroup.Medium);
        var mailbox = new MailboxFilter(sim);
        routes.MapGet(Base, (HttpContext ctx) => ListAsync(ctx, sim)).AddEndpointFilter(light).AddEndpointFilter(mailbox);
        routes.MapGet(Base + "/{messageIds}", (HttpContext ctx, string messageIds) => ByIdAsync(ctx, sim, messageIds)).AddEndpointFilter(light).AddEndpointFilter(mailbox);
        routes.MapPut(Base + "/{messageId}", (HttpContext ctx, string messageId) => UpdateAsync(ctx, sim, messageId, patch: false)).AddEndpointFilter(medium).AddEndpointFilter(mailbox);
        routes.MapPatch(Base + "/{messageId}", (HttpContext ctx, string messageId) => UpdateAsync(ctx, sim, messageId, patch: true)).AddEndpointFilter(medium).AddEndpointFilter(mailbox);
        routes.MapDelete(Base + "/{messageIds}", (HttpContext ctx, string messageIds) => DeleteAsync(ctx, sim, messageIds)).AddEndpointFilter(medium).AddEndpointFilter(mailbox);
        // Content only on the media entry point: on the platform listener the path is unknown, before any check.
        routes.MapGet(Base + "/{messageId}/content/{attachmentId}", (HttpContext ctx, string messageId, string attachmentId) => ContentAsync(ctx, sim, messageId, attachmentId))
            .AddEndpointFilter((context, next) => context.HttpContext.Connection.LocalPort == sim.MediaPort ? next(context) : throw new Refusal(404, ErrorBodies.InvalidUri()))
            .AddEndpointFilter(medium).AddEndpointFilter(mailbox);
    }

    private static long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static Task ListAsync(HttpContext ctx, SimulatorState sim)
    {
        var owner = Caller.Of(ctx).Owner!;
        var req = MessageListRequest.Parse(ctx.Request, owner, DateTimeOffset.UtcNow);
        var list = sim.Messages.Query(req.Filter, NowMs);
        var uris = sim.Uris;
        return ListPage.WriteAsync(ctx, sim, list, req.Page, req.PerPage, (w, m) => MessageJsonWriter.Write(w, m, uris, single: false), 900, totals: true);
    }

    /// <summary>The message <paramref name="id"/> of the path's extension, whatever its availability; null when there is none.</summary>
    private static StoredMessage? Find(SimulatorState sim, Extension owner, string id)
        => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? sim.Messages.Find(owner, n, NowMs) : null;

    private static Task ByIdAsync(HttpContext ctx, SimulatorState sim, string idList)
    {
        var owner = Caller.Of(ctx).Owner!;
        var ids = idList.Split(',');
        if (ids.Length > BulkLimit) throw new Refusal(400, ErrorBodies.Api("CMN-106", "CMN-106", $"Batch request is limited to {BulkLimit} entries"));
        var uris = sim.Uris;
        var found = ids.Select(id => Find(sim, owner, id)).ToArray();
        byte[] Body(StoredMessage m, bool single) => JsonBody.Build(w => MessageJsonWriter.Write(w, m, uris, single), 2048);
        if (ids.Length == 1)
        {
            return found[0] is { } one ? JsonBody.WriteAsync(ctx, 200, Body(one, single: true)) : JsonBody.WriteAsync(ctx, 404, ErrorBodies.NotFound("messageId"));
        }
        var mp = new MultipartWriter();
        mp.AddJsonPart(JsonBody.Build(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("response");
            for (var i = 0; i < ids.Length; i++)
            {
                w.WriteStartObject();
                w.WriteString("href", sim.PlatformBase + ctx.Request.Path.Value![..(ctx.Request.Path.Value!.LastIndexOf('/') + 1)] + ids[i]);
                w.WriteNumber("status", found[i] is null ? 404 : 200);
                w.WriteString("responseDescription", found[i] is null ? "Not Found" : "OK");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
        foreach (var m in found) mp.AddJsonPart(m is null ? ErrorBodies.NotFound("messageId") : Body(m, single: false));
        return JsonBody.WriteAsync(ctx, 207, mp.Finish(), mp.ContentType);
    }

    /// <summary>
    /// PUT {readStatus} (required) or PATCH {readStatus?, availability?}: the read status, and for PATCH the
    /// availability: <c>Alive</c> restores a Deleted message (a Purged one cannot come back: 400 naming
    /// availability), <c>Deleted</c>/<c>Purged</c> move it on as a delete would.
    /// </summary>
    private static async Task UpdateAsync(HttpContext ctx, SimulatorState sim, string messageId, bool patch)
    {
        var owner = Caller.Of(ctx).Owner!;
        string? readStatus = null, availability = null;
        try
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, default, ctx.RequestAborted);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new Refusal(400, ErrorBodies.Simple("CMN-103", "JSON can't be parsed"));
            if (doc.RootElement.TryGetProperty("readStatus", out var rs)) readStatus = rs.ValueKind == JsonValueKind.String ? rs.GetString() : "";
            if (patch && doc.RootElement.TryGetProperty("availability", out var av)) availability = av.ValueKind == JsonValueKind.String ? av.GetString() : "";
        }
        catch (JsonException)
        {
            throw new Refusal(400, ErrorBodies.Simple("CMN-103", "JSON can't be parsed"));
        }
        if (readStatus is not null && readStatus is not ("Read" or "Unread")) throw new Refusal(400, ErrorBodies.InvalidParameter("readStatus", readStatus));
        if (availability is not null && availability is not ("Alive" or "Deleted" or "Purged")) throw new Refusal(400, ErrorBodies.InvalidParameter("availability", availability));
        if (readStatus is null && availability is null) throw new Refusal(400, ErrorBodies.InvalidParameter(patch ? "availability" : "readStatus", null));
        var m = Find(sim, owner, messageId) ?? throw new Refusal(404, ErrorBodies.NotFound("messageId"));
        byte[] body;
        lock (sim.Messages.Gate)
        {
            if (availability == "Alive" && m.Availability == "Purged") throw new Refusal(400, ErrorBodies.InvalidParameter("availability", availability));
            if (m.Availability == "Purged" && readStatus is not null) throw new Refusal(404, ErrorBodies.NotFound("messageId"));
            if (readStatus is not null) m.ReadStatus = readStatus;
            if (availability is not null && availability != m.Availability && m.Availability != "Purged") m.Availability = availability;
            MessageStore.Touch(m, NowMs);
            body = JsonBody.Build(w => MessageJsonWriter.Write(w, m, sim.Uris, single: false), 2048);
        }
        await JsonBody.WriteAsync(ctx, 200, body);
    }

    /// <summary>
    /// DELETE one message or up to 50 comma-separated ids: Alive → Deleted (attachments kept, restorable),
    /// Deleted → Purged (attachments gone); <c>purge=true</c> goes straight to Purged; a Purged message stays so.
    /// <c>type</c> (Fax, SMS, VoiceMail, Pager, Text, All) limits which of the named messages change. An id that
    /// names no message of the extension: 404 for the whole request, nothing changed.
    /// </summary>
    private static Task DeleteAsync(HttpContext ctx, SimulatorState sim, string idList)
    {
        var owner = Caller.Of(ctx).Owner!;
        var q = ctx.Request.Query;
        var purge = false;
        if (q["purge"].ToString() is { Length: > 0 } p && !bool.TryParse(p, out purge)) throw new Refusal(400, ErrorBodies.InvalidParameter("purge", p));
        // type: only the named messages of that type change (Text and Pager: none here, the simulator holds none).
        MessageKind? only = null;
        var none = false;
        if (q["type"].ToString() is { Length: > 0 } t && !t.Equals("All", StringComparison.OrdinalIgnoreCase))
        {
            if (t.Equals("Text", StringComparison.OrdinalIgnoreCase)) none = true;
            else if (!MessageKinds.TryParse(t, out only)) throw new Refusal(400, ErrorBodies.InvalidParameter("type", t));
            else none = only is null;
        }
        var ids = idList.Split(',');
        if (ids.Length > BulkLimit) throw new Refusal(400, ErrorBodies.Api("CMN-106", "CMN-106", $"Batch request is limited to {BulkLimit} entries"));
        var messages = ids.Select(id => Find(sim, owner, id)).ToList();
        if (messages.Any(m => m is null)) throw new Refusal(404, ErrorBodies.NotFound("messageId"));
        var now = NowMs;
        lock (sim.Messages.Gate)
        {
            foreach (var m in messages)
            {
                if (none || (only is MessageKind k && m!.Kind != k)) continue;
                var next = purge || m!.Availability != "Alive" ? "Purged" : "Deleted";
                if (m!.Availability == next) continue;
                m.Availability = next;
                MessageStore.Touch(m, now);
            }
        }
        ctx.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    /// <summary>An attachment's bytes; a Purged message has none left (404). <c>contentDisposition</c> asks for a Content-Disposition header.</summary>
    private static async Task ContentAsync(HttpContext ctx, SimulatorState sim, string messageId, string attachmentId)
    {
        var owner = Caller.Of(ctx).Owner!;
        var q = ctx.Request.Query;
        var disposition = q["contentDisposition"].ToString();
        if (disposition.Length > 0 && !disposition.Equals("Inline", StringComparison.OrdinalIgnoreCase) && !disposition.Equals("Attachment", StringComparison.OrdinalIgnoreCase))
        {
            throw new Refusal(400, ErrorBodies.InvalidParameter("contentDisposition", disposition));
        }
        var m = Find(sim, owner, messageId);
        if (m is null || m.Availability == "Purged") throw new Refusal(404, ErrorBodies.NotFound("messageId"));
        var a = m.Attachments.FirstOrDefault(x => x.Id.ToString(CultureInfo.InvariantCulture) == attachmentId) ?? throw new Refusal(404, ErrorBodies.NotFound("attachmentId"));
        using var inFlight = sim.Stats.ContentStarted();
        if (disposition.Length > 0)
        {
            var name = q["contentDispositionFilename"].ToString() is { Length: > 0 } given ? given : a.FileName ?? a.Id.ToString(CultureInfo.InvariantCulture);
            var header = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue(disposition.Equals("Inline", StringComparison.OrdinalIgnoreCase) ? "inline" : "attachment");
            header.SetHttpFileName(name);
            ctx.Response.Headers.ContentDisposition = header.ToString();
        }
        var length = a.Body.Length;
        var etag = string.Create(CultureInfo.InvariantCulture, $"\"m{m.Id:x}-{a.Id:x}-{length:x}\"");
        await RangedContent.ServeAsync(ctx, length, etag, DateTimeOffset.FromUnixTimeMilliseconds(m.CreationMs), a.ContentType, a.Body.Fill);
    }
}
