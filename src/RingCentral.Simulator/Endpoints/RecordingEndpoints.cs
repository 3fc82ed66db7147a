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
        long from = 0, to = length - 1;
        var range = ctx.Request.Headers.Range.ToString();
        var partial = false;
        var etag = ETag(r.RecordingId, length);
        var lastModified = DateTimeOffset.FromUnixTimeMilliseconds(r.EndMs);
        ctx.Response.Headers.ETag = etag;
        ctx.Response.Headers.LastModified = lastModified.ToString("R", CultureInfo.InvariantCulture);
        if (range.Length > 0 && !IfRangeHolds(ctx.Request.Headers.IfRange.ToString(), etag, lastModified))
        {
            // RFC 9110: a validator that does not match means "send the whole, current content".
            range = "";
        }
        if (range.Length > 0)
        {
            if (!TryParseRange(range, length, out from, out to))
            {
                ctx.Response.Headers.ContentRange = "bytes */" + length.ToString(CultureInfo.InvariantCulture);
                throw new Refusal(416, ErrorBodies.Simple("CMN-107", "Requested Range Not Satisfiable"));
            }
            partial = true;
        }
        ctx.Response.StatusCode = partial ? 206 : 200;
        ctx.Response.ContentType = AudioContent.ContentType(wav);
        ctx.Response.Headers.AcceptRanges = "bytes";
        ctx.Response.ContentLength = to - from + 1;
        if (partial)
        {
            ctx.Response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {from}-{to}/{length}");
        }
        var buffer = new byte[64 * 1024];
        for (var pos = from; pos <= to;)
        {
            var n = (int)Math.Min(buffer.Length, to - pos + 1);
            AudioContent.Fill(r.RecordingId, wav, length, pos, buffer.AsSpan(0, n));
            await ctx.Response.Body.WriteAsync(buffer.AsMemory(0, n), ctx.RequestAborted);
            pos += n;
        }
    }

    /// <summary>A strong validator of the content: it changes when the bytes would.</summary>
    private static string ETag(long recordingId, long length) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{recordingId:x}-{length:x}\"");

    /// <summary>If-Range absent, the current ETag (strong comparison), or the current Last-Modified date.</summary>
    private static bool IfRangeHolds(string ifRange, string etag, DateTimeOffset lastModified)
    {
        if (ifRange.Length == 0) return true;
        if (ifRange.StartsWith('"') || ifRange.StartsWith("W/", StringComparison.Ordinal)) return ifRange == etag;
        return DateTimeOffset.TryParseExact(ifRange, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            && date.ToUnixTimeSeconds() == lastModified.ToUnixTimeSeconds();
    }

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

    /// <summary>Parses one "bytes=N-", "bytes=N-M" or "bytes=-S" range against the content length.</summary>
    private static bool TryParseRange(string header, long length, out long from, out long to)
    {
        from = 0;
        to = length - 1;
        if (!header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase)) return false;
        var spec = header[6..].Trim();
        if (spec.Contains(',', StringComparison.Ordinal)) return false;
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0) return false;
        var a = spec[..dash].Trim();
        var b = spec[(dash + 1)..].Trim();
        if (a.Length == 0)
        {
            if (!long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var suffix) || suffix <= 0) return false;
            from = Math.Max(0, length - suffix);
            return true;
        }
        if (!long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out from) || from >= length) return false;
        if (b.Length == 0) return true;
        if (!long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out to) || to < from) return false;
        to = Math.Min(to, length - 1);
        return true;
    }
}
