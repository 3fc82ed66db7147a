using System;
using System.Globalization;
using System.IO;

namespace RingCentral.CallLog.Report;

/// <summary>A heat map of call counts: weekdays (Monday first) by local hour of the call's start.</summary>
internal static class HourByWeekdayChart
{
    public static readonly string[] WeekdayNames = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

    private const double Width = 960;
    private const double Left = 44;
    private const double Right = 8;
    private const double Top = 20;
    private const double Row = 28;

    // The colour ramp: from a pale tint (few calls) to the report's deep blue (most).
    private static readonly (int R, int G, int B) s_low = (0xEE, 0xF3, 0xFB);
    private static readonly (int R, int G, int B) s_high = (0x1D, 0x4E, 0xD8);

    public static void Write(TextWriter writer, CallReportAggregator data)
    {
        var max = 0;
        for (var d = 0; d < 7; d++)
        {
            for (var h = 0; h < 24; h++)
            {
                max = Math.Max(max, data.HourOfWeekday(d, h));
            }
        }

        var height = Top + (7 * Row) + 44;
        var svg = new SvgCanvas(writer);
        svg.Open("hour-by-weekday", Width, height, "Calls by weekday and hour of day");
        var cell = (Width - Left - Right) / 24;
        for (var h = 0; h < 24; h++)
        {
            svg.Text(Left + (h * cell) + (cell / 2), Top - 6, h.ToString("00", CultureInfo.InvariantCulture), "tick", "middle");
        }

        for (var d = 0; d < 7; d++)
        {
            var y = Top + (d * Row);
            svg.Text(Left - 8, y + (Row / 2) + 4, WeekdayNames[d], "tick", "end");
            for (var h = 0; h < 24; h++)
            {
                var count = data.HourOfWeekday(d, h);
                var share = max == 0 ? 0 : (double)count / max;
                var x = Left + (h * cell);
                var label = WeekdayNames[d] + " " + h.ToString("00", CultureInfo.InvariantCulture) + ":00";
                svg.Mark(x + 1, y + 1, cell - 2, Row - 2, "cell", label, count, Color(share),
                    "data-weekday", WeekdayNames[d], "data-hour", h.ToString(CultureInfo.InvariantCulture));
                if (count > 0)
                {
                    svg.Text(x + (cell / 2), y + (Row / 2) + 4, count.ToString(CultureInfo.InvariantCulture), share > 0.55 ? "cell-text dark" : "cell-text", "middle");
                }
            }
        }

        // Legend: five steps of the ramp, labelled with the counts they stand for.
        var legendY = Top + (7 * Row) + 14;
        svg.Text(Left, legendY + 11, "Calls per hour:", "tick", "start");
        for (var i = 0; i <= 4; i++)
        {
            var x = Left + 100 + (i * 64);
            svg.Box(x, legendY, 22, 14, "swatch", Color(i / 4.0));
            svg.Text(x + 28, legendY + 11, ((long)Math.Round(max * i / 4.0)).ToString("N0", CultureInfo.InvariantCulture), "tick", "start");
        }

        svg.Close();
    }

    public static string Color(double share)
    {
        share = Math.Max(0, Math.Min(1, share));
        int Mix(int a, int b) => (int)Math.Round(a + ((b - a) * share));
        return string.Format(CultureInfo.InvariantCulture, "#{0:x2}{1:x2}{2:x2}", Mix(s_low.R, s_high.R), Mix(s_low.G, s_high.G), Mix(s_low.B, s_high.B));
    }
}
