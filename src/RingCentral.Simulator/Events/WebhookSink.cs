using System.Collections.Concurrent;
using System.Text;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Events;

/// <summary>
/// /_sim/webhook (only with --test-hooks): a stand-in for the chat or CRM webhook a script posts its
/// events to, so a documented recipe that posts somewhere can run against the simulator and a test
/// can see what arrived. POST keeps the body (JSON or not) and answers 200; GET lists the bodies,
/// oldest first. It is the script's endpoint, not RingCentral's: no token is asked for.
/// </summary>
internal static class WebhookSink
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var bodies = new ConcurrentQueue<(DateTimeOffset At, string ContentType, string Body)>();
        routes.MapPost("/_sim/webhook", async (HttpContext ctx) =>
        {
            using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
            bodies.Enqueue((DateTimeOffset.UtcNow, ctx.Request.ContentType ?? "", await reader.ReadToEndAsync()));
            await JsonBody.WriteAsync(ctx, 200, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("received", bodies.Count);
                w.WriteEndObject();
            });
        });
        routes.MapGet("/_sim/webhook", (HttpContext ctx) => JsonBody.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("posts");
            foreach (var (at, contentType, body) in bodies)
            {
                w.WriteStartObject();
                w.WriteString("receivedTime", at.UtcDateTime);
                w.WriteString("contentType", contentType);
                w.WriteString("body", body);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }, 1 << 16));
    }
}
