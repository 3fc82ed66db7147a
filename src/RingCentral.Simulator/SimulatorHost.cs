using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using RingCentral.Simulator.Data;
using RingCentral.Simulator.Endpoints;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator;

/// <summary>
/// Runs the simulator in-process: a platform listener and a media listener (same host, another port).
/// Used by Program and by tests.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LiveMode? _liveTimer;

    private SimulatorHost(WebApplication app, SimulatorInfo info, LiveMode? liveTimer)
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
        app.Use((ctx, next) => RequestPipeline.InvokeAsync(ctx, next, state));
        app.UseWebSockets();
        // Every endpoint answers the refusals its checks and handler throw.
        var routes = app.MapGroup("").AddEndpointFilter<RefusalFilter>();
        OAuthEndpoints.Map(routes, state);
        AccountEndpoints.Map(routes, state);
        CallLogEndpoints.Map(routes, state);
        RecordingEndpoints.Map(routes, state);
        Messages.MessageEndpoints.Map(routes, state);
        Messages.ExportEndpoints.Map(routes, state);
        Events.GatewayEndpoints.Map(routes, state);
        if (options.TestHooks)
        {
            TestHookEndpoints.Map(routes, state);
            Messages.MessageHookEndpoints.Map(routes, state);
            Events.GatewayEndpoints.MapHooks(routes, state);
        }
        app.MapFallback((HttpContext ctx) => JsonBody.WriteAsync(ctx, 404, ErrorBodies.InvalidUri()));

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
        return new SimulatorHost(app, info, options.Live ? LiveMode.Start(state) : null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_liveTimer is not null) await _liveTimer.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
