using System.Globalization;
using System.Text.Json;
using RingCentral.Simulator.Data;
using RingCentral.Simulator.Faults;
using RingCentral.Simulator.Infrastructure;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Endpoints;

/// <summary>/_sim/* hooks (only with --test-hooks): ground truth, stats, faults, config, JWTs, new and changed calls.</summary>
internal static class TestHookEndpoints
{
    public static void Map(WebApplication app, SimulatorState sim)
    {
        app.MapGet("/_sim/records", (HttpContext ctx) => Records(ctx, sim));
        app.MapGet("/_sim/stats", (HttpContext ctx) => Http.WriteJson(ctx, 200, sim.Stats.Write, 1 << 16));
        app.MapPost("/_sim/stats/reset", (HttpContext ctx) =>
        {
            sim.Stats.Reset();
            return Ok(ctx);
        });
        app.MapPost("/_sim/faults", async (HttpContext ctx) =>
        {
            using var doc = await Body(ctx);
            var (rule, error) = FaultRule.Parse(doc.RootElement);
            if (rule is null)
            {
                await Http.WriteJson(ctx, 400, ErrorBodies.Simple("SIM-400", error!));
                return;
            }
            sim.Faults.Add(rule);
            await Ok(ctx);
        });
        app.MapDelete("/_sim/faults", (HttpContext ctx) =>
        {
            sim.Faults.Clear();
            return Ok(ctx);
        });
        app.MapPost("/_sim/config", async (HttpContext ctx) =>
        {
            using var doc = await Body(ctx);
            var e = doc.RootElement;
            var c = sim.Config;
            try
            {
                if (e.TryGetProperty("heavy", out var v)) c.Heavy = RateLimitSpec.Parse(v.GetString()!);
                if (e.TryGetProperty("light", out v)) c.Light = RateLimitSpec.Parse(v.GetString()!);
                if (e.TryGetProperty("auth", out v)) c.Auth = RateLimitSpec.Parse(v.GetString()!);
                if (e.TryGetProperty("penalty", out v)) c.PenaltySeconds = v.GetInt32();
                if (e.TryGetProperty("latencyMs", out v)) c.LatencyMs = v.GetInt32();
                if (e.TryGetProperty("accessTokenTtl", out v)) c.AccessTokenTtl = v.GetInt32();
                if (e.TryGetProperty("refreshTokenTtl", out v)) c.RefreshTokenTtl = v.GetInt32();
                if (e.TryGetProperty("mediaBaseUrl", out v)) c.MediaBaseUrl = v.ValueKind == JsonValueKind.Null ? null : v.GetString();
                if (e.TryGetProperty("callsPerListRequest", out v)) c.CallsPerListRequest = v.GetInt32();
                if (e.TryGetProperty("livePaused", out v)) c.LivePaused = v.GetBoolean();
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                await Http.WriteJson(ctx, 400, ErrorBodies.Simple("SIM-400", ex.Message));
                return;
            }
            // New limits start from fresh windows.
            sim.Limiter.Reset();
            await Ok(ctx);
        });
        app.MapPost("/_sim/jwt", async (HttpContext ctx) =>
        {
            using var doc = await Body(ctx);
            var e = doc.RootElement;
            var ext = e.TryGetProperty("extensionId", out var v) ? v.GetString() ?? "" : sim.Extensions[0].Id;
            var seconds = e.TryGetProperty("expiresInSeconds", out v) ? v.GetInt32() : 3600;
            var jwt = sim.Jwt.Mint(ext, DateTimeOffset.UtcNow.AddSeconds(seconds), sim.TokenAudience);
            await Http.WriteJson(ctx, 200, w =>
            {
                w.WriteStartObject();
                w.WriteString("jwt", jwt);
                w.WriteEndObject();
            });
        });
        app.MapPost("/_sim/calls", async (HttpContext ctx) =>
        {
            using var doc = await Body(ctx);
            var e = doc.RootElement;
            var count = e.TryGetProperty("count", out var v) ? v.GetInt32() : 1;
            var ended = e.TryGetProperty("endedSecondsAgo", out v) ? v.GetInt32() : 0;
            int? visible = e.TryGetProperty("visibleAfterSeconds", out v) ? v.GetInt32() : null;
            int? duration = e.TryGetProperty("durationSeconds", out v) ? v.GetInt32() : null;
            await WriteIds(ctx, "added", sim.AddCalls(count, ended, visible, duration));
        });
        app.MapPost("/_sim/modify", async (HttpContext ctx) =>
        {
            using var doc = await Body(ctx);
            var count = doc.RootElement.TryGetProperty("count", out var v) ? v.GetInt32() : 1;
            if (!doc.RootElement.TryGetProperty("kind", out var kind))
            {
                await WriteIds(ctx, "modified", sim.ModifyCalls(count));
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
                await Http.WriteJson(ctx, 400, ErrorBodies.Simple("SIM-400", ex.Message));
                return;
            }
            await WriteIds(ctx, "modified", changed);
        });
    }

    private static async Task<JsonDocument> Body(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var text = await reader.ReadToEndAsync();
        return JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
    }

    private static Task Ok(HttpContext ctx) => Http.WriteJson(ctx, 200, "{\"ok\":true}"u8.ToArray());

    private static Task WriteIds(HttpContext ctx, string name, List<CallRecord> records) => Http.WriteJson(ctx, 200, w =>
    {
        w.WriteStartObject();
        w.WriteStartArray(name);
        foreach (var r in records) w.WriteStringValue(r.Id);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>Every record held, unfiltered, Detailed, with the hidden facts in "_sim". Optional raw startTime range.</summary>
    private static Task Records(HttpContext ctx, SimulatorState sim)
    {
        var q = ctx.Request.Query;
        var from = long.MinValue / 2;
        var to = long.MaxValue / 2;
        if (q["dateFrom"].ToString() is { Length: > 0 } f && DateTimeOffset.TryParse(f, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var df)) from = df.ToUnixTimeMilliseconds();
        if (q["dateTo"].ToString() is { Length: > 0 } t && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt)) to = dt.ToUnixTimeMilliseconds();
        var range = sim.Store.Range(from, to);
        var uris = sim.Uris;
        return Http.WriteJson(ctx, 200, w =>
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
