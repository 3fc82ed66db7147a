using System.Globalization;
using System.IO;
using System.Linq;

namespace RingCentral.CallLog.Report;

/// <summary>How long calls last: one bar per duration bucket (<see cref="CallMeasures.DurationBucketBounds"/>).</summary>
internal static class HistogramChart
{
    private const double Width = 960;
    private const double Height = 230;
    private const double Left = 52;
    private const double Right = 10;
    private const double Top = 18;
    private const double Bottom = 34;

    public static void Write(TextWriter writer, CallReportAggregator data)
    {
        var labels = CallMeasures.DurationBucketLabels;
        var counts = Enumerable.Range(0, labels.Count).Select(data.DurationBucket).ToArray();
        var svg = new SvgCanvas(writer);
        svg.Open("duration-histogram", Width, Height, "Calls by duration");
        var axis = new NiceAxis(counts.Max());
        var plotBottom = Height - Bottom;
        svg.ValueGrid(axis, Left, Width - Right, Top, plotBottom);
        var band = (Width - Left - Right) / labels.Count;
        var scale = (plotBottom - Top) / axis.Top;
        for (var i = 0; i < labels.Count; i++)
        {
            var x = Left + (i * band) + (band * 0.14);
            var height = counts[i] * scale;
            svg.Mark(x, plotBottom - height, band * 0.72, height, "s-duration", labels[i], counts[i], null, "data-bucket", i.ToString(CultureInfo.InvariantCulture));
            svg.Text(x + (band * 0.36), plotBottom - height - 5, counts[i].ToString("N0", CultureInfo.InvariantCulture), "value", "middle");
            svg.Text(x + (band * 0.36), plotBottom + 18, labels[i], "tick", "middle");
        }

        svg.Close();
    }
}
