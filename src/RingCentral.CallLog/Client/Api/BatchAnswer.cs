using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Json;

namespace RingCentral.CallLog.Client.Api;

/// <summary>
/// RingCentral's 207 multipart/mixed answer to a bulk GET (call log records, messages), split into
/// one part per requested id: the pairing rule every bulk read shares, whatever the parts hold.
/// </summary>
internal static class BatchAnswer
{
    /// <summary>
    /// The answer's parts, one per requested id, in request order. A whole answer whose entries and
    /// records name the ids in request order is paired by position. Otherwise a record goes to the
    /// id it carries itself, never to a position (a missing part must not shift the others onto the
    /// wrong ids), an error to the id its summary entry's href names, and an id with neither is
    /// <see cref="BatchPart.Missing"/>.
    /// </summary>
    /// <exception cref="RcApiException">ResponseInvalid: no boundary, or an answer that is not multipart.</exception>
    public static IReadOnlyList<BatchPart> Pair(string body, string? contentType, IReadOnlyList<string> ids)
    {
        var boundary = MultipartMixedParser.BoundaryOf(contentType)
            ?? throw new RcApiException(RcErrorKind.ResponseInvalid, $"The batch answer's Content-Type '{contentType}' names no boundary.");
        IReadOnlyList<MultipartPart> parts;
        BatchSummaryDto? summary;
        try
        {
            parts = MultipartMixedParser.Parse(body, boundary);
            summary = parts.Count == 0 ? null : JsonSerializer.Deserialize(parts[0].Body, WireJsonContext.Default.BatchSummaryDto);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw new RcApiException(RcErrorKind.ResponseInvalid, "The batch answer could not be read: " + ex.Message, ex);
        }

        var entries = summary?.Response ?? new List<BatchSummaryItemDto>();
        var bodies = parts.Skip(1).Select(p => p.Body).ToList();
        if (PairsByPosition(entries, bodies, ids))
        {
            return ids.Select((id, i) => new BatchPart(id, (int)(entries[i].Status ?? 0), bodies[i])).ToList();
        }

        // Records first, each by its own id.
        var found = new Dictionary<string, BatchPart>(StringComparer.Ordinal);
        var wanted = new HashSet<string>(ids, StringComparer.Ordinal);
        foreach (var part in bodies)
        {
            if (RecordIdOf(part) is { } recordId && wanted.Contains(recordId) && !found.ContainsKey(recordId))
            {
                found[recordId] = new BatchPart(recordId, 200, part);
            }
        }

        // Then the summary's errors, each for the id its entry's href names. Their bodies carry no
        // id, and the parts no longer line up with the entries, so the summary's status stands alone.
        foreach (var entry in entries)
        {
            var status = (int)(entry.Status ?? 0);
            if (status is < 200 or >= 300 && IdOfHref(entry.Href) is { } id && wanted.Contains(id) && !found.ContainsKey(id))
            {
                found[id] = new BatchPart(id, status, string.Empty);
            }
        }

        return ids.Select(id => found.TryGetValue(id, out var part) ? part : BatchPart.MissingFor(id)).ToList();
    }

    /// <summary>
    /// Whether the answer is whole and in request order: one entry and one part per id, each entry's
    /// href (when given) naming the id at its position, and each record carrying that id (when it
    /// carries one). Only then may an error part, which names no id, be paired by its position.
    /// </summary>
    private static bool PairsByPosition(List<BatchSummaryItemDto> entries, List<string> bodies, IReadOnlyList<string> ids)
    {
        if (entries.Count != ids.Count || bodies.Count != ids.Count)
        {
            return false;
        }

        for (var i = 0; i < ids.Count; i++)
        {
            if ((IdOfHref(entries[i].Href) is { } named && named != ids[i]) || (RecordIdOf(bodies[i]) is { } carried && carried != ids[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The id of the record a part holds (a string or a number), or null when it holds no record (an error body, or text that is not JSON).</summary>
    private static string? RecordIdOf(string part)
    {
        try
        {
            using var document = JsonDocument.Parse(part, WireJson.DocumentOptions);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var id)
                ? id.ValueKind switch
                {
                    JsonValueKind.String => id.GetString(),
                    JsonValueKind.Number => id.GetRawText(),
                    _ => null,
                }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The last path segment of a summary entry's href (".../call-log/ID"), or null.</summary>
    private static string? IdOfHref(string? href)
    {
        if (string.IsNullOrEmpty(href))
        {
            return null;
        }

        // The text as written, not a parsed Uri: parsing would resolve dot segments and escapes.
        var path = href!.Split('?', '#')[0];
        var segment = path.Substring(path.LastIndexOf('/') + 1);
        return segment.Length == 0 ? null : Uri.UnescapeDataString(segment);
    }
}

/// <summary>One requested id's part of a bulk answer: its status and body, or missing.</summary>
internal sealed class BatchPart
{
    public BatchPart(string id, int status, string body)
    {
        Id = id;
        Status = status;
        Body = body;
    }

    public string Id { get; }

    public int Status { get; }

    public string Body { get; }

    /// <summary>The answer holds no part for this id.</summary>
    public bool Missing { get; private set; }

    public static BatchPart MissingFor(string id) => new(id, 0, string.Empty) { Missing = true };
}
