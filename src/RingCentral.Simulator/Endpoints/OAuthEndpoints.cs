using System.Text;
using RingCentral.Simulator.Auth;
using RingCentral.Simulator.Infrastructure;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Endpoints;

/// <summary>POST /restapi/oauth/token, GET /restapi/oauth/authorize, POST /restapi/oauth/revoke.</summary>
internal static class OAuthEndpoints
{
    private const string JwtGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    public static void Map(IEndpointRouteBuilder routes, SimulatorState sim)
    {
        routes.MapPost("/restapi/oauth/token", (HttpContext ctx) => TokenAsync(ctx, sim));
        routes.MapPost("/restapi/oauth/revoke", (HttpContext ctx) => RevokeAsync(ctx, sim));
        routes.MapGet("/restapi/oauth/authorize", (HttpContext ctx) => Authorize(ctx, sim));
    }

    /// <summary>Client from Basic auth (confidential) or from the client_id form field (public PKCE client).</summary>
    private static (string? ClientId, bool Basic, bool SecretOk) Client(HttpContext ctx, SimulatorState sim, IFormCollection form)
    {
        var auth = ctx.Request.Headers.Authorization.ToString();
        if (auth.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(auth[6..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                var id = colon < 0 ? pair : pair[..colon];
                var secret = colon < 0 ? "" : pair[(colon + 1)..];
                return (id, true, id == sim.ClientId && secret == sim.ClientSecret);
            }
            catch (FormatException)
            {
                return ("", true, false);
            }
        }
        var bodyId = form["client_id"].ToString();
        return (bodyId.Length == 0 ? null : bodyId, false, false);
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpContext ctx)
        => ctx.Request.HasFormContentType ? await ctx.Request.ReadFormAsync() : FormCollection.Empty;

    /// <summary>The Auth group is counted per client (per address when none is named).</summary>
    private static void ApplyRateLimit(HttpContext ctx, SimulatorState sim, string? clientId)
        => RateLimitGate.Apply(ctx, sim, RateGroup.Auth, "client:" + (clientId ?? ctx.Connection.RemoteIpAddress?.ToString()));

    private static Refusal OAuthError(string error, string code, string description, string? parameterName = null, string? parameterValue = null)
        => new(400, ErrorBodies.OAuth(error, code, description, parameterName, parameterValue));

    private static Refusal InvalidClient(string? clientId)
        => OAuthError("invalid_client", "OAU-153", "Invalid client: " + (clientId ?? ""), "client_id", clientId ?? "");

    private static async Task TokenAsync(HttpContext ctx, SimulatorState sim)
    {
        var form = await ReadFormAsync(ctx);
        var (clientId, basic, secretOk) = Client(ctx, sim, form);
        ApplyRateLimit(ctx, sim, clientId);
        var grant = form["grant_type"].ToString();
        var publicPkce = !basic && clientId == sim.ClientId && grant == "authorization_code";
        if (!secretOk && !publicPkce) throw InvalidClient(clientId);
        var cfg = sim.Config;
        var now = DateTimeOffset.UtcNow;
        Session? session;
        switch (grant)
        {
            case JwtGrant:
            {
                var (outcome, extId) = sim.Jwt.Validate(form["assertion"].ToString(), now);
                if (outcome == JwtOutcome.Expired) throw OAuthError("invalid_grant", "OAU-213", "Token expired");
                var ext = outcome == JwtOutcome.Valid ? sim.FindExtension(extId!) : null;
                if (ext is null) throw OAuthError("invalid_grant", "OAU-140", "Invalid resource owner credentials.");
                session = sim.Tokens.Create(ext, sim.ClientId, cfg.AccessTokenTtl, cfg.RefreshTokenTtl, now);
                break;
            }
            case "refresh_token":
            {
                var (outcome, s) = sim.Tokens.Refresh(form["refresh_token"].ToString(), sim.ClientId, cfg.AccessTokenTtl, cfg.RefreshTokenTtl, now);
                if (outcome == RefreshOutcome.Expired) throw OAuthError("invalid_grant", "OAU-213", "Token expired");
                if (outcome != RefreshOutcome.Ok) throw OAuthError("invalid_grant", "OAU-211", "Token not found");
                session = s!;
                break;
            }
            case "authorization_code":
            {
                var code = sim.AuthCodes.Take(form["code"].ToString());
                if (code is null || code.Expires <= now) throw OAuthError("invalid_grant", "OAU-109", "Authorization code is invalid or expired");
                if (code.RedirectUri != form["redirect_uri"].ToString())
                {
                    throw OAuthError("invalid_grant", "OAU-110", "Redirect URI does not match", "redirect_uri", form["redirect_uri"].ToString());
                }
                // A public client must prove possession with PKCE; a confidential one may use it too.
                if ((publicPkce && code.Challenge is null) || !AuthCodeStore.VerifierMatches(code, form["code_verifier"].ToString()))
                {
                    throw OAuthError("invalid_grant", "OAU-154", "Code verifier is invalid", "code_verifier", "");
                }
                session = sim.Tokens.Create(code.Extension, sim.ClientId, cfg.AccessTokenTtl, cfg.RefreshTokenTtl, now);
                break;
            }
            default:
                throw OAuthError("unsupported_grant_type", "OAU-250", "Unsupported grant type", "grant_type", grant);
        }
        sim.Stats.Grant(grant);
        await JsonBody.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("access_token", session.AccessToken);
            w.WriteString("token_type", "bearer");
            w.WriteNumber("expires_in", cfg.AccessTokenTtl);
            w.WriteString("refresh_token", session.RefreshToken);
            w.WriteNumber("refresh_token_expires_in", cfg.RefreshTokenTtl);
            w.WriteString("scope", "ReadAccounts ReadCallLog ReadCallRecording");
            w.WriteString("owner_id", session.Extension.Id);
            w.WriteString("endpoint_id", "sim-" + session.SessionId);
            w.WriteString("session_id", session.SessionId);
            w.WriteEndObject();
        });
    }

    private static async Task RevokeAsync(HttpContext ctx, SimulatorState sim)
    {
        var form = await ReadFormAsync(ctx);
        var (clientId, basic, secretOk) = Client(ctx, sim, form);
        ApplyRateLimit(ctx, sim, clientId);
        if (!secretOk && !(!basic && clientId == sim.ClientId)) throw InvalidClient(clientId);
        var token = form["token"].ToString();
        if (token.Length == 0) token = ctx.Request.Query["token"].ToString();
        // RFC 7009: success even for an unknown token; revoking one token ends the whole session.
        sim.Tokens.Revoke(token);
        sim.Stats.Revoke();
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentLength = 0;
    }

    private static void Authorize(HttpContext ctx, SimulatorState sim)
    {
        var q = ctx.Request.Query;
        if (q["response_type"].ToString() != "code")
        {
            throw OAuthError("unsupported_response_type", "OAU-101", "Unsupported response type", "response_type", q["response_type"].ToString());
        }
        if (q["client_id"].ToString() != sim.ClientId) throw InvalidClient(q["client_id"].ToString());
        var redirect = q["redirect_uri"].ToString();
        if (!Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri) || redirectUri.Scheme != "http" || !redirectUri.IsLoopback)
        {
            throw OAuthError("invalid_request", "OAU-102", "Redirect URI must be a loopback http address", "redirect_uri", redirect);
        }
        var ext = sim.Extensions[0];
        if (q["login_hint"].ToString() is { Length: > 0 } hint)
        {
            ext = sim.FindExtension(hint) ?? sim.Extensions.FirstOrDefault(e => e.ExtensionNumber == hint) ?? ext;
        }
        var challenge = q["code_challenge"].ToString();
        var method = q["code_challenge_method"].ToString();
        method = method.Length == 0 ? "plain" : method;
        if (method is not ("plain" or "S256"))
        {
            throw OAuthError("invalid_request", "OAU-103", "Unsupported code challenge method", "code_challenge_method", method);
        }
        var code = sim.AuthCodes.Add(new AuthCode(ext, sim.ClientId, redirect, challenge.Length == 0 ? null : challenge, method, DateTimeOffset.UtcNow.AddMinutes(1)));
        var state = q["state"].ToString();
        var location = redirect + (redirect.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "code=" + Uri.EscapeDataString(code)
            + (state.Length > 0 ? "&state=" + Uri.EscapeDataString(state) : "");
        ctx.Response.StatusCode = 302;
        ctx.Response.Headers.Location = location;
    }
}
