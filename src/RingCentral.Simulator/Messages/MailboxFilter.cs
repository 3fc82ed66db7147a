using RingCentral.Simulator.Endpoints;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Messages;

/// <summary>
/// Runs after <see cref="CallerFilter"/> on message-store paths: whether an admin may open another
/// extension's mailbox is not documented (RingCentral's notes leave it open), so it is a switch
/// (--admin-mailbox-access, /_sim/config adminMailboxAccess). Refused, the admin gets what RingCentral
/// answers anyone reaching into another extension: 403 CMN-404 "Attempt to access another extension".
/// </summary>
internal sealed class MailboxFilter(SimulatorState sim) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var caller = Caller.Of(context.HttpContext);
        if (caller.Owner is not null && !ReferenceEquals(caller.Owner, caller.Session.Extension) && !sim.Config.AdminMailboxAccess)
        {
            throw new Refusal(403, ErrorBodies.AnotherExtension());
        }
        return next(context);
    }
}
