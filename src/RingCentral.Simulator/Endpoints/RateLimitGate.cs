using System.Globalization;
using RingCentral.Simulator.Infrastructure;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Endpoints;

/// <summary>Counts a request against its rate-limit group, says so in the X-Rate-Limit-* headers, and refuses it when over the limit.</summary>
internal static class RateLimitGate
{
    /// <summary>The HttpContext item that carries the group's name to the stats of the request.</summary>
    public const string GroupItem = "rc.group";

    /// <summary>Adds the X-Rate-Limit-* headers (none for an unlimited group); over the limit: 429 CMN-301 with Retry-After.</summary>
    public static void Apply(HttpContext ctx, SimulatorState sim, RateGroup group, string identity)
    {
        var groupName = group.ToString().ToLowerInvariant();
        ctx.Items[GroupItem] = groupName;
        var d = sim.Limiter.Check(identity, group, DateTimeOffset.UtcNow);
        if (!d.Spec.IsUnlimited)
        {
            var h = ctx.Response.Headers;
            h["X-Rate-Limit-Group"] = groupName;
            h["X-Rate-Limit-Limit"] = d.Spec.Limit.ToString(CultureInfo.InvariantCulture);
            h["X-Rate-Limit-Remaining"] = d.Remaining.ToString(CultureInfo.InvariantCulture);
            h["X-Rate-Limit-Window"] = d.Spec.WindowSeconds.ToString(CultureInfo.InvariantCulture);
        }
        if (d.Allowed) return;
        sim.Stats.RateLimited();
        ctx.Response.Headers.RetryAfter = d.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        throw new Refusal(429, ErrorBodies.RateExceeded());
    }
}
