using System.Buffers;
using System.Globalization;
using System.Text.Json;
using RingCentral.Simulator.Auth;
using RingCentral.Simulator.Data;
using RingCentral.Simulator.Infrastructure;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Endpoints;

/// <summary>Call log lists (both levels), records by id (single and batch), and active calls.</summary>
internal static class CallLogEndpoints
{
    private const int BatchLimit = 50;
    private const long ActiveCallLingerMs = 120_000;

    public static void Map(WebApplication app, SimulatorState sim)
    {
        app.MapGet("/restapi/v1.0/account/{accountId}/call-log", (HttpContext ctx, string accountId) => List(ctx, sim, accountId, null));
        app.MapGet("/restapi/v1.0/account/{accountId}/extension/{extensionId}/call-log", (HttpContext ctx, string accountId, string extensionId) => List(ctx, sim, accountId, extensionId));
        app.MapGet("/restapi/v1.0/account/{accountId}/call-log/{ids}", (HttpContext ctx, string accountId, string ids) => ById(ctx, sim, accountId, null, ids));
        app.MapGet("/restapi/v1.0/account/{accountId}/extension/{extensionId}/call-log/{ids}", (HttpContext ctx, string accountId, string extensionId, string ids) => ById(ctx, sim, accountId, extensionId, ids));
        app.MapGet("/restapi/v1.0/account/{accountId}/active-calls", (HttpContext ctx, string accountId) => Active(ctx, sim, accountId, null));
        app.MapGet("/restapi/v1.0/account/{accountId}/extension/{extensionId}/active-calls", (HttpContext ctx, string accountId, string extensionId) => Active(ctx, sim, accountId, extensionId));
    }

    /// <summary>Authenticates, checks the account and resolves the level: (ok, owner extension or null for company level).</summary>
    private static async Task<(bool Ok, Session? Session, Extension? Owner)> Scope(HttpContext ctx, SimulatorState sim, string accountId, string? extensionId)
    {
        var session = await Http.Authenticate(ctx, sim, RateGroup.Heavy);
        if (session is null || !await Http.CheckAccount(ctx, sim, accountId)) return (false, null, null);
        if (extensionId is null)
        {
            if (!session.Extension.IsAdmin)
            {
                await Http.CompanyPermissionRequired(ctx);
                return (false, null, null);
            }
            return (true, session, null);
        }
        var ext = await Http.ResolveExtension(ctx, sim, session, extensionId);
        return (ext is not null, session, ext);
    }

    private static async Task List(HttpContext ctx, SimulatorState sim, string accountId, string? extensionId)
    {
        var (ok, _, owner) = await Scope(ctx, sim, accountId, extensionId);
        if (!ok) return;
        var now = DateTimeOffset.UtcNow;
        var (req, status, error) = ListRequest.Parse(ctx.Request, owner, now, callLog: true);
        if (req is null)
        {
            await Http.WriteJson(ctx, status, error!);
            return;
        }
        var nowMs = now.ToUnixTimeMilliseconds();
        var records = sim.Store.Query(req.Filter, req.CacheKey, nowMs);
        var uris = sim.Uris;
        await WritePage(ctx, sim, records, req, (w, r) => RecordJsonWriter.Write(w, r, req.Detailed, uris, owner is not null, req.Filter.ShowDeleted));
        if (sim.Config.CallsPerListRequest > 0) sim.AddCalls(sim.Config.CallsPerListRequest, 0, 0);
    }

    private static async Task Active(HttpContext ctx, SimulatorState sim, string accountId, string? extensionId)
    {
        var (ok, _, owner) = await Scope(ctx, sim, accountId, extensionId);
        if (!ok) return;
        var now = DateTimeOffset.UtcNow;
        var (req, status, error) = ListRequest.Parse(ctx.Request, owner, now, callLog: false);
        if (req is null)
        {
            await Http.WriteJson(ctx, status, error!);
            return;
        }
        var nowMs = now.ToUnixTimeMilliseconds();
        // In progress, or ended within the last ~120 s (RingCentral's active-calls cache).
        var candidates = sim.Store.Range(nowMs - (6 * 3_600_000L), nowMs);
        var list = new List<CallRecord>();
        foreach (var r in candidates)
        {
            if (r.EndMs < nowMs - ActiveCallLingerMs || r.Deleted) continue;
            var f = req.Filter;
            if (f.Owner is not null && !ReferenceEquals(f.Owner, r.Owner)) continue;
            if (f.Inbound is bool i && r.Inbound != i) continue;
            if (f.Fax is bool fx && r.IsFax != fx) continue;
            if (f.Pstn is bool p && r.Pstn != p) continue;
            list.Add(r);
        }
        var uris = sim.Uris;
        await WritePage(ctx, sim, list, req, (w, r) => RecordJsonWriter.Write(w, r, req.Detailed, uris, owner is not null, false, nowMs, withViewInUri: false));
    }

    /// <summary>Writes the envelope: uri, records, paging {page, perPage, pageStart, pageEnd}, navigation {firstPage, nextPage?}.</summary>
    private static Task WritePage(HttpContext ctx, SimulatorState sim, IReadOnlyList<CallRecord> all, ListRequest req, Action<Utf8JsonWriter, CallRecord> writeRecord)
    {
        var start = (long)(req.Page - 1) * req.PerPage;
        var count = (int)Math.Clamp(all.Count - start, 0, req.PerPage);
        var buffer = new ArrayBufferWriter<byte>(Math.Max(4096, count * (req.Detailed ? 2600 : 1100)));
        using (var w = new Utf8JsonWriter(buffer, RingCentral.Simulator.Json.JsonOut.Options))
        {
            w.WriteStartObject();
            w.WriteString("uri", Http.UriWithPage(sim, ctx.Request, null));
            w.WriteStartArray("records");
            for (var i = 0; i < count; i++) writeRecord(w, all[(int)start + i]);
            w.WriteEndArray();
            w.WriteStartObject("paging");
            w.WriteNumber("page", req.Page);
            w.WriteNumber("perPage", req.PerPage);
            if (count > 0)
            {
                w.WriteNumber("pageStart", start);
                w.WriteNumber("pageEnd", start + count - 1);
            }
            w.WriteEndObject();
            w.WriteStartObject("navigation");
            if (start + count < all.Count)
            {
                w.WriteStartObject("nextPage");
                w.WriteString("uri", Http.UriWithPage(sim, ctx.Request, req.Page + 1));
                w.WriteEndObject();
            }
            w.WriteStartObject("firstPage");
            w.WriteString("uri", Http.UriWithPage(sim, ctx.Request, 1));
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Http.WriteJson(ctx, 200, buffer.WrittenSpan.ToArray());
    }

    private static async Task ById(HttpContext ctx, SimulatorState sim, string accountId, string? extensionId, string idList)
    {
        var (ok, _, owner) = await Scope(ctx, sim, accountId, extensionId);
        if (!ok) return;
        var view = ctx.Request.Query["view"].ToString();
        var detailed = view.Equals("Detailed", StringComparison.OrdinalIgnoreCase);
        if (view.Length > 0 && !detailed && !view.Equals("Simple", StringComparison.OrdinalIgnoreCase))
        {
            await Http.WriteJson(ctx, 400, ErrorBodies.InvalidParameter("view", view));
            return;
        }
        var ids = idList.Split(',');
        if (ids.Length > BatchLimit)
        {
            await Http.WriteJson(ctx, 400, ErrorBodies.Api("CMN-106", "CMN-106", $"Batch request is limited to {BatchLimit} entries"));
            return;
        }
        var nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var uris = sim.Uris;
        CallRecord? Find(string id)
        {
            var r = id.Length == 0 ? null : sim.Store.FindById(id);
            if (r is null || r.VisibleAtMs > nowMs) return null;
            return owner is null || ReferenceEquals(r.Owner, owner) ? r : null;
        }
        byte[] RecordBody(CallRecord r) => ErrorBodies.Build(w => RecordJsonWriter.Write(w, r, detailed, uris, owner is not null, true));

        if (ids.Length == 1)
        {
            var r = Find(ids[0]);
            await Http.WriteJson(ctx, r is null ? 404 : 200, r is null ? ErrorBodies.NotFound("callRecordId") : RecordBody(r));
            return;
        }

        // Batch: 207 multipart/mixed, summary part first, then one part per id in request order.
        var found = ids.Select(Find).ToArray();
        var basePath = sim.PlatformBase + ctx.Request.Path.Value![..(ctx.Request.Path.Value!.LastIndexOf('/') + 1)];
        var mp = new MultipartWriter();
        mp.AddJsonPart(ErrorBodies.Build(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("response");
            for (var i = 0; i < ids.Length; i++)
            {
                w.WriteStartObject();
                w.WriteString("href", basePath + ids[i] + (detailed ? "?view=Detailed" : "?view=Simple"));
                w.WriteNumber("status", found[i] is null ? 404 : 200);
                w.WriteString("responseDescription", found[i] is null ? "Not Found" : "OK");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
        foreach (var r in found) mp.AddJsonPart(r is null ? ErrorBodies.NotFound("callRecordId") : RecordBody(r));
        var body = mp.Finish();
        ctx.Response.StatusCode = 207;
        ctx.Response.ContentType = mp.ContentType;
        ctx.Response.ContentLength = body.Length;
        await ctx.Response.Body.WriteAsync(body);
    }

    internal static string Str(long v) => v.ToString(CultureInfo.InvariantCulture);
}
