using System;
using System.Collections.Generic;

namespace RingCentral.CallLog.Client.Http;

/// <summary>
/// Splits RingCentral's 207 multipart/mixed answers by their boundary. Tolerates what real answers
/// and SDK tests show: CRLF or bare LF, "boundary=" with or without a space, quoted boundaries.
/// </summary>
internal static class MultipartMixedParser
{
    /// <summary>The boundary parameter of a Content-Type value, or null.</summary>
    public static string? BoundaryOf(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        foreach (var piece in contentType.Split(';'))
        {
            var trimmed = piece.Trim();
            if (trimmed.StartsWith("boundary", StringComparison.OrdinalIgnoreCase))
            {
                var equals = trimmed.IndexOf('=');
                if (equals < 0)
                {
                    continue;
                }

                var value = trimmed.Substring(equals + 1).Trim();
                if (value.Length >= 2 && value[0] == '"' && value[value.Length - 1] == '"')
                {
                    value = value.Substring(1, value.Length - 2);
                }

                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }

    /// <exception cref="FormatException">The body has no part with this boundary.</exception>
    public static IReadOnlyList<MultipartPart> Parse(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        var parts = new List<MultipartPart>();
        var position = body.IndexOf(delimiter, StringComparison.Ordinal);
        if (position < 0)
        {
            throw new FormatException($"The multipart body does not contain its boundary '{boundary}'.");
        }

        while (true)
        {
            position += delimiter.Length;
            if (string.CompareOrdinal(body, position, "--", 0, 2) == 0)
            {
                break; // closing delimiter
            }

            position = SkipLineEnd(body, position);
            var next = body.IndexOf(delimiter, position, StringComparison.Ordinal);
            if (next < 0)
            {
                // Unterminated last part: take what is there.
                parts.Add(ParsePart(body.Substring(position)));
                break;
            }

            parts.Add(ParsePart(body.Substring(position, next - position)));
            position = next;
        }

        return parts;
    }

    private static int SkipLineEnd(string text, int position)
    {
        // Transport padding (spaces) may follow a delimiter before its line end.
        while (position < text.Length && (text[position] == ' ' || text[position] == '\t'))
        {
            position++;
        }

        if (position < text.Length && text[position] == '\r')
        {
            position++;
        }

        if (position < text.Length && text[position] == '\n')
        {
            position++;
        }

        return position;
    }

    private static MultipartPart ParsePart(string raw)
    {
        // The line end before the next delimiter belongs to the delimiter.
        if (raw.EndsWith("\r\n", StringComparison.Ordinal))
        {
            raw = raw.Substring(0, raw.Length - 2);
        }
        else if (raw.EndsWith("\n", StringComparison.Ordinal))
        {
            raw = raw.Substring(0, raw.Length - 1);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        while (position < raw.Length)
        {
            var lineEnd = raw.IndexOf('\n', position);
            var line = lineEnd < 0 ? raw.Substring(position) : raw.Substring(position, lineEnd - position);
            position = lineEnd < 0 ? raw.Length : lineEnd + 1;
            line = line.TrimEnd('\r');
            if (line.Length == 0)
            {
                break; // end of headers
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                // No header block at all: the part is only a body.
                position = 0;
                headers.Clear();
                break;
            }

            headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
        }

        return new MultipartPart(headers, raw.Substring(position));
    }
}
