using RingCentral.Simulator.Endpoints;
using RingCentral.Simulator.Faults;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator;

/// <summary>
/// What every request goes through before its endpoint: it is counted in the stats (with its final status
/// and rate-limit group), gets an RCRequestId, waits the configured latency, is kept to its listener (the
/// media listener serves recording and message content only) and may be hit by a queued fault. /_sim/* hooks are only counted.
/// </summary>
internal static class RequestPipeline
{
    public static async Task InvokeAsync(HttpContext ctx, RequestDelegate next, SimulatorState sim)
    {
        var req = ctx.Request;
        var path = req.Path.Value ?? "";
        var auth = req.Headers.Authorization.ToString();
        var authKind = auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? "Bearer"
            : auth.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) ? "Basic" : null;
        var entry = sim.Stats.Add(req.Method, path, req.QueryString.Value ?? "", authKind, req.Query.ContainsKey("access_token"), req.Headers.Range.Count > 0 ? req.Headers.Range.ToString() : null);
        ctx.Response.Headers["RCRequestId"] = Guid.NewGuid().ToString();
        try
        {
            if (path.StartsWith("/_sim/", StringComparison.Ordinal))
            {
                await next(ctx);
                return;
            }
            if (sim.Config.LatencyMs > 0) await Task.Delay(sim.Config.LatencyMs);
            var onMedia = ctx.Connection.LocalPort == sim.MediaPort;
            if (onMedia && !IsMediaPath(path))
            {
                await JsonBody.WriteAsync(ctx, 404, ErrorBodies.InvalidUri());
                return;
            }
            var fault = sim.Faults.Next(path);
            if (fault is null)
            {
                await next(ctx);
                return;
            }
            await FaultResponder.ServeAsync(ctx, next, fault);
        }
        finally
        {
            entry.Status = ctx.Response.StatusCode;
            entry.Group = ctx.Items.TryGetValue(RateLimitGate.GroupItem, out var g) ? g as string : null;
        }
    }

    /// <summary>Content paths: a recording's <c>…/content</c>, a message attachment's <c>…/content/{attachmentId}</c>.</summary>
    private static bool IsMediaPath(string path)
    {
        if (path.EndsWith("/content", StringComparison.Ordinal)) return true;
        var slash = path.LastIndexOf('/');
        return slash > 0 && path.AsSpan(0, slash).EndsWith("/content", StringComparison.Ordinal);
    }
}
