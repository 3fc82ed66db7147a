using System.Text.Json;
using RingCentral.Simulator.Data;
using RingCentral.Simulator.Faults;
using RingCentral.Simulator.Infrastructure;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Endpoints;

/// <summary>/_sim/* hooks (only with --test-hooks): ground truth, stats, faults, config, JWTs, new and changed calls.</summary>
internal static class TestHookEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SimulatorState sim)
    {
        routes.MapGet("/_sim/records", (HttpContext ctx) => RecordsAsync(ctx, sim));
        routes.MapGet("/_sim/stats", (HttpContext ctx) => JsonBody.WriteAsync(ctx, 200, sim.Stats.Write, 1 << 16));
        routes.MapPost("/_sim/stats/reset", (HttpContext ctx) =>
        {
            sim.Stats.Reset();
            return OkAsync(ctx);
        });
        routes.MapPost("/_sim/faults", async (HttpContext ctx) =>
        {
            using var doc = await ReadBodyAsync(ctx);
            try
            {
                sim.Faults.Add(FaultRule.Parse(doc.RootElement));
            }
            catch (FormatException ex)
            {
                throw BadHookRequest(ex.Message);
            }
            await OkAsync(ctx);
        });
        routes.MapDelete("/_sim/faults", (HttpContext ctx) =>
        {
            sim.Faults.Clear();
            return OkAsync(ctx);
        });
        routes.MapPost("/_sim/config", async (HttpContext ctx) =>
        {
            using var doc = await ReadBodyAsync(ctx);
            var e = doc.RootElement;
            var c = sim.Config;
            try
            {
                if (e.TryGetProperty("heavy", out var v)) c.Heavy = RateLimitSpec.Parse(v.GetString()!);
                if (e.TryGetProperty("medium", out v)) c.Medium = RateLimitSpec.Parse(v.GetString()!);
                if (e.TryGetProperty("light", out v)) c.Light = RateLimitSpec.Parse(v.GetString()!);
                if (e.TryGetProperty("auth", out v)) c.Auth = RateLimitSpec.Parse(v.GetString()!);
                if (e.TryGetProperty("penalty", out v)) c.PenaltySeconds = v.GetInt32();
                if (e.TryGetProperty("latencyMs", out v)) c.LatencyMs = v.GetInt32();
                if (e.TryGetProperty("accessTokenTtl", out v)) c.AccessTokenTtl = v.GetInt32();
                if (e.TryGetProperty("refreshTokenTtl", out v)) c.RefreshTokenTtl = v.GetInt32();
                if (e.TryGetProperty("mediaBaseUrl", out v)) c.MediaBaseUrl = v.ValueKind == JsonValueKind.Null ? null : v.GetString();
                if (e.TryGetProperty("callsPerListRequest", out v)) c.CallsPerListRequest = v.GetInt32();
                if (e.TryGetProperty("livePaused", out v)) c.LivePaused = v.GetBoolean();
                if (e.TryGetProperty("adminMailboxAccess", out v)) c.AdminMailboxAccess = v.GetBoolean();
                if (e.TryGetProperty("exportDelaySeconds", out v)) c.ExportDelaySeconds = Math.Max(0, v.GetDouble());
                if (e.TryGetProperty("exportFails", out v)) c.ExportFails = v.GetBoolean();
                if (e.TryGetProperty("exportArchiveMaxBytes", out v)) c.ExportArchiveMaxBytes = Math.Max(1, v.GetInt64());
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                throw BadHookRequest(ex.Message);
            }
            // New limits start from fresh windows.
            sim.Limiter.Reset();
            await OkAsync(ctx);
        });
        routes.MapPost("/_sim/jwt", async (HttpContext ctx) =>
        {
            using var doc = await ReadBodyAsync(ctx);
            var e = doc.RootElement;
            var ext = e.TryGetProperty("extensionId", out var v) ? v.GetString() ?? "" : sim.Extensions[0].Id;
            var seconds = e.TryGetProperty("expiresInSeconds", out v) ? v.GetInt32() : 3600;
            var jwt = sim.Jwt.Mint(ext, DateTimeOffset.UtcNow.AddSeconds(seconds), sim.TokenAudience);
            await JsonBody.WriteAsync(ctx, 200, w =>
            {
                w.WriteStartObject();
                w.WriteString("jwt", jwt);
                w.WriteEndObject();
            });
        });
        routes.MapPost("/_sim/calls", async (HttpContext ctx) =>
        {
            using var doc = await ReadBodyAsync(ctx);
            var e = doc.RootElement;
            var count = e.TryGetProperty("count", out var v) ? v.GetInt32() : 1;
            var ended = e.TryGetProperty("endedSecondsAgo", out v) ? v.GetInt32() : 0;
            int? visible = e.TryGetProperty("visibleAfterSeconds", out v) ? v.GetInt32() : null;
            int? duration = e.TryGetProperty("durationSeconds", out v) ? v.GetInt32() : null;
            await WriteIdsAsync(ctx, "added", sim.AddCalls(count, ended, visible, duration));
        });
        routes.MapPost("/_sim/modify", async (HttpContext ctx) =>
        {
            using var doc = await ReadBodyAsync(ctx);
            var count = doc.RootElement.TryGetProperty("count", out var v) ? v.GetInt32() : 1;
            if (!doc.RootElement.TryGetProperty("kind", out var kind))
            {
                await WriteIdsAsync(ctx, "modified", sim.ModifyCalls(count));
                return;
            }
            List<CallRecord> changed;
            try
            {
                var text = kind.GetString() ?? "";
                changed = text.Equals("mix", StringComparison.OrdinalIgnoreCase)
                    ? sim.Mutator.Mutate(count, null, sim.Options.LiveChangeMix)
                    : sim.Mutator.Mutate(count, LiveMutator.ParseKind(text), sim.Options.LiveChangeMix);
            }
            catch (FormatException ex)
            {
                throw BadHookRequest(ex.Message);
            }
            await WriteIdsAsync(ctx, "modified", changed);
        });
    }

    /// <summary>A hook body that does not say what to do: 400 SIM-400 with the reason.</summary>
    private static Refusal BadHookRequest(string reason) => new(400, ErrorBodies.Simple("SIM-400", reason));

    private static async Task<JsonDocument> ReadBodyAsync(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var text = await reader.ReadToEndAsync();
        return JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
    }

    private static Task OkAsync(HttpContext ctx) => JsonBody.WriteAsync(ctx, 200, "{\"ok\":true}"u8.ToArray());

    private static Task WriteIdsAsync(HttpContext ctx, string name, List<CallRecord> records) => JsonBody.WriteAsync(ctx, 200, w =>
    {
        w.WriteStartObject();
        w.WriteStartArray(name);
        foreach (var r in records) w.WriteStringValue(r.Id);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>Every record held, unfiltered, Detailed, with the hidden facts in "_sim". Optional raw startTime range.</summary>
    private static Task RecordsAsync(HttpContext ctx, SimulatorState sim)
    {
        var q = ctx.Request.Query;
        var from = long.MinValue / 2;
        var to = long.MaxValue / 2;
        // A date that does not parse is no bound (this hook reports, it does not validate).
        if (q["dateFrom"].ToString() is { Length: > 0 } f && ListRequest.TryParseDate(f, out var df)) from = df.ToUnixTimeMilliseconds();
        if (q["dateTo"].ToString() is { Length: > 0 } t && ListRequest.TryParseDate(t, out var dt)) to = dt.ToUnixTimeMilliseconds();
        var range = sim.Store.Range(from, to);
        var uris = sim.Uris;
        return JsonBody.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("records");
            foreach (var r in range)
            {
                RecordJsonWriter.Write(w, r, true, uris, true, true, extra: x =>
                {
                    x.WriteStartObject("_sim");
                    x.WriteString("ownerExtensionId", r.Owner.Id);
                    RecordJsonWriter.WriteTime(x, "visibleAt", r.VisibleAtMs);
                    x.WriteBoolean("deleted", r.Deleted);
                    x.WriteBoolean("blocked", r.Blocked);
                    x.WriteEndObject();
                });
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }, 1 << 20);
    }
}
