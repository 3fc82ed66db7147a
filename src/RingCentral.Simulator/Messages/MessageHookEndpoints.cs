using System.Text.Json;
using RingCentral.Simulator.Data;
using RingCentral.Simulator.Endpoints;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Messages;

/// <summary>/_sim/messages (only with --test-hooks): every message with its hidden facts, and messages made to order.</summary>
internal static class MessageHookEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SimulatorState sim)
    {
        routes.MapGet("/_sim/messages", (HttpContext ctx) =>
        {
            var only = ctx.Request.Query["extensionId"].ToString();
            var all = sim.Messages.AccountWide(long.MinValue / 2, long.MaxValue / 2, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())
                .Where(m => only.Length == 0 || m.Owner.Id == only).ToList();
            var uris = sim.Uris;
            return JsonBody.WriteAsync(ctx, 200, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("messages");
                foreach (var m in all)
                {
                    w.WriteStartObject();
                    w.WritePropertyName("message");
                    MessageJsonWriter.Write(w, m, uris, single: false);
                    w.WriteString("ownerExtensionId", m.Owner.Id);
                    if (m.Call is { } call) w.WriteString("callLogId", call.Id); else w.WriteNull("callLogId");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }, 1 << 20);
        });
        routes.MapPost("/_sim/messages", async (HttpContext ctx) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var text = await reader.ReadToEndAsync();
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
            var e = doc.RootElement;
            string Str(string name, string fallback) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : fallback;
            int Int(string name, int fallback) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : fallback;
            var owner = sim.FindExtension(Str("extensionId", sim.Extensions[0].Id)) ?? throw Bad("extensionId names no extension");
            if (!MessageKinds.TryParse(Str("type", "VoiceMail"), out var parsed) || parsed is not MessageKind kind) throw Bad("type is VoiceMail, Fax or SMS");
            var inbound = !Str("direction", "Inbound").Equals("Outbound", StringComparison.OrdinalIgnoreCase);
            if (kind == MessageKind.VoiceMail && !inbound) throw Bad("a voicemail is always inbound");
            var created = DateTimeOffset.UtcNow.AddSeconds(-Int("createdSecondsAgo", 0)).ToUnixTimeMilliseconds();
            bool? transcribed = e.TryGetProperty("transcription", out var tr) && tr.ValueKind is JsonValueKind.True or JsonValueKind.False ? tr.GetBoolean() : null;
            var other = new Party { PhoneNumber = "+16505550199", Name = "Sim Caller", Location = "Palo Alto, CA" };
            var f = sim.Messages.Factory;
            var added = sim.Messages.Add(Math.Clamp(Int("count", 1), 1, 1000), id =>
            {
                var h = MessageFactory.Mix((ulong)id);
                var m = kind switch
                {
                    MessageKind.VoiceMail => f.Voicemail(id, owner, other, created, Math.Max(1, Int("seconds", 20)), h, transcribed: transcribed),
                    MessageKind.Fax => f.Fax(id, owner, inbound, inbound ? other : owner.Party, inbound ? owner.Party : other, created, Math.Max(1, Int("pages", 2)), h),
                    _ => f.Sms(id, owner, inbound, other, created, Str("text", "Test message"), 5_700_000_000_000_000_999),
                };
                // New messages arrive unread; what one sent is read.
                m.ReadStatus = inbound ? "Unread" : "Read";
                return m;
            });
            await JsonBody.WriteAsync(ctx, 200, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("added");
                foreach (var m in added) w.WriteNumberValue(m.Id);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });
    }

    private static Refusal Bad(string reason) => new(400, ErrorBodies.Simple("SIM-400", reason));
}
