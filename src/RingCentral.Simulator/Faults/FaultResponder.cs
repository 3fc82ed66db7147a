using System.Diagnostics;
using System.Globalization;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Faults;

/// <summary>Answers a request that a queued fault hit, in place of (or around) its real answer.</summary>
internal static class FaultResponder
{
    public static async Task ServeAsync(HttpContext ctx, RequestDelegate next, FaultRule fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.Reset:
                ctx.Abort();
                return;
            case FaultKind.Redirect:
                ctx.Response.StatusCode = 302;
                ctx.Response.Headers.Location = fault.Location;
                return;
            case FaultKind.Delay:
                await Task.Delay(fault.DelayMs);
                await next(ctx);
                return;
            case FaultKind.SlowBody:
            case FaultKind.StallBody:
                await PacedBodyStream.ServeAsync(ctx, next, fault);
                return;
            case FaultKind.Status:
                await StatusAsync(ctx, fault);
                return;
            case FaultKind.Stall:
                await StallAsync(ctx, next, fault);
                return;
            case FaultKind.Body:
                await ReplaceBodyAsync(ctx, next, fault);
                return;
            case FaultKind.Drop:
            case FaultKind.Truncate:
                await HalfThenCutAsync(ctx, next);
                return;
            default:
                throw new UnreachableException("Fault kind " + fault.Kind + " has no answer.");
        }
    }

    /// <summary>The fault's status with the error body RingCentral gives for it (or the fault's errorCode).</summary>
    private static Task StatusAsync(HttpContext ctx, FaultRule fault)
    {
        if (fault.RetryAfter is int ra) ctx.Response.Headers.RetryAfter = ra.ToString(CultureInfo.InvariantCulture);
        return JsonBody.WriteAsync(ctx, fault.Status, ErrorBodyFor(fault));
    }

    private static byte[] ErrorBodyFor(FaultRule fault) => fault.ErrorCode is { } errorCode
        ? ErrorBodies.Simple(errorCode, "Simulated error " + errorCode)
        : fault.Status switch
        {
            429 => ErrorBodies.RateExceeded(),
            >= 500 => ErrorBodies.Unavailable(),
            404 => ErrorBodies.InvalidUri(),
            _ => ErrorBodies.Simple("CMN-" + fault.Status.ToString(CultureInfo.InvariantCulture), "Simulated error"),
        };

    /// <summary>Runs the real endpoint into memory and returns its body; status and headers stay set on the response.</summary>
    private static async Task<byte[]> RunBufferedAsync(HttpContext ctx, RequestDelegate next)
    {
        var original = ctx.Response.Body;
        using var buffer = new MemoryStream();
        ctx.Response.Body = buffer;
        try
        {
            await next(ctx);
        }
        finally
        {
            ctx.Response.Body = original;
        }
        return buffer.ToArray();
    }

    /// <summary>The real answer is produced and thrown away; the fault's text goes out instead.</summary>
    private static async Task ReplaceBodyAsync(HttpContext ctx, RequestDelegate next, FaultRule fault)
    {
        await RunBufferedAsync(ctx, next);
        var text = System.Text.Encoding.UTF8.GetBytes(fault.Body!);
        if (fault.Status > 0) ctx.Response.StatusCode = fault.Status;
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = text.Length;
        await ctx.Response.Body.WriteAsync(text);
    }

    /// <summary>Drop and truncate: the real answer, its full length announced, half of it sent, then the connection cut.</summary>
    private static async Task HalfThenCutAsync(HttpContext ctx, RequestDelegate next)
    {
        var bytes = await RunBufferedAsync(ctx, next);
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        await ctx.Response.Body.FlushAsync();
        await Task.Delay(20);
        ctx.Abort();
    }

    /// <summary>Headers of the real answer (or of the fault's status and its error body's length), then silence: the body never comes.</summary>
    private static async Task StallAsync(HttpContext ctx, RequestDelegate next, FaultRule fault)
    {
        byte[] body;
        if (fault.Status > 0)
        {
            body = ErrorBodyFor(fault);
            ctx.Response.StatusCode = fault.Status;
            ctx.Response.ContentType = JsonBody.ContentType;
        }
        else
        {
            body = await RunBufferedAsync(ctx, next);
        }
        ctx.Response.ContentLength = body.Length;
        await ctx.Response.StartAsync();
        await ctx.Response.Body.FlushAsync();
        try
        {
            await Task.Delay(fault.DelayMs > 0 ? fault.DelayMs : Timeout.Infinite, ctx.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
        ctx.Abort();
    }
}
