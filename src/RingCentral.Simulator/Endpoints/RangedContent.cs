using System.Globalization;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator.Endpoints;

/// <summary>Writes the bytes at [offset, offset + dest.Length) of a content.</summary>
internal delegate void ContentFill(long offset, Span<byte> dest);

/// <summary>
/// Serves a content whose bytes are computed for any offset, as RingCentral's media host does for
/// recordings and message attachments: <c>Range: bytes=N-</c>, <c>N-M</c>, <c>-S</c> → 206 with
/// Content-Range; an unsatisfiable range → 416 CMN-107; a strong ETag and Last-Modified on every answer;
/// an If-Range that does not match → the whole content (200).
/// </summary>
internal static class RangedContent
{
    public static async Task ServeAsync(HttpContext ctx, long length, string etag, DateTimeOffset lastModified, string contentType, ContentFill fill)
    {
        long from = 0, to = length - 1;
        var range = ctx.Request.Headers.Range.ToString();
        var partial = false;
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
        ctx.Response.ContentType = contentType;
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
            fill(pos, buffer.AsSpan(0, n));
            await ctx.Response.Body.WriteAsync(buffer.AsMemory(0, n), ctx.RequestAborted);
            pos += n;
        }
    }

    /// <summary>If-Range absent, the current ETag (strong comparison), or the current Last-Modified date.</summary>
    private static bool IfRangeHolds(string ifRange, string etag, DateTimeOffset lastModified)
    {
        if (ifRange.Length == 0) return true;
        if (ifRange.StartsWith('"') || ifRange.StartsWith("W/", StringComparison.Ordinal)) return ifRange == etag;
        return DateTimeOffset.TryParseExact(ifRange, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            && date.ToUnixTimeSeconds() == lastModified.ToUnixTimeSeconds();
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
