using System.Globalization;
using System.Text.Json;
using RingCentral.Simulator.Data;
using RingCentral.Simulator.Infrastructure;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Endpoints;

/// <summary>
/// Recording metadata (platform) and content (media listener only), with Range, ETag and If-Range;
/// deleting recordings (DELETE .../call-recordings) and the account's recording settings.
/// </summary>
internal static class RecordingEndpoints
{
    private const int MaxDeleteIds = 100;

    public static void Map(IEndpointRouteBuilder routes, SimulatorState sim)
    {
        var heavy = new CallerFilter(sim, RateGroup.Heavy);
        routes.MapDelete("/restapi/v1.0/account/{accountId}/call-recordings", (HttpContext ctx) => DeleteAsync(ctx, sim))
            .AddEndpointFilter(new CallerFilter(sim, RateGroup.Heavy, accountLevelPermission: "EditCompanyCallRecordings"));
        routes.MapGet("/restapi/v1.0/account/{accountId}/call-recording", (HttpContext ctx) => SettingsAsync(ctx, sim))
            .AddEndpointFilter(new CallerFilter(sim, RateGroup.Light));
        routes.MapGet("/restapi/v1.0/account/{accountId}/recording/{recordingId}", (HttpContext ctx, string recordingId) => MetadataAsync(ctx, sim, recordingId))
            .AddEndpointFilter(heavy);
        // RingCentral serves content only on the media entry point: on the platform listener the path is unknown, before any check.
        routes.MapGet("/restapi/v1.0/account/{accountId}/recording/{recordingId}/content", (HttpContext ctx, string recordingId) => ContentAsync(ctx, sim, recordingId))
            .AddEndpointFilter((context, next) => context.HttpContext.Connection.LocalPort == sim.MediaPort ? next(context) : throw new Refusal(404, ErrorBodies.InvalidUri()))
            .AddEndpointFilter(heavy);
    }

    /// <summary>The recording <paramref name="recordingId"/> names, if it exists, is not deleted, and the caller may see it (a non-admin: only recordings of their own calls).</summary>
    private static CallRecord Find(HttpContext ctx, SimulatorState sim, string recordingId)
    {
        var caller = Caller.Of(ctx).Session.Extension;
        var r = long.TryParse(recordingId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? sim.Store.FindByRecording(id) : null;
        if (r is null || (!caller.IsAdmin && !ReferenceEquals(r.Owner, caller))) throw new Refusal(404, ErrorBodies.NotFound("recordingId"));
        return r;
    }

    private static Task MetadataAsync(HttpContext ctx, SimulatorState sim, string recordingId)
    {
        var r = Find(ctx, sim, recordingId);
        return JsonBody.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", recordingId);
            w.WriteString("contentUri", sim.Uris.ContentUri(r.RecordingId));
            w.WriteString("contentType", AudioContent.ContentType(CallRecord.RecordingIsWav(r.RecordingId)));
            w.WriteNumber("duration", r.DurationSeconds);
            w.WriteEndObject();
        });
    }

    private static async Task ContentAsync(HttpContext ctx, SimulatorState sim, string recordingId)
    {
        var r = Find(ctx, sim, recordingId);
        using var inFlight = sim.Stats.ContentStarted();
        var wav = CallRecord.RecordingIsWav(r.RecordingId);
        var length = AudioContent.Length(wav, r.DurationSeconds, sim.Options.RecordingBytes);
        await RangedContent.ServeAsync(ctx, length, ETag(r.RecordingId, length), DateTimeOffset.FromUnixTimeMilliseconds(r.EndMs),
            AudioContent.ContentType(wav), (pos, dest) => AudioContent.Fill(r.RecordingId, wav, length, pos, dest));
    }

    /// <summary>A strong validator of the content: it changes when the bytes would.</summary>
    private static string ETag(long recordingId, long length) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{recordingId:x}-{length:x}\"");

    /// <summary>
    /// DELETE .../call-recordings {"records":[ids]}: 1 to 100 ids; admins only (EditCompanyCallRecordings);
    /// an id that is unknown (or already deleted) makes the whole request 404 and deletes nothing.
    /// </summary>
    private static async Task DeleteAsync(HttpContext ctx, SimulatorState sim)
    {
        List<string>? ids = null;
        try
        {
            using var body = await JsonDocument.ParseAsync(ctx.Request.Body, default, ctx.RequestAborted);
            if (body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("records", out var records)
                && records.ValueKind == JsonValueKind.Array
                && records.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
            {
                ids = records.EnumerateArray().Select(e => e.GetString()!).ToList();
            }
        }
        catch (JsonException)
        {
        }
        if (ids is null || ids.Count is 0 or > MaxDeleteIds)
        {
            throw new Refusal(400, ErrorBodies.InvalidParameter("records", ids?.Count.ToString(CultureInfo.InvariantCulture)));
        }
        var found = new List<long>();
        foreach (var text in ids)
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw new Refusal(404, ErrorBodies.NotFound("records"));
            }
            found.Add(id);
        }
        if (!sim.Store.DeleteRecordings(found))
        {
            throw new Refusal(404, ErrorBodies.NotFound("records"));
        }
        ctx.Response.StatusCode = 204;
    }

    /// <summary>GET .../call-recording: the account's recording settings; retention from --recording-retention.</summary>
    private static Task SettingsAsync(HttpContext ctx, SimulatorState sim)
    {
        var days = sim.Options.RecordingRetentionDays;
        return JsonBody.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("onDemand");
            w.WriteBoolean("enabled", true);
            w.WriteNumber("retentionPeriod", days);
            w.WriteEndObject();
            w.WriteStartObject("automatic");
            w.WriteBoolean("enabled", true);
            w.WriteBoolean("outboundCallTones", false);
            w.WriteBoolean("outboundCallAnnouncement", false);
            w.WriteBoolean("allowMute", false);
            w.WriteNumber("extensionCount", sim.Extensions.Count);
            w.WriteNumber("retentionPeriod", days);
            w.WriteNumber("maxNumberLimit", 100_000);
            w.WriteEndObject();
            w.WriteStartArray("greetings");
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
