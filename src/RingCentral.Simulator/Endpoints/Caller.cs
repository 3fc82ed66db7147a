using Microsoft.AspNetCore.Http.Features;
using RingCentral.Simulator.Auth;
using RingCentral.Simulator.Data;

namespace RingCentral.Simulator.Endpoints;

/// <summary>
/// Who sent an API request (<see cref="Session"/>) and whose records it asks for: <see cref="Owner"/> is the
/// extension of an extension-level path ({extensionId}), null on an account-level path. Set by
/// <see cref="CallerFilter"/> once its checks passed.
/// </summary>
internal sealed record Caller(Session Session, Extension? Owner)
{
    public static Caller Of(HttpContext ctx) => ctx.Features.GetRequiredFeature<Caller>();
}
