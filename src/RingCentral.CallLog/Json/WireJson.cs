using System.IO;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace RingCentral.CallLog.Json;

/// <summary>Reads a response body into a wire shape, the same way for every endpoint.</summary>
internal static class WireJson
{
    /// <summary>The typed reader's leniency (comments, trailing commas) for readers that parse a JsonDocument instead.</summary>
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = WireJsonContext.Default.Options.AllowTrailingCommas,
        CommentHandling = WireJsonContext.Default.Options.ReadCommentHandling,
    };

    /// <summary>
    /// Deserialises the body as it streams in. A connection dropped mid-body is rethrown as the
    /// IOException it is (the HTTP core retries it); JSON that cannot be read is a
    /// <see cref="WireJsonException"/> naming <paramref name="what"/> (the core makes it ResponseInvalid).
    /// </summary>
    public static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, string what, CancellationToken cancellationToken)
    {
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        try
        {
            return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex) when (ex.InnerException is IOException io)
        {
            ExceptionDispatchInfo.Capture(io).Throw();
            throw; // not reached
        }
        catch (JsonException ex)
        {
            throw new WireJsonException($"{what} could not be read: {ex.Message}", ex);
        }
    }
}
