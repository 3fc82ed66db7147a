using RingCentral.Simulator.Infrastructure;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Endpoints;

/// <summary>Who am I: the account and the extension (Light group).</summary>
internal static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SimulatorState sim)
    {
        var caller = new CallerFilter(sim, RateGroup.Light);
        routes.MapGet("/restapi/v1.0/account/{accountId}", (HttpContext ctx) =>
        {
            var admin = sim.Extensions[0];
            return JsonBody.WriteAsync(ctx, 200, w =>
            {
                w.WriteStartObject();
                w.WriteString("uri", sim.Uris.AccountPath);
                w.WriteNumber("id", sim.Generator.AccountNumericId);
                w.WriteString("mainNumber", admin.Party.PhoneNumber);
                w.WriteStartObject("operator");
                w.WriteString("uri", sim.Uris.AccountPath + "/extension/" + admin.Id);
                w.WriteNumber("id", admin.NumericId);
                w.WriteString("extensionNumber", admin.ExtensionNumber);
                w.WriteEndObject();
                w.WriteString("status", "Confirmed");
                w.WriteString("setupWizardState", "Completed");
                w.WriteEndObject();
            });
        }).AddEndpointFilter(caller);
        routes.MapGet("/restapi/v1.0/account/{accountId}/extension/{extensionId}", (HttpContext ctx) =>
        {
            var ext = Caller.Of(ctx).Owner!;
            return JsonBody.WriteAsync(ctx, 200, w =>
            {
                w.WriteStartObject();
                w.WriteString("uri", sim.Uris.AccountPath + "/extension/" + ext.Id);
                w.WriteNumber("id", ext.NumericId);
                w.WriteString("extensionNumber", ext.ExtensionNumber);
                w.WriteString("name", ext.Name);
                w.WriteString("type", "User");
                w.WriteString("status", "Enabled");
                w.WriteStartObject("contact");
                var parts = ext.Name.Split(' ', 2);
                w.WriteString("firstName", parts[0]);
                w.WriteString("lastName", parts.Length > 1 ? parts[1] : "");
                w.WriteString("email", parts[0].ToLowerInvariant() + "." + ext.ExtensionNumber + "@example.com");
                w.WriteString("company", SimulatorState.CompanyName);
                w.WriteEndObject();
                w.WriteStartObject("account");
                w.WriteString("uri", sim.Uris.AccountPath);
                w.WriteString("id", sim.AccountId);
                w.WriteEndObject();
                w.WriteStartObject("permissions");
                w.WriteStartObject("admin");
                w.WriteBoolean("enabled", ext.IsAdmin);
                w.WriteEndObject();
                w.WriteStartObject("internationalCalling");
                w.WriteBoolean("enabled", false);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteBoolean("hidden", false);
                w.WriteEndObject();
            });
        }).AddEndpointFilter(caller);
    }
}
