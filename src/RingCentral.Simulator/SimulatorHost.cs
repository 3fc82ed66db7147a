using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using RingCentral.Simulator.Endpoints;
using RingCentral.Simulator.Faults;
using RingCentral.Simulator.Infrastructure;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator;

/// <summary>
/// Runs the simulator in-process: a platform listener and a media listener (same host, another port).
/// Used by Program and by tests.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Data.LiveMode? _liveTimer;

    private SimulatorHost(WebApplication app, SimulatorInfo info, Data.LiveMode? liveTimer)
    {
        _app = app;
        Info = info;
        _liveTimer = liveTimer;
    }

    public SimulatorInfo Info { get; }

    internal SimulatorState State => _app.Services.GetRequiredService<SimulatorState>();

    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = new SimulatorState(options);
        var listen = new Uri(options.Urls.Split(';')[0]);
        var address = listen.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(listen.Host.Trim('[', ']'));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(state);
        ListenOptions? platform = null, media = null;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(address, listen.Port, lo => platform = lo);
            k.Listen(address, 0, lo => media = lo);
        });
        var app = builder.Build();
        app.Use((ctx, next) => Pipeline(ctx, next, state));
        OAuthEndpoints.Map(app, state);
        AccountEndpoints.Map(app, state);
        CallLogEndpoints.Map(app, state);
        RecordingEndpoints.Map(app, state);
        if (options.TestHooks) TestHookEndpoints.Map(app, state);
        app.MapFallback((HttpContext ctx) => Http.WriteJson(ctx, 404, ErrorBodies.InvalidUri()));

        await app.StartAsync(ct);
        var host = listen.Host is "localhost" ? "127.0.0.1" : listen.Host;
        state.PlatformBase = string.Create(CultureInfo.InvariantCulture, $"http://{host}:{platform!.IPEndPoint!.Port}");
        state.MediaPort = media!.IPEndPoint!.Port;
        state.MediaBase = string.Create(CultureInfo.InvariantCulture, $"http://{host}:{state.MediaPort}");

        var admin = state.Extensions[0];
        var user = state.Extensions[1];
        var far = DateTimeOffset.UtcNow.AddYears(10);
        var info = new SimulatorInfo
        {
            Url = state.PlatformBase,
            MediaUrl = state.MediaBase,
            ClientId = state.ClientId,
            ClientSecret = state.ClientSecret,
            AdminJwt = state.Jwt.Mint(admin.Id, far, state.TokenAudience),
            UserJwt = state.Jwt.Mint(user.Id, far, state.TokenAudience),
            AccountId = state.AccountId,
            AdminExtensionId = admin.Id,
            UserExtensionId = user.Id,
        };
        return new SimulatorHost(app, info, options.Live ? Data.LiveMode.Start(state) : null);
    }

    /// <summary>Per request: request id, stats, latency, faults, and keeping the two listeners apart.</summary>
    private static async Task Pipeline(HttpContext ctx, RequestDelegate next, SimulatorState sim)
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
            if (onMedia && !path.EndsWith("/content", StringComparison.Ordinal))
            {
                await Http.WriteJson(ctx, 404, ErrorBodies.InvalidUri());
                return;
            }
            var fault = sim.Faults.Next(path);
            if (fault is null)
            {
                await next(ctx);
                return;
            }
            await ApplyFault(ctx, next, fault);
        }
        finally
        {
            entry.Status = ctx.Response.StatusCode;
            entry.Group = ctx.Items.TryGetValue(Http.GroupItem, out var g) ? g as string : null;
        }
    }

    private static async Task ApplyFault(HttpContext ctx, RequestDelegate next, FaultRule fault)
    {
        switch (fault.Kind)
        {
            case "reset":
                ctx.Abort();
                return;
            case "redirect":
                ctx.Response.StatusCode = 302;
                ctx.Response.Headers.Location = fault.Location;
                return;
            case "delay":
                await Task.Delay(fault.DelayMs);
                await next(ctx);
                return;
            case "slow-body":
            case "stall-body":
                await PacedBodyStream.ServeAsync(ctx, next, fault);
                return;
            case "status":
                if (fault.RetryAfter is int ra) ctx.Response.Headers.RetryAfter = ra.ToString(CultureInfo.InvariantCulture);
                var body = fault.ErrorCode is { } errorCode ? ErrorBodies.Simple(errorCode, "Simulated error " + errorCode) : fault.Status switch
                {
                    429 => ErrorBodies.RateExceeded(),
                    >= 500 => ErrorBodies.Unavailable(),
                    404 => ErrorBodies.InvalidUri(),
                    _ => ErrorBodies.Simple("CMN-" + fault.Status.ToString(CultureInfo.InvariantCulture), "Simulated error"),
                };
                await Http.WriteJson(ctx, fault.Status, body);
                return;
            case "stall":
                await Stall(ctx, next, fault);
                return;
            case "body":
                var real = ctx.Response.Body;
                using (var discarded = new MemoryStream())
                {
                    ctx.Response.Body = discarded;
                    await next(ctx);
                    ctx.Response.Body = real;
                }
                var text = System.Text.Encoding.UTF8.GetBytes(fault.Body!);
                if (fault.Status > 0) ctx.Response.StatusCode = fault.Status;
                ctx.Response.ContentType = "application/json";
                ctx.Response.ContentLength = text.Length;
                await real.WriteAsync(text);
                return;
            default:
                // drop / truncate: produce the real answer, announce its full length, send half, then cut the connection.
                var original = ctx.Response.Body;
                using (var buffer = new MemoryStream())
                {
                    ctx.Response.Body = buffer;
                    await next(ctx);
                    ctx.Response.Body = original;
                    var bytes = buffer.ToArray();
                    ctx.Response.ContentLength = bytes.Length;
                    await original.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                    await original.FlushAsync();
                }
                await Task.Delay(20);
                ctx.Abort();
                return;
        }
    }

    /// <summary>Headers of the real answer (or of the fault's status), then silence: the body never comes.</summary>
    private static async Task Stall(HttpContext ctx, RequestDelegate next, FaultRule fault)
    {
        var original = ctx.Response.Body;
        using (var buffer = new MemoryStream())
        {
            ctx.Response.Body = buffer;
            if (fault.Status > 0)
            {
                ctx.Response.StatusCode = fault.Status;
                ctx.Response.ContentType = "application/json";
                buffer.Write(ErrorBodies.Unavailable());
            }
            else
            {
                await next(ctx);
            }
            ctx.Response.Body = original;
            ctx.Response.ContentLength = buffer.Length;
            await ctx.Response.StartAsync();
            await original.FlushAsync();
        }
        try
        {
            await Task.Delay(fault.DelayMs > 0 ? fault.DelayMs : Timeout.Infinite, ctx.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
        ctx.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        if (_liveTimer is not null) await _liveTimer.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
