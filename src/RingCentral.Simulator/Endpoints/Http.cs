using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Primitives;
using RingCentral.Simulator.Auth;
using RingCentral.Simulator.Data;
using RingCentral.Simulator.Infrastructure;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Endpoints;

/// <summary>Shared request plumbing: JSON answers, bearer authentication, rate limits and path ids.</summary>
internal static class Http
{
    public const string JsonType = "application/json;charset=UTF-8";
    public const string GroupItem = "rc.group";

    public static async Task WriteJson(HttpContext ctx, int status, byte[] body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = JsonType;
        ctx.Response.ContentLength = body.Length;
        await ctx.Response.Body.WriteAsync(body);
    }

    public static Task WriteJson(HttpContext ctx, int status, Action<Utf8JsonWriter> write, int capacity = 4096)
    {
        var buffer = new ArrayBufferWriter<byte>(capacity);
        using (var w = new Utf8JsonWriter(buffer, RingCentral.Simulator.Json.JsonOut.Options)) write(w);
        return WriteJson(ctx, status, buffer.WrittenSpan.ToArray());
    }

    /// <summary>The bearer token from the Authorization header, or from ?access_token= as RingCentral also accepts.</summary>
    public static string? BearerToken(HttpRequest req)
    {
        var auth = req.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return auth[7..].Trim();
        var q = req.Query["access_token"].ToString();
        return string.IsNullOrEmpty(q) ? null : q;
    }

    /// <summary>Authenticates the bearer and applies the group's rate limit; writes the error and returns null when refused.</summary>
    public static async Task<Session?> Authenticate(HttpContext ctx, SimulatorState sim, RateGroup group)
    {
        var token = BearerToken(ctx.Request);
        var now = DateTimeOffset.UtcNow;
        if (token is null)
        {
            await WriteJson(ctx, 401, ErrorBodies.Api("AuthorizationRequired", "AGW-401", "Authorization header is not specified"));
            return null;
        }
        var (outcome, session) = sim.Tokens.CheckAccess(token, now);
        if (outcome == AccessOutcome.Unknown)
        {
            await WriteJson(ctx, 401, ErrorBodies.Api("TokenInvalid", "OAU-149", "OAuth token is invalid"));
            return null;
        }
        if (outcome == AccessOutcome.Expired)
        {
            await WriteJson(ctx, 401, ErrorBodies.Api("TokenExpired", "OAU-128", "Access token expired"));
            return null;
        }
        return await ApplyRateLimit(ctx, sim, group, session!.Extension.Id + ":" + session.ClientId) ? session : null;
    }

    /// <summary>Adds the X-Rate-Limit-* headers; answers 429 CMN-301 with Retry-After when over the limit.</summary>
    public static async Task<bool> ApplyRateLimit(HttpContext ctx, SimulatorState sim, RateGroup group, string identity)
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
        if (d.Allowed) return true;
        sim.Stats.RateLimited();
        ctx.Response.Headers.RetryAfter = d.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await WriteJson(ctx, 429, ErrorBodies.RateExceeded());
        return false;
    }

    /// <summary>Checks the {accountId} path segment: "~" or the account's id.</summary>
    public static async Task<bool> CheckAccount(HttpContext ctx, SimulatorState sim, string accountId)
    {
        if (accountId == "~" || accountId == sim.AccountId) return true;
        await WriteJson(ctx, 404, ErrorBodies.NotFound("accountId"));
        return false;
    }

    /// <summary>Resolves {extensionId} ("~" or an id). Admins may read any extension, others only their own.</summary>
    public static async Task<Extension?> ResolveExtension(HttpContext ctx, SimulatorState sim, Session session, string extensionId)
    {
        if (extensionId == "~" || extensionId == session.Extension.Id) return session.Extension;
        var ext = sim.FindExtension(extensionId);
        if (ext is null)
        {
            await WriteJson(ctx, 404, ErrorBodies.NotFound("extensionId"));
            return null;
        }
        if (!session.Extension.IsAdmin)
        {
            await WriteJson(ctx, 403, ErrorBodies.Api("InsufficientPermissions", "CMN-404", "Attempt to access another extension"));
            return null;
        }
        return ext;
    }

    /// <summary>The 403 RingCentral gives a non-admin on company-level call log endpoints.</summary>
    public static Task CompanyPermissionRequired(HttpContext ctx)
        => WriteJson(ctx, 403, ErrorBodies.Api("InsufficientPermissions", "CMN-408", "[ReadCompanyCallLog] permission required", permissionName: "ReadCompanyCallLog"));

    /// <summary>The request's absolute uri with the query kept as sent but <c>page</c> set to <paramref name="page"/>.</summary>
    public static string UriWithPage(SimulatorState sim, HttpRequest req, int? page)
    {
        var raw = req.QueryString.HasValue ? req.QueryString.Value![1..] : "";
        var parts = raw.Length == 0 ? [] : raw.Split('&').Where(p => p.Length > 0).ToList();
        if (page is int p)
        {
            var value = "page=" + p.ToString(CultureInfo.InvariantCulture);
            var i = parts.FindIndex(x => x.Equals("page", StringComparison.Ordinal) || x.StartsWith("page=", StringComparison.Ordinal));
            if (i >= 0) parts[i] = value; else parts.Add(value);
            parts.RemoveAll(x => x.StartsWith("access_token=", StringComparison.Ordinal));
        }
        var query = parts.Count == 0 ? "" : "?" + string.Join('&', parts);
        return sim.PlatformBase + req.Path.Value + query;
    }

    public static StringValues Q(HttpRequest req, string name) => req.Query[name];
}
