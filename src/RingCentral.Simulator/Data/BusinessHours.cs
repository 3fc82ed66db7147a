namespace RingCentral.Simulator.Data;

/// <summary>
/// How busy the phones of a shaped profile are by local weekday and hour, and when the business is
/// open (a call outside opening hours is missed far more often). The weights are relative call
/// rates; only their proportions matter.
/// </summary>
internal sealed class BusinessHours
{
    // Office: people arrive from 8, the morning peak is 10–11, lunch empties the phones at 12, the
    // afternoon peak is 14–15, and calls stop after 17; nights and weekends only a trickle.
    private static readonly double[] OfficeWeekday =
        [0.10, 0.08, 0.08, 0.08, 0.10, 0.15, 0.25, 0.80, 3.0, 5.5, 7.0, 6.6, 3.4, 5.0, 6.8, 6.2, 4.8, 3.0, 1.3, 0.70, 0.45, 0.30, 0.20, 0.12];
    private static readonly double[] OfficeSaturday =
        [0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.08, 0.15, 0.30, 0.45, 0.55, 0.55, 0.45, 0.45, 0.45, 0.40, 0.30, 0.25, 0.20, 0.15, 0.12, 0.10, 0.08, 0.06];
    private static readonly double[] OfficeSunday =
        [0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0.05, 0.08, 0.12, 0.20, 0.25, 0.25, 0.22, 0.22, 0.22, 0.20, 0.18, 0.15, 0.15, 0.12, 0.10, 0.08, 0.06, 0.05];

    // Contact center: staffed 7–21 on weekdays and 9–17 on Saturdays, a flatter day with a dip at lunch.
    private static readonly double[] CenterWeekday =
        [0.20, 0.15, 0.12, 0.12, 0.15, 0.25, 0.70, 2.6, 4.8, 6.0, 6.4, 6.2, 4.6, 5.4, 6.2, 6.0, 5.4, 4.6, 3.6, 2.8, 2.0, 1.0, 0.50, 0.30];
    private static readonly double[] CenterSaturday =
        [0.15, 0.10, 0.10, 0.10, 0.10, 0.15, 0.30, 0.60, 1.2, 2.2, 2.6, 2.6, 2.2, 2.4, 2.4, 2.2, 1.8, 1.0, 0.50, 0.40, 0.30, 0.25, 0.20, 0.15];
    private static readonly double[] CenterSunday =
        [0.10, 0.08, 0.08, 0.08, 0.08, 0.10, 0.15, 0.25, 0.40, 0.60, 0.70, 0.70, 0.60, 0.60, 0.60, 0.55, 0.45, 0.35, 0.30, 0.25, 0.20, 0.15, 0.12, 0.10];

    public static readonly BusinessHours Office = new(OfficeWeekday, OfficeSaturday, OfficeSunday,
        weekdayOpen: (8, 18), saturdayOpen: null);

    public static readonly BusinessHours ContactCenter = new(CenterWeekday, CenterSaturday, CenterSunday,
        weekdayOpen: (7, 21), saturdayOpen: (9, 17));

    private readonly double[] _weekday;
    private readonly double[] _saturday;
    private readonly double[] _sunday;
    private readonly (int From, int To) _weekdayOpen;
    private readonly (int From, int To)? _saturdayOpen;

    private BusinessHours(double[] weekday, double[] saturday, double[] sunday, (int, int) weekdayOpen, (int, int)? saturdayOpen)
    {
        _weekday = weekday;
        _saturday = saturday;
        _sunday = sunday;
        _weekdayOpen = weekdayOpen;
        _saturdayOpen = saturdayOpen;
    }

    public static BusinessHours? For(CallProfile profile) => profile switch
    {
        CallProfile.Office => Office,
        CallProfile.ContactCenter => ContactCenter,
        _ => null,
    };

    /// <summary>Relative rate of calls in the local hour that contains <paramref name="local"/>.</summary>
    public double Weight(DateTime local) => local.DayOfWeek switch
    {
        DayOfWeek.Saturday => _saturday[local.Hour],
        DayOfWeek.Sunday => _sunday[local.Hour],
        _ => _weekday[local.Hour],
    };

    /// <summary>Whether someone is there to take calls at <paramref name="local"/>.</summary>
    public bool IsOpen(DateTime local)
    {
        var hours = local.DayOfWeek switch
        {
            DayOfWeek.Sunday => null,
            DayOfWeek.Saturday => _saturdayOpen,
            _ => _weekdayOpen,
        };
        return hours is (int from, int to) && local.Hour >= from && local.Hour < to;
    }
}
