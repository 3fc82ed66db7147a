using System.Globalization;
using System.Text;

namespace RingCentral.CallLog.Tests.Json.Schema;

/// <summary>How whitespace is laid out.</summary>
internal enum WireLayout
{
    /// <summary>No whitespace at all.</summary>
    Compact,

    /// <summary>RingCentral's own pretty printing: <c>"key" : value</c>, one member a line, <c>[ a, b ]</c>.</summary>
    Spaced,
}

/// <summary>Writes <see cref="WireValue"/>s as JSON text, byte for byte as the model says.</summary>
internal static class WireJsonWriter
{
    public static string Write(WireValue value, WireLayout layout)
    {
        var sb = new StringBuilder();
        Write(sb, value, layout, 0);
        return sb.ToString();
    }

    /// <summary>
    /// Writes a page object whose <c>records</c> member is given as the records' finished texts, so
    /// each record's text inside the page is exactly the text the raw reader must hand back.
    /// </summary>
    public static string WritePage(WireObject page, IReadOnlyList<string> recordTexts, WireLayout layout)
    {
        var sb = new StringBuilder(recordTexts.Sum(t => t.Length + 4) + 1024);
        sb.Append('{');
        for (var i = 0; i < page.Members.Count; i++)
        {
            var member = page.Members[i];
            MemberStart(sb, member, layout, 1, i);
            if (member.Name == "records")
            {
                sb.Append('[');
                for (var r = 0; r < recordTexts.Count; r++)
                {
                    sb.Append(r == 0 ? string.Empty : layout == WireLayout.Compact ? "," : ", ");
                    sb.Append(recordTexts[r]);
                }

                sb.Append(']');
            }
            else
            {
                Write(sb, member.Value, layout, 1);
            }
        }

        ObjectEnd(sb, page.Members.Count, layout, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, WireValue value, WireLayout layout, int depth)
    {
        switch (value)
        {
            case WireObject o:
                sb.Append('{');
                for (var i = 0; i < o.Members.Count; i++)
                {
                    MemberStart(sb, o.Members[i], layout, depth + 1, i);
                    Write(sb, o.Members[i].Value, layout, depth + 1);
                }

                ObjectEnd(sb, o.Members.Count, layout, depth);
                break;
            case WireArray a:
                sb.Append('[');
                for (var i = 0; i < a.Items.Count; i++)
                {
                    sb.Append(i == 0 ? (layout == WireLayout.Compact ? string.Empty : " ") : layout == WireLayout.Compact ? "," : ", ");
                    Write(sb, a.Items[i], layout, depth + 1);
                }

                sb.Append(a.Items.Count > 0 && layout == WireLayout.Spaced ? " ]" : "]");
                break;
            case WireString s:
                WriteString(sb, s.Value, s.Escaping);
                break;
            case WireNumber n:
                sb.Append(n.Text);
                break;
            case WireBool b:
                sb.Append(b.Value ? "true" : "false");
                break;
            case WireNull:
                sb.Append("null");
                break;
            default:
                throw new NotSupportedException(value.GetType().Name);
        }
    }

    private static void MemberStart(StringBuilder sb, WireMember member, WireLayout layout, int depth, int index)
    {
        if (index > 0)
        {
            sb.Append(',');
        }

        if (layout == WireLayout.Spaced)
        {
            sb.Append('\n').Append(' ', 2 * depth);
        }

        WriteString(sb, member.Name, member.NameEscaping);
        sb.Append(layout == WireLayout.Compact ? ":" : " : ");
    }

    private static void ObjectEnd(StringBuilder sb, int count, WireLayout layout, int depth)
    {
        if (layout == WireLayout.Spaced)
        {
            if (count > 0)
            {
                sb.Append('\n').Append(' ', 2 * depth);
            }
            else
            {
                sb.Append(' ');
            }
        }

        sb.Append('}');
    }

    private static void WriteString(StringBuilder sb, string text, StringEscaping escaping)
    {
        sb.Append('"');
        foreach (var c in text)
        {
            if (escaping == StringEscaping.Everything)
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                continue;
            }

            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                case '/' when escaping == StringEscaping.AsciiOnly:
                    sb.Append("\\/");
                    break;
                case < ' ':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                case > '~' when escaping == StringEscaping.AsciiOnly:
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        sb.Append('"');
    }
}
