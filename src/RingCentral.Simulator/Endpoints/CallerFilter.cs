using RingCentral.Simulator.Auth;
using RingCentral.Simulator.Data;
using RingCentral.Simulator.Infrastructure;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Endpoints;

/// <summary>
/// The checks RingCentral makes before an API handler runs, in its order: the bearer token, the rate
/// limit of <paramref name="group"/> (per user and client), the {accountId} path segment, and then the
/// level: an {extensionId} must be the caller's own extension unless the caller is an admin; an
/// account-level path that needs <paramref name="accountLevelPermission"/> refuses a non-admin. Each check
/// that fails throws its <see cref="Refusal"/>; when all pass, the handler finds the <see cref="Caller"/>.
/// </summary>
internal sealed class CallerFilter(SimulatorState sim, RateGroup group, string? accountLevelPermission = null) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var ctx = context.HttpContext;
        var session = Authenticate(ctx.Request);
        RateLimitGate.Apply(ctx, sim, group, session.Extension.Id + ":" + session.ClientId);
        var route = ctx.Request.RouteValues;
        var accountId = route["accountId"] as string;
        if (accountId != "~" && accountId != sim.AccountId) throw new Refusal(404, ErrorBodies.NotFound("accountId"));
        Extension? owner = null;
        if (route["extensionId"] is string extensionId)
        {
            owner = ResolveExtension(session, extensionId);
        }
        else if (accountLevelPermission is not null && !session.Extension.IsAdmin)
        {
            throw new Refusal(403, ErrorBodies.Api("InsufficientPermissions", "CMN-408", $"[{accountLevelPermission}] permission required", permissionName: accountLevelPermission));
        }
        ctx.Features.Set(new Caller(session, owner));
        return next(context);
    }

    /// <summary>The session of the bearer token: from the Authorization header, or from ?access_token= as RingCentral also accepts.</summary>
    private Session Authenticate(HttpRequest req)
    {
        var header = req.Headers.Authorization.ToString();
        // "Bearer " with nothing after it is a token that is not valid, not a missing one.
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : req.Query["access_token"].ToString() is { Length: > 0 } q ? q : null;
        if (token is null) throw new Refusal(401, ErrorBodies.Api("AuthorizationRequired", "AGW-401", "Authorization header is not specified"));
        var (outcome, session) = sim.Tokens.CheckAccess(token, DateTimeOffset.UtcNow);
        return outcome switch
        {
            AccessOutcome.Ok => session!,
            AccessOutcome.Expired => throw new Refusal(401, ErrorBodies.Api("TokenExpired", "OAU-128", "Access token expired")),
            _ => throw new Refusal(401, ErrorBodies.Api("TokenInvalid", "OAU-149", "OAuth token is invalid")),
        };
    }

    /// <summary>{extensionId}: "~" or an id. Admins may read any extension, others only their own.</summary>
    private Extension ResolveExtension(Session session, string extensionId)
    {
        if (extensionId == "~" || extensionId == session.Extension.Id) return session.Extension;
        var ext = sim.FindExtension(extensionId) ?? throw new Refusal(404, ErrorBodies.NotFound("extensionId"));
        if (!session.Extension.IsAdmin) throw new Refusal(403, ErrorBodies.AnotherExtension());
        return ext;
    }
}
