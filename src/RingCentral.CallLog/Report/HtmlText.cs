using System.Globalization;
using System.IO;

namespace RingCentral.CallLog.Report;

/// <summary>
/// Escaping for everything the report writes from data: one function, safe in element text and in
/// double- or single-quoted attribute values alike (the five characters HTML gives meaning to).
/// </summary>
internal static class HtmlText
{
    public static void Write(TextWriter writer, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (var c in text!)
        {
            switch (c)
            {
                case '&': writer.Write("&amp;"); break;
                case '<': writer.Write("&lt;"); break;
                case '>': writer.Write("&gt;"); break;
                case '"': writer.Write("&quot;"); break;
                case '\'': writer.Write("&#39;"); break;
                default:
                    // Control characters other than tab and line breaks are not allowed in HTML text.
                    if (char.IsControl(c) && c is not '\t' and not '\n' and not '\r')
                    {
                        writer.Write("&#xFFFD;");
                    }
                    else
                    {
                        writer.Write(c);
                    }

                    break;
            }
        }
    }

    public static string Escape(string? text)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, text);
        return writer.ToString();
    }

    /// <summary>Writes <c> name="value"</c> with the value escaped.</summary>
    public static void Attribute(TextWriter writer, string name, string? value)
    {
        writer.Write(' ');
        writer.Write(name);
        writer.Write("=\"");
        Write(writer, value);
        writer.Write('"');
    }

    /// <summary>A number as the page's data attributes carry it: invariant culture, no grouping.</summary>
    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
