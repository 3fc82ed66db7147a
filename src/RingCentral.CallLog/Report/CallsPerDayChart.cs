using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace RingCentral.CallLog.Report;

/// <summary>Calls per local day, one bar per day stacked by direction (Inbound, Outbound, then Other when there are any).</summary>
internal static class CallsPerDayChart
{
    private const double Width = 960;
    private const double Height = 280;
    private const double Left = 52;
    private const double Right = 12;
    private const double Top = 14;
    private const double Bottom = 36;

    public static void Write(TextWriter writer, CallReportAggregator data)
    {
        var days = data.PerDay().ToList();
        var series = SeriesShown(days);
        var svg = new SvgCanvas(writer);
        svg.Open("calls-per-day", Width, Height, "Calls per day, stacked by direction");
        if (days.Count == 0)
        {
            svg.Text(Width / 2, Height / 2, "No calls", "empty", "middle");
            svg.Close();
            return;
        }

        var axis = new NiceAxis(days.Max(d => (long)d.Value.Sum()));
        var plotBottom = Height - Bottom;
        svg.ValueGrid(axis, Left, Width - Right, Top, plotBottom);
        var band = (Width - Left - Right) / days.Count;
        var barWidth = Math.Max(1, band * 0.72);
        var labelEvery = (int)Math.Ceiling(days.Count / 14.0);
        var scale = (plotBottom - Top) / axis.Top;
        for (var i = 0; i < days.Count; i++)
        {
            var (day, counts) = (days[i].Key, days[i].Value);
            var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var x = Left + (i * band) + ((band - barWidth) / 2);
            var y = plotBottom;
            foreach (var s in series)
            {
                var name = CallReportAggregator.DirectionSeries[s];
                var height = counts[s] * scale;
                y -= height;
                svg.Mark(x, y, barWidth, height, "s-" + name.ToLowerInvariant(), dayText + " " + name, counts[s], null, "data-day", dayText, "data-series", name);
            }

            if (i % labelEvery == 0)
            {
                svg.Text(x + (barWidth / 2), plotBottom + 16, day.ToString("MMM d", CultureInfo.InvariantCulture), "tick", "middle");
                if (i == 0 || day.Day <= labelEvery)
                {
                    svg.Text(x + (barWidth / 2), plotBottom + 30, day.ToString(i == 0 || day.Month == 1 ? "ddd yyyy" : "ddd", CultureInfo.InvariantCulture), "tick minor", "middle");
                }
            }
        }

        svg.Close();
    }

    /// <summary>The series indexes drawn: Inbound and Outbound always, Other only when a call has another direction.</summary>
    public static IReadOnlyList<int> SeriesShown(IReadOnlyList<KeyValuePair<DateTime, int[]>> days) =>
        days.Any(d => d.Value[2] > 0) ? new[] { 0, 1, 2 } : new[] { 0, 1 };
}
