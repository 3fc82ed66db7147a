using RingCentral.Simulator.Data;
using RingCentral.Simulator.Infrastructure;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Endpoints;

/// <summary>Call log lists (both levels), records by id (single and batch), and active calls.</summary>
internal static class CallLogEndpoints
{
    private const int BatchLimit = 50;
    private const long ActiveCallLingerMs = 120_000;

    public static void Map(IEndpointRouteBuilder routes, SimulatorState sim)
    {
        // Account level: admins only; extension level: one's own extension, or any for admins.
        var caller = new CallerFilter(sim, RateGroup.Heavy, accountLevelPermission: "ReadCompanyCallLog");
        routes.MapGet("/restapi/v1.0/account/{accountId}/call-log", (HttpContext ctx) => ListAsync(ctx, sim)).AddEndpointFilter(caller);
        routes.MapGet("/restapi/v1.0/account/{accountId}/extension/{extensionId}/call-log", (HttpContext ctx) => ListAsync(ctx, sim)).AddEndpointFilter(caller);
        routes.MapGet("/restapi/v1.0/account/{accountId}/call-log/{ids}", (HttpContext ctx, string ids) => ByIdAsync(ctx, sim, ids)).AddEndpointFilter(caller);
        routes.MapGet("/restapi/v1.0/account/{accountId}/extension/{extensionId}/call-log/{ids}", (HttpContext ctx, string ids) => ByIdAsync(ctx, sim, ids)).AddEndpointFilter(caller);
        routes.MapGet("/restapi/v1.0/account/{accountId}/active-calls", (HttpContext ctx) => ActiveAsync(ctx, sim)).AddEndpointFilter(caller);
        routes.MapGet("/restapi/v1.0/account/{accountId}/extension/{extensionId}/active-calls", (HttpContext ctx) => ActiveAsync(ctx, sim)).AddEndpointFilter(caller);
    }

    private static async Task ListAsync(HttpContext ctx, SimulatorState sim)
    {
        var owner = Caller.Of(ctx).Owner;
        var now = DateTimeOffset.UtcNow;
        var req = ListRequest.Parse(ctx.Request, owner, now, callLog: true);
        var records = sim.Store.Query(req.Filter, req.CacheKey, now.ToUnixTimeMilliseconds());
        var uris = sim.Uris;
        await ListPage.WriteAsync(ctx, sim, records, req, (w, r) => RecordJsonWriter.Write(w, r, req.Detailed, uris, owner is not null, req.Filter.ShowDeleted));
        if (sim.Config.CallsPerListRequest > 0) sim.AddCalls(sim.Config.CallsPerListRequest, 0, 0);
    }

    private static Task ActiveAsync(HttpContext ctx, SimulatorState sim)
    {
        var owner = Caller.Of(ctx).Owner;
        var now = DateTimeOffset.UtcNow;
        var req = ListRequest.Parse(ctx.Request, owner, now, callLog: false);
        var nowMs = now.ToUnixTimeMilliseconds();
        // In progress, or ended within the last ~120 s (RingCentral's active-calls cache); an ended call
        // shows there 3–10 s after it ends (its Disconnected event comes first), or when the call log
        // lists it, if that is sooner.
        var candidates = sim.Store.Range(nowMs - (6 * 3_600_000L), nowMs);
        var list = new List<CallRecord>();
        foreach (var r in candidates)
        {
            if (r.EndMs < nowMs - ActiveCallLingerMs || r.Deleted) continue;
            if (r.EndMs <= nowMs && nowMs < r.EndMs + EndedCallListDelayMs(r)) continue;
            var f = req.Filter;
            if (f.Owner is not null && !ReferenceEquals(f.Owner, r.Owner)) continue;
            if (f.Inbound is bool i && r.Inbound != i) continue;
            if (f.Fax is bool fx && r.IsFax != fx) continue;
            if (f.Pstn is bool p && r.Pstn != p) continue;
            list.Add(r);
        }
        var uris = sim.Uris;
        return ListPage.WriteAsync(ctx, sim, list, req, (w, r) => RecordJsonWriter.Write(w, r, req.Detailed, uris, owner is not null, false, nowMs, withViewInUri: false));
    }

    /// <summary>3–10 s, fixed per call; never later than the call log lists the call.</summary>
    internal static long EndedCallListDelayMs(CallRecord r) => Math.Min(r.VisibleAtMs - r.EndMs, 3_000 + (r.SessionId % 7_001));

    private static Task ByIdAsync(HttpContext ctx, SimulatorState sim, string idList)
    {
        var owner = Caller.Of(ctx).Owner;
        var detailed = ListRequest.ParseView(ctx.Request.Query);
        var ids = idList.Split(',');
        if (ids.Length > BatchLimit) throw new Refusal(400, ErrorBodies.Api("CMN-106", "CMN-106", $"Batch request is limited to {BatchLimit} entries"));
        var nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var uris = sim.Uris;
        CallRecord? Find(string id)
        {
            var r = id.Length == 0 ? null : sim.Store.FindById(id);
            if (r is null || r.VisibleAtMs > nowMs) return null;
            return owner is null || ReferenceEquals(r.Owner, owner) ? r : null;
        }
        byte[] RecordBody(CallRecord r) => JsonBody.Build(w => RecordJsonWriter.Write(w, r, detailed, uris, owner is not null, true));

        if (ids.Length == 1)
        {
            var r = Find(ids[0]);
            return JsonBody.WriteAsync(ctx, r is null ? 404 : 200, r is null ? ErrorBodies.NotFound("callRecordId") : RecordBody(r));
        }

        // Batch: 207 multipart/mixed, summary part first, then one part per id in request order.
        var found = ids.Select(Find).ToArray();
        var basePath = sim.PlatformBase + ctx.Request.Path.Value![..(ctx.Request.Path.Value!.LastIndexOf('/') + 1)];
        var mp = new MultipartWriter();
        mp.AddJsonPart(JsonBody.Build(w =>
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
        return JsonBody.WriteAsync(ctx, 207, mp.Finish(), mp.ContentType);
    }
}
