using System.Globalization;
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
    public const int MaxDeleteIds = 100;

    public static void Map(WebApplication app, SimulatorState sim)
    {
        app.MapDelete("/restapi/v1.0/account/{accountId}/call-recordings", (HttpContext ctx, string accountId) => Delete(ctx, sim, accountId));
        app.MapGet("/restapi/v1.0/account/{accountId}/call-recording", (HttpContext ctx, string accountId) => Settings(ctx, sim, accountId));
        app.MapGet("/restapi/v1.0/account/{accountId}/recording/{recordingId}", (HttpContext ctx, string accountId, string recordingId) => Metadata(ctx, sim, accountId, recordingId));
        app.MapGet("/restapi/v1.0/account/{accountId}/recording/{recordingId}/content", (HttpContext ctx, string accountId, string recordingId) => Content(ctx, sim, accountId, recordingId));
    }

    private static async Task<CallRecord?> Find(HttpContext ctx, SimulatorState sim, string accountId, string recordingId)
    {
        var session = await Http.Authenticate(ctx, sim, RateGroup.Heavy);
        if (session is null || !await Http.CheckAccount(ctx, sim, accountId)) return null;
        var r = long.TryParse(recordingId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && !sim.DeletedRecordings.ContainsKey(id) ? sim.Store.FindByRecording(id) : null;
        // A non-admin sees only recordings of their own calls.
        if (r is null || (!session.Extension.IsAdmin && !ReferenceEquals(r.Owner, session.Extension)))
        {
            await Http.WriteJson(ctx, 404, ErrorBodies.NotFound("recordingId"));
            return null;
        }
        return r;
    }

    private static async Task Metadata(HttpContext ctx, SimulatorState sim, string accountId, string recordingId)
    {
        var r = await Find(ctx, sim, accountId, recordingId);
        if (r is null) return;
        await Http.WriteJson(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", recordingId);
            w.WriteString("contentUri", sim.Uris.ContentUri(r.RecordingId));
            w.WriteString("contentType", AudioContent.ContentType(CallRecord.RecordingIsWav(r.RecordingId)));
            w.WriteNumber("duration", r.DurationSeconds);
            w.WriteEndObject();
        });
    }

    private static async Task Content(HttpContext ctx, SimulatorState sim, string accountId, string recordingId)
    {
        if (ctx.Connection.LocalPort != sim.MediaPort)
        {
            // RingCentral serves content only on the media entry point.
            await Http.WriteJson(ctx, 404, ErrorBodies.InvalidUri());
            return;
        }
        var r = await Find(ctx, sim, accountId, recordingId);
        if (r is null) return;
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
                await Http.WriteJson(ctx, 416, ErrorBodies.Simple("CMN-107", "Requested Range Not Satisfiable"));
                return;
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
        if (HttpMethods.IsHead(ctx.Request.Method)) return;
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
    internal static string ETag(long recordingId, long length) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{recordingId:x}-{length:x}\"");

    /// <summary>If-Range absent, the current ETag (strong comparison), or the current Last-Modified date.</summary>
    internal static bool IfRangeHolds(string ifRange, string etag, DateTimeOffset lastModified)
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
    private static async Task Delete(HttpContext ctx, SimulatorState sim, string accountId)
    {
        var session = await Http.Authenticate(ctx, sim, RateGroup.Heavy);
        if (session is null || !await Http.CheckAccount(ctx, sim, accountId)) return;
        if (!session.Extension.IsAdmin)
        {
            await Http.WriteJson(ctx, 403, ErrorBodies.Api("InsufficientPermissions", "CMN-408", "[EditCompanyCallRecordings] permission required", permissionName: "EditCompanyCallRecordings"));
            return;
        }
        List<string>? ids = null;
        try
        {
            using var body = await System.Text.Json.JsonDocument.ParseAsync(ctx.Request.Body, default, ctx.RequestAborted);
            if (body.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && body.RootElement.TryGetProperty("records", out var records)
                && records.ValueKind == System.Text.Json.JsonValueKind.Array
                && records.EnumerateArray().All(e => e.ValueKind == System.Text.Json.JsonValueKind.String))
            {
                ids = records.EnumerateArray().Select(e => e.GetString()!).ToList();
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }
        if (ids is null || ids.Count is 0 or > MaxDeleteIds)
        {
            await Http.WriteJson(ctx, 400, ErrorBodies.InvalidParameter("records", ids is null ? null : ids.Count.ToString(CultureInfo.InvariantCulture)));
            return;
        }
        var found = new List<long>();
        foreach (var text in ids)
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || sim.DeletedRecordings.ContainsKey(id) || sim.Store.FindByRecording(id) is null)
            {
                await Http.WriteJson(ctx, 404, ErrorBodies.NotFound("records"));
                return;
            }
            found.Add(id);
        }
        foreach (var id in found) sim.DeletedRecordings[id] = true;
        ctx.Response.StatusCode = 204;
    }

    /// <summary>GET .../call-recording: the account's recording settings; retention from --recording-retention.</summary>
    private static async Task Settings(HttpContext ctx, SimulatorState sim, string accountId)
    {
        var session = await Http.Authenticate(ctx, sim, RateGroup.Light);
        if (session is null || !await Http.CheckAccount(ctx, sim, accountId)) return;
        var days = sim.Options.RecordingRetentionDays;
        await Http.WriteJson(ctx, 200, w =>
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
    internal static bool TryParseRange(string header, long length, out long from, out long to)
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
