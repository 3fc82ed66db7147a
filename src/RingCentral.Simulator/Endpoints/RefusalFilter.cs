using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Endpoints;

/// <summary>Answers a <see cref="Refusal"/> thrown by the checks or the handler of any endpoint: its status and JSON body.</summary>
internal sealed class RefusalFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (Refusal refusal)
        {
            await JsonBody.WriteAsync(context.HttpContext, refusal.Status, refusal.Body);
            return Results.Empty;
        }
    }
}
