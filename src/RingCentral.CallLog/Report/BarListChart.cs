using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace RingCentral.CallLog.Report;

/// <summary>A ranked list of horizontal bars with their labels and counts (missed calls by extension, results).</summary>
internal static class BarListChart
{
    private const double Width = 560;
    private const double LabelWidth = 190;
    private const double Row = 26;
    private const double Top = 6;
    private const double ValueRoom = 64;

    /// <summary>One bar: its label, count, colour class and extra attributes (pairs of name and value).</summary>
    public sealed class Bar
    {
        public Bar(string label, long value, string cssClass, params string[] attributes)
        {
            Label = label;
            Value = value;
            CssClass = cssClass;
            Attributes = attributes;
        }

        public string Label { get; }

        public long Value { get; }

        public string CssClass { get; }

        public string[] Attributes { get; }
    }

    public static void Write(TextWriter writer, string chart, string description, IReadOnlyList<Bar> bars, string emptyText)
    {
        var height = Top + (System.Math.Max(1, bars.Count) * Row) + 8;
        var svg = new SvgCanvas(writer);
        svg.Open(chart, Width, height, description);
        if (bars.Count == 0)
        {
            svg.Text(Width / 2, height / 2 + 4, emptyText, "empty", "middle");
            svg.Close();
            return;
        }

        var max = bars.Max(b => b.Value);
        var plot = Width - LabelWidth - ValueRoom;
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = Top + (i * Row);
            svg.Text(LabelWidth - 8, y + (Row / 2) + 4, SvgCanvas.Fit(bar.Label, 28), "label", "end", bar.Label.Length > 28 ? bar.Label : null);
            svg.Box(LabelWidth, y + 4, plot, Row - 8, "track");
            var width = max == 0 ? 0 : plot * bar.Value / max;
            svg.Mark(LabelWidth, y + 4, width, Row - 8, bar.CssClass, bar.Label, bar.Value, null, bar.Attributes);
            svg.Text(LabelWidth + width + 6, y + (Row / 2) + 4, bar.Value.ToString("N0", CultureInfo.InvariantCulture), "value", "start");
        }

        svg.Close();
    }
}
