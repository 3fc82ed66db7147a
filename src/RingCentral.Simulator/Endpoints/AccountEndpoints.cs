using RingCentral.Simulator.Infrastructure;

namespace RingCentral.Simulator.Endpoints;

/// <summary>Who am I: the account and the extension (Light group).</summary>
internal static class AccountEndpoints
{
    public static void Map(WebApplication app, SimulatorState sim)
    {
        app.MapGet("/restapi/v1.0/account/{accountId}", async (HttpContext ctx, string accountId) =>
        {
            var session = await Http.Authenticate(ctx, sim, RateGroup.Light);
            if (session is null || !await Http.CheckAccount(ctx, sim, accountId)) return;
            var admin = sim.Extensions[0];
            await Http.WriteJson(ctx, 200, w =>
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
        });
        app.MapGet("/restapi/v1.0/account/{accountId}/extension/{extensionId}", async (HttpContext ctx, string accountId, string extensionId) =>
        {
            var session = await Http.Authenticate(ctx, sim, RateGroup.Light);
            if (session is null || !await Http.CheckAccount(ctx, sim, accountId)) return;
            var ext = await Http.ResolveExtension(ctx, sim, session, extensionId);
            if (ext is null) return;
            await Http.WriteJson(ctx, 200, w =>
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
        });
    }
}
