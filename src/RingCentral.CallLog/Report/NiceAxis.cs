using System;

namespace RingCentral.CallLog.Report;

/// <summary>A value axis from 0 with a round step (1, 2 or 5 times a power of ten) and about four grid lines.</summary>
internal readonly struct NiceAxis
{
    public NiceAxis(long max, int lines = 4)
    {
        if (max <= 0)
        {
            Step = 1;
            Top = 1;
            return;
        }

        var rough = (double)max / lines;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        Step = Math.Max(1, (long)(nice * power));
        Top = (long)Math.Ceiling((double)max / Step) * Step;
    }

    public long Step { get; }

    public long Top { get; }
}
