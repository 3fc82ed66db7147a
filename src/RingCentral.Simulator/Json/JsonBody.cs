using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RingCentral.Simulator.Json;

/// <summary>
/// JSON bodies as RingCentral writes them: built with the relaxed encoder, because RingCentral writes
/// '+' and '&amp;' literally (phone numbers, query strings in uris), and answered whole with their length.
/// </summary>
internal static class JsonBody
{
    public const string ContentType = "application/json;charset=UTF-8";

    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The UTF-8 text <paramref name="write"/> produces; <paramref name="capacity"/> is a first guess of its size.</summary>
    public static byte[] Build(Action<Utf8JsonWriter> write, int capacity = 256)
    {
        var buffer = new ArrayBufferWriter<byte>(capacity);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions)) write(w);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Answers <paramref name="status"/> with <paramref name="body"/>, its type and its length.</summary>
    public static async Task WriteAsync(HttpContext ctx, int status, ReadOnlyMemory<byte> body, string contentType = ContentType)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = body.Length;
        await ctx.Response.Body.WriteAsync(body);
    }

    public static Task WriteAsync(HttpContext ctx, int status, Action<Utf8JsonWriter> write, int capacity = 4096)
        => WriteAsync(ctx, status, Build(write, capacity));
}
