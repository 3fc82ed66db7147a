using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>
/// Turns a file-name template into safe, unique file names inside one directory, for one kind of
/// content (its <see cref="ContentNaming"/>: tokens, defaults, extensions). Values come from the
/// server, so each is sanitised: a name can never climb out of the directory, name a device or
/// collide with another item of the same run.
/// </summary>
internal sealed class ContentFileNamer
{
    public const int MaxNameLength = 150;

    private const string DefaultTimeFormat = "yyyyMMdd-HHmmss";

    private static readonly HashSet<string> s_reservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
        "CONIN$", "CONOUT$",
    };

    private readonly ContentNaming _naming;
    private readonly IReadOnlyList<TemplatePart>? _custom;
    private readonly IReadOnlyList<TemplatePart> _richDefault;
    private readonly IReadOnlyList<TemplatePart> _idDefault;
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses the template now, so a bad one is refused before any request.</summary>
    /// <param name="directory">Full path of the target directory.</param>
    /// <param name="template">The user's template, or null for the kind's defaults.</param>
    /// <param name="naming">The kind's tokens, defaults and extensions.</param>
    /// <exception cref="ArgumentException">The template has an unknown token or a bad format (ParamName FileNameTemplate).</exception>
    public ContentFileNamer(string directory, string? template, ContentNaming naming)
    {
        _naming = naming;
        Directory = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (Directory.Length == 0)
        {
            Directory = Path.DirectorySeparatorChar.ToString();
        }

        _richDefault = Parse(naming.RichTemplate, naming.Tokens);
        _idDefault = Parse(naming.IdTemplate, naming.Tokens);
        _custom = template is null ? null : Parse(template, naming.Tokens);
    }

    public ContentNaming Naming => _naming;

    public string Directory { get; }

    /// <summary>The file extension for a Content-Type (the one map, <see cref="MediaTypes"/>).</summary>
    public static string ExtensionFor(string? contentType) => MediaTypes.ExtensionFor(contentType);

    /// <summary>
    /// The full path, without extension, for one item: the template rendered with sanitised values,
    /// made unique within this run, and checked to lie directly inside <see cref="Directory"/>.
    /// Candidates go name, name_&lt;ids&gt;, name_&lt;ids&gt;_2, ...: a suffix is never cut off, so
    /// a long name that lost its ids ({RecordingId}; {MessageId}_{AttachmentId}) gets them back.
    /// <paramref name="usable"/> (given the full base path) turns down a candidate whose files on
    /// disk belong to another item.
    /// </summary>
    public string ReserveBasePath(ContentNameValues values, Func<string, bool>? usable = null)
    {
        var ids = IdsOf(values);
        var parts = _custom ?? (values.FromCallLogRecord ? _richDefault : _idDefault);
        var name = SanitizeName(Render(parts, values));
        if (name.Length == 0 || name == "_")
        {
            name = SanitizeName(ids);
        }

        var idSuffix = "_" + SanitizeValue(ids);
        for (var counter = 1; ; counter++)
        {
            var suffix = counter switch
            {
                1 => string.Empty,
                2 => idSuffix,
                _ => idSuffix + "_" + (counter - 1).ToString(CultureInfo.InvariantCulture),
            };
            var candidate = WithSuffix(name, suffix);
            if (_taken.Contains(candidate))
            {
                continue;
            }

            var full = InsideDirectory(candidate);
            if (usable is null || usable(full))
            {
                _taken.Add(candidate);
                return full;
            }
        }
    }

    /// <summary>Name plus suffix within the length bound, cutting the name, never the suffix.</summary>
    private static string WithSuffix(string name, string suffix)
    {
        if (suffix.Length == 0)
        {
            return name;
        }

        var room = Math.Max(1, MaxNameLength - suffix.Length);
        var stem = name.Length > room ? Bound(name.Substring(0, char.IsHighSurrogate(name[room - 1]) ? room - 1 : room)) : name;
        return Bound(stem + suffix);
    }

    /// <summary>Makes one value safe to stand inside a file name (no separators, no control or reserved characters, no "..").</summary>
    public static string SanitizeValue(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = new StringBuilder(value!.Length);
        foreach (var c in value)
        {
            var category = char.GetUnicodeCategory(c);
            var bad = c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|'
                || char.IsControl(c)
                || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
            text.Append(bad ? '_' : c);
        }

        var result = text.ToString();
        while (result.Contains(".."))
        {
            result = result.Replace("..", "_");
        }

        return result;
    }

    /// <summary>A whole file name: sanitised, no leading or trailing dots or spaces, no device name, bounded length.</summary>
    public static string SanitizeName(string? name)
    {
        var result = Bound(SanitizeValue(name));
        if (result.Length == 0)
        {
            return "_";
        }

        var stem = result.Split('.')[0].TrimEnd(' ');
        if (s_reservedNames.Contains(stem))
        {
            result = Bound("_" + result);
        }

        return result;
    }

    private static string Bound(string name)
    {
        var result = name.Trim(' ', '.');
        if (result.Length > MaxNameLength)
        {
            var cut = char.IsHighSurrogate(result[MaxNameLength - 1]) ? MaxNameLength - 1 : MaxNameLength;
            result = result.Substring(0, cut).TrimEnd(' ', '.');
        }

        return result;
    }

    private string InsideDirectory(string name)
    {
        // Belt and braces: whatever the sanitiser missed, the result must be a direct child of the directory.
        var full = Path.GetFullPath(Path.Combine(Directory, name));
        var parent = Path.GetDirectoryName(full);
        if (parent is null || !string.Equals(parent.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), Directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), StringComparison.Ordinal) ||
            !string.Equals(Path.GetFileName(full), name, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The file name '{name}' would not lie directly inside '{Directory}'.");
        }

        return full;
    }

    /// <summary>The item's ids as the end of a name made unique: "77", or "5_6" for message 5's attachment 6.</summary>
    private string IdsOf(ContentNameValues values) =>
        _naming.Kind == ContentKinds.MessageAttachment ? values.MessageId + "_" + values.AttachmentId : values.RecordingId;

    private static string Render(IReadOnlyList<TemplatePart> parts, ContentNameValues values)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part.Token is null ? part.Literal : SanitizeValue(ValueOf(part, values)));
        }

        return text.ToString();
    }

    private static string? ValueOf(TemplatePart part, ContentNameValues values) => part.Token switch
    {
        "StartTime" => values.StartTime?.UtcDateTime.ToString(part.Format ?? DefaultTimeFormat, CultureInfo.InvariantCulture),
        "Direction" => values.Direction,
        "FromPhoneNumber" => values.FromPhoneNumber,
        "ToPhoneNumber" => values.ToPhoneNumber,
        "CallLogId" => values.CallLogId,
        "SessionId" => values.SessionId,
        "ExtensionId" => values.ExtensionId,
        "RecordingId" => values.RecordingId,
        "MessageId" => values.MessageId,
        "AttachmentId" => values.AttachmentId,
        "AttachmentType" => values.AttachmentType,
        "MessageType" => values.MessageType,
        _ => null,
    };

    private static List<TemplatePart> Parse(string template, IReadOnlyList<string> tokens)
    {
        var parts = new List<TemplatePart>();
        var literal = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var end = template.IndexOf('}', i + 1);
            if (end < 0)
            {
                throw new ArgumentException($"The template '{template}' has a '{{' without a closing '}}'.", "FileNameTemplate");
            }

            var body = template.Substring(i + 1, end - i - 1);
            var colon = body.IndexOf(':');
            var token = colon < 0 ? body : body.Substring(0, colon);
            var format = colon < 0 ? null : body.Substring(colon + 1);
            var known = tokens.FirstOrDefault(t => string.Equals(t, token.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"Unknown token '{{{body}}}'. Known tokens: {{{string.Join("}, {", tokens)}}}; {{StartTime:<format>}} takes a .NET date format.", "FileNameTemplate");
            if (format is not null && known != "StartTime")
            {
                throw new ArgumentException($"Only {{StartTime}} takes a format, not '{{{body}}}'.", "FileNameTemplate");
            }

            if (format is not null)
            {
                CheckDateFormat(format);
            }

            if (literal.Length > 0)
            {
                parts.Add(new TemplatePart(literal.ToString(), null, null));
                literal.Clear();
            }

            parts.Add(new TemplatePart(null, known, format));
            i = end;
        }

        if (literal.Length > 0)
        {
            parts.Add(new TemplatePart(literal.ToString(), null, null));
        }

        return parts;
    }

    private static void CheckDateFormat(string format)
    {
        try
        {
            _ = new DateTime(2026, 11, 1, 13, 45, 30, DateTimeKind.Utc).ToString(format, CultureInfo.InvariantCulture);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"'{format}' is not a valid date format for {{StartTime}}.", "FileNameTemplate", ex);
        }
    }

    private sealed class TemplatePart
    {
        public TemplatePart(string? literal, string? token, string? format)
        {
            Literal = literal;
            Token = token;
            Format = format;
        }

        public string? Literal { get; }

        public string? Token { get; }

        public string? Format { get; }
    }
}
