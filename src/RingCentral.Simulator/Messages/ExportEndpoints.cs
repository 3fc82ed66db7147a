using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using RingCentral.Simulator.Endpoints;
using RingCentral.Simulator.Infrastructure;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Messages;

/// <summary>
/// The account-wide message store export (Heavy group; admins only, as the guide says: a user without
/// the admin role gets 403 CMN-408 "[Users] permission required", the spec's user permission): create a
/// task (202), read its status, list its archives once it is Completed, download each zip (platform host,
/// as in the guide's sample; bearer header or <c>access_token</c>; Range/ETag like other content).
/// </summary>
internal static class ExportEndpoints
{
    private const string Base = "/restapi/v1.0/account/{accountId}/message-store-report";

    public static void Map(IEndpointRouteBuilder routes, SimulatorState sim)
    {
        var heavy = new CallerFilter(sim, RateGroup.Heavy, accountLevelPermission: "Users");
        routes.MapPost(Base, (HttpContext ctx) => CreateAsync(ctx, sim)).AddEndpointFilter(heavy);
        routes.MapGet(Base + "/{taskId}", (HttpContext ctx, string taskId) =>
        {
            var task = Find(sim, taskId);
            return JsonBody.WriteAsync(ctx, 200, w => task.Write(w, sim.Uris, NowMs, justCreated: false));
        }).AddEndpointFilter(heavy);
        routes.MapGet(Base + "/{taskId}/archive", (HttpContext ctx, string taskId) => ArchiveListAsync(ctx, sim, taskId)).AddEndpointFilter(heavy);
        routes.MapGet(Base + "/{taskId}/archive/{archiveId}", (HttpContext ctx, string taskId, string archiveId) => ArchiveAsync(ctx, sim, taskId, archiveId)).AddEndpointFilter(heavy);
    }

    private static long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static async Task CreateAsync(HttpContext ctx, SimulatorState sim)
    {
        var now = DateTimeOffset.UtcNow;
        DateTimeOffset to = now, from = now.AddHours(-24);
        List<string>? names = null;
        try
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, default, ctx.RequestAborted);
            var e = doc.RootElement;
            if (e.ValueKind != JsonValueKind.Object) throw new Refusal(400, ErrorBodies.Simple("CMN-103", "JSON can't be parsed"));
            if (e.TryGetProperty("dateTo", out var t) && !(t.ValueKind == JsonValueKind.String && ListRequest.TryParseDate(t.GetString()!, out to))) throw Invalid("dateTo", t);
            from = to.AddHours(-24);
            if (e.TryGetProperty("dateFrom", out var f) && !(f.ValueKind == JsonValueKind.String && ListRequest.TryParseDate(f.GetString()!, out from))) throw Invalid("dateFrom", f);
            if (e.TryGetProperty("messageTypes", out var types))
            {
                if (types.ValueKind != JsonValueKind.Array) throw Invalid("messageTypes", types);
                names = [];
                foreach (var v in types.EnumerateArray())
                {
                    var name = v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
                    if (!MessageKinds.TryParse(name, out _)) throw Invalid("messageTypes", v);
                    names.Add(name);
                }
            }
        }
        catch (JsonException)
        {
            throw new Refusal(400, ErrorBodies.Simple("CMN-103", "JSON can't be parsed"));
        }
        if (from > to) throw new Refusal(400, ErrorBodies.InvalidParameter("dateFrom", from.ToString("O", CultureInfo.InvariantCulture)));
        var kinds = names?.Select(n => MessageKinds.TryParse(n, out var k) ? k : null).Where(k => k is not null).Select(k => k!.Value).ToList();
        var caller = Caller.Of(ctx).Session.Extension;
        var nowMs = now.ToUnixTimeMilliseconds();
        var task = new ExportTask
        {
            Id = $"{sim.AccountId}-{caller.Id}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}",
            CreatorExtensionId = caller.Id, CreatedMs = nowMs, FinishMs = nowMs + (long)(sim.Config.ExportDelaySeconds * 1000),
            FromMs = from.ToUnixTimeMilliseconds(), ToMs = to.ToUnixTimeMilliseconds(), Kinds = kinds, KindNames = names, Fails = sim.Config.ExportFails,
        };
        sim.ExportTasks[task.Id] = task;
        await JsonBody.WriteAsync(ctx, 202, w => task.Write(w, sim.Uris, nowMs, justCreated: true));
    }

    private static Refusal Invalid(string name, JsonElement value) => new(400, ErrorBodies.InvalidParameter(name, value.ToString()));

    private static ExportTask Find(SimulatorState sim, string taskId)
        => sim.ExportTasks.TryGetValue(taskId, out var t) ? t : throw new Refusal(404, ErrorBodies.NotFound("taskId"));

    /// <summary>The archives of a Completed task; before that (or for a Failed one) there are none: 404 naming taskId.</summary>
    private static IReadOnlyList<byte[]> CompletedArchives(SimulatorState sim, string taskId)
    {
        var task = Find(sim, taskId);
        if (task.Status(NowMs) != "Completed") throw new Refusal(404, ErrorBodies.NotFound("taskId"));
        return task.Archives(sim.Messages, sim.Uris, sim.Config.ExportArchiveMaxBytes);
    }

    private static Task ArchiveListAsync(HttpContext ctx, SimulatorState sim, string taskId)
    {
        var archives = CompletedArchives(sim, taskId);
        var uris = sim.Uris;
        return JsonBody.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("records");
            for (var i = 0; i < archives.Count; i++)
            {
                w.WriteStartObject();
                w.WriteNumber("size", archives[i].Length);
                w.WriteString("uri", uris.AccountPath + "/message-store-report/" + taskId + "/archive/" + i.ToString(CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task ArchiveAsync(HttpContext ctx, SimulatorState sim, string taskId, string archiveId)
    {
        var archives = CompletedArchives(sim, taskId);
        if (!int.TryParse(archiveId, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= archives.Count)
        {
            throw new Refusal(404, ErrorBodies.NotFound("archiveId"));
        }
        var zip = archives[index];
        using var inFlight = sim.Stats.ContentStarted();
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(zip).AsSpan(0, 8)) + "\"";
        var task = Find(sim, taskId);
        await RangedContent.ServeAsync(ctx, zip.Length, etag, DateTimeOffset.FromUnixTimeMilliseconds(task.FinishMs), "application/zip",
            (pos, dest) => zip.AsSpan((int)pos, dest.Length).CopyTo(dest));
    }
}
