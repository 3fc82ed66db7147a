using System;
using System.Globalization;
using System.IO;

namespace RingCentral.CallLog.Report;

/// <summary>
/// Writes the SVG elements the charts are made of. Data marks always carry data-label and
/// data-value (the page's test hooks) and a title (the tooltip); every text is escaped.
/// </summary>
internal sealed class SvgCanvas
{
    private readonly TextWriter _w;

    public SvgCanvas(TextWriter writer)
    {
        _w = writer;
    }

    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public void Open(string chart, double width, double height, string description)
    {
        _w.Write("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"");
        HtmlText.Attribute(_w, "data-chart", chart);
        _w.Write(" viewBox=\"0 0 " + N(width) + " " + N(height) + "\" role=\"img\"");
        HtmlText.Attribute(_w, "aria-label", description);
        _w.Write(">");
    }

    public void Close() => _w.Write("</svg>\n");

    /// <summary>A data mark; <paramref name="extra"/> is pairs of attribute names and values.</summary>
    public void Mark(double x, double y, double width, double height, string cssClass, string label, long value, string? fill = null, params string[] extra)
    {
        _w.Write("<rect");
        HtmlText.Attribute(_w, "class", "mark " + cssClass);
        _w.Write(" x=\"" + N(x) + "\" y=\"" + N(y) + "\" width=\"" + N(Math.Max(0, width)) + "\" height=\"" + N(Math.Max(0, height)) + "\"");
        if (fill is not null)
        {
            HtmlText.Attribute(_w, "fill", fill);
        }

        HtmlText.Attribute(_w, "data-label", label);
        HtmlText.Attribute(_w, "data-value", HtmlText.Number(value));
        for (var i = 0; i + 1 < extra.Length; i += 2)
        {
            HtmlText.Attribute(_w, extra[i], extra[i + 1]);
        }

        _w.Write("><title>");
        HtmlText.Write(_w, label + ": " + value.ToString("N0", CultureInfo.InvariantCulture));
        _w.Write("</title></rect>");
    }

    public void Line(double x1, double y1, double x2, double y2, string cssClass) =>
        _w.Write("<line class=\"" + cssClass + "\" x1=\"" + N(x1) + "\" y1=\"" + N(y1) + "\" x2=\"" + N(x2) + "\" y2=\"" + N(y2) + "\"/>");

    /// <summary>Text; anchor is start, middle or end.</summary>
    public void Text(double x, double y, string text, string cssClass, string anchor = "start", string? fullText = null)
    {
        _w.Write("<text class=\"" + cssClass + "\" x=\"" + N(x) + "\" y=\"" + N(y) + "\" text-anchor=\"" + anchor + "\">");
        if (fullText is not null)
        {
            _w.Write("<title>");
            HtmlText.Write(_w, fullText);
            _w.Write("</title>");
        }

        HtmlText.Write(_w, text);
        _w.Write("</text>");
    }

    public void Box(double x, double y, double width, double height, string cssClass, string? fill = null)
    {
        _w.Write("<rect class=\"" + cssClass + "\" x=\"" + N(x) + "\" y=\"" + N(y) + "\" width=\"" + N(width) + "\" height=\"" + N(height) + "\"");
        if (fill is not null)
        {
            HtmlText.Attribute(_w, "fill", fill);
        }

        _w.Write("/>");
    }

    /// <summary>Horizontal grid lines with their values, from 0 to the axis top.</summary>
    public void ValueGrid(NiceAxis axis, double left, double right, double top, double bottom)
    {
        for (var v = 0L; v <= axis.Top; v += axis.Step)
        {
            var y = bottom - ((bottom - top) * v / axis.Top);
            Line(left, y, right, y, v == 0 ? "axis" : "grid");
            Text(left - 6, y + 4, v.ToString("N0", CultureInfo.InvariantCulture), "tick", "end");
        }
    }

    /// <summary>Shortens a label to fit, with an ellipsis.</summary>
    public static string Fit(string text, int maxChars) =>
        text.Length <= maxChars ? text : text.Substring(0, Math.Max(1, maxChars - 1)) + "\u2026";
}
