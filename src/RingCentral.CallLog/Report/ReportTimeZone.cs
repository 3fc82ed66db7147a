using System;

namespace RingCentral.CallLog.Report;

/// <summary>Turns the -TimeZone text into a zone: an IANA id (Europe/Berlin), a Windows id (W. Europe Standard Time), UTC or Local.</summary>
internal static class ReportTimeZone
{
    /// <exception cref="ArgumentException">Not a zone this machine knows (ParamName TimeZone).</exception>
    public static TimeZoneInfo Resolve(string? id)
    {
        if (id is null || string.Equals(id, "Local", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Local;
        }

        if (string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new ArgumentException(
                $"-TimeZone '{id}' is not a time zone this machine knows. Give an IANA id such as 'Europe/Berlin' or 'America/New_York', a Windows id such as 'W. Europe Standard Time', 'UTC', or leave it out for this machine's zone.",
                "TimeZone",
                ex);
        }
    }
}
