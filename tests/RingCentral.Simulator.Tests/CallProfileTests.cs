using System.Security.Cryptography;
using System.Text;
using RingCentral.Simulator.Data;

namespace RingCentral.Simulator.Tests;

/// <summary>
/// The generated account looks like a business: when calls come in the account's zone, how many
/// inbound calls are missed, how calls spread over extensions, how long they last, who records.
/// The thresholds are the numbers with room for a seed's chance, not the generator's own
/// constants, so a change that drifts back to evenly spread data fails here.
/// </summary>
public sealed class CallProfileTests
{
    // A fixed moment (a Friday evening in Los Angeles) so every run sees the same weeks.
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    // The report's missed results (inbound calls that rang and reached no one).
    private static readonly HashSet<string> MissedResults = ["Missed", "Voicemail", "No Answer", "Busy", "Abandoned", "Rejected", "Hang Up"];

    private static IReadOnlyList<CallRecord> Generate(SimulatorOptions options)
    {
        options.StartTime = Start;
        return new SimulatorState(options).Store.All;
    }

    private static DateTime Local(CallRecord r, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(r.StartMs), zone).DateTime;

    private static bool InOfficeHours(DateTime local) => local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && local.Hour is >= 8 and < 18;

    private static double OfficeHoursShare(IReadOnlyList<CallRecord> calls, TimeZoneInfo zone) => calls.Count(c => InOfficeHours(Local(c, zone))) / (double)calls.Count;

    private static double MissedShare(IEnumerable<CallRecord> calls)
    {
        var inbound = calls.Where(c => c.Inbound).ToList();
        return inbound.Count(c => MissedResults.Contains(c.Result)) / (double)inbound.Count;
    }

    private static (double Busiest, double Median) ExtensionShares(IReadOnlyList<CallRecord> calls)
    {
        var shares = calls.GroupBy(c => c.Owner.Index).Select(g => g.Count() / (double)calls.Count).Order().ToList();
        return (shares[^1], shares[shares.Count / 2]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(11)]
    public void The_default_account_is_an_office_in_Los_Angeles(int seed)
    {
        var calls = Generate(new SimulatorOptions { Seed = seed });

        var officeHours = OfficeHoursShare(calls, LosAngeles);
        Assert.InRange(officeHours, 0.78, 0.95);
        Assert.InRange(MissedShare(calls), 0.10, 0.20);
        var (busiest, median) = ExtensionShares(calls);
        Assert.InRange(busiest, 0.20, 0.45);
        Assert.True(busiest >= 2.5 * median, $"busiest extension {busiest:P1}, median {median:P1}");
    }

    [Fact]
    public void Office_hours_have_a_morning_and_an_afternoon_peak_with_a_lunch_dip_and_a_trickle_at_night()
    {
        var calls = Generate(new SimulatorOptions { Seed = 3, CallsPerDay = 600, Days = 28 });
        var weekday = calls.Select(c => Local(c, LosAngeles)).Where(t => t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .GroupBy(t => t.Hour).ToDictionary(g => g.Key, g => g.Count());
        int At(int hour) => weekday.GetValueOrDefault(hour);

        Assert.True(At(12) < 0.7 * At(10) && At(12) < 0.7 * At(14), $"lunch {At(12)}, morning {At(10)}, afternoon {At(14)}");
        Assert.True(At(10) > 1.5 * At(8) && At(14) > 1.5 * At(17), $"8h {At(8)}, 10h {At(10)}, 14h {At(14)}, 17h {At(17)}");
        Assert.True(At(3) < 0.05 * At(10), $"3h {At(3)}, 10h {At(10)}");
        Assert.True(At(3) > 0, "nights still carry a trickle");
        var sundays = calls.Count(c => Local(c, LosAngeles).DayOfWeek == DayOfWeek.Sunday);
        var tuesdays = calls.Count(c => Local(c, LosAngeles).DayOfWeek == DayOfWeek.Tuesday);
        Assert.InRange(sundays, 1, tuesdays / 10);
    }

    [Fact]
    public void The_calls_per_day_stay_the_daily_average()
    {
        var calls = Generate(new SimulatorOptions { Seed = 4, CallsPerDay = 250, Days = 14 });
        // Queue calls add records of the other extensions that rang; the calls themselves are exact.
        Assert.Equal(250 * 14, calls.Select(c => c.SessionId).Distinct().Count());
        var from = Start.AddDays(-14).ToUnixTimeMilliseconds();
        Assert.All(calls, c => Assert.InRange(c.StartMs, from, Start.ToUnixTimeMilliseconds()));
    }

    [Fact]
    public void Office_hours_are_counted_in_the_account_zone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var calls = Generate(new SimulatorOptions { Seed = 5, TimeZone = berlin });

        Assert.InRange(OfficeHoursShare(calls, berlin), 0.78, 0.95);
        // 8–18 in Berlin is midnight to 9 a.m. in Los Angeles.
        Assert.InRange(OfficeHoursShare(calls, LosAngeles), 0, 0.35);
    }

    [Fact]
    public void More_inbound_calls_are_missed_after_hours()
    {
        var calls = Generate(new SimulatorOptions { Seed = 6, CallsPerDay = 400 });
        var open = MissedShare(calls.Where(c => InOfficeHours(Local(c, LosAngeles))));
        var closed = MissedShare(calls.Where(c => !InOfficeHours(Local(c, LosAngeles))));

        Assert.InRange(open, 0.05, 0.20);
        Assert.True(closed > 2 * open, $"after hours {closed:P1}, office hours {open:P1}");
    }

    [Fact]
    public void Missed_calls_ring_for_seconds_and_connected_calls_last_minutes_with_a_long_tail()
    {
        var calls = Generate(new SimulatorOptions { Seed = 7, CallsPerDay = 400 }).Where(c => !c.IsFax).ToList();
        var rang = calls.Where(c => c.Result is "Missed" or "No Answer" or "Busy" or "Abandoned").ToList();
        var talked = calls.Where(c => c.Result is "Accepted" or "Call connected").Select(c => c.DurationMs / 60_000.0).ToList();

        Assert.NotEmpty(rang);
        Assert.All(rang, c => Assert.InRange(c.DurationMs, 0, 45_000));
        var oneToTen = talked.Count(m => m is >= 1 and <= 10) / (double)talked.Count;
        Assert.InRange(oneToTen, 0.70, 0.95);
        Assert.InRange(talked.Count(m => m > 20), 5, talked.Count / 20);
    }

    [Fact]
    public void Recordings_come_from_the_extensions_that_record()
    {
        var calls = Generate(new SimulatorOptions { Seed = 8, CallsPerDay = 300 });
        var byExtension = calls.Where(c => !c.IsFax && c.Result is "Accepted" or "Call connected").GroupBy(c => c.Owner.Index)
            .Select(g => g.Count(c => c.HasRecording || c.ShortRecording) / (double)g.Count()).ToList();

        Assert.Contains(byExtension, share => share > 0.9);
        Assert.True(byExtension.Count(share => share == 0) >= byExtension.Count / 2, string.Join(", ", byExtension.Select(s => s.ToString("P0", System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void A_contact_center_is_open_longer_and_takes_more_inbound_calls()
    {
        var office = Generate(new SimulatorOptions { Seed = 9, CallsPerDay = 300 });
        var center = Generate(new SimulatorOptions { Seed = 9, CallsPerDay = 300, Profile = CallProfile.ContactCenter });
        static double Evenings(IEnumerable<CallRecord> calls) => calls.Count(c => Local(c, LosAngeles) is { Hour: >= 18 and < 21, DayOfWeek: not (DayOfWeek.Saturday or DayOfWeek.Sunday) }) / (double)calls.Count();
        static double Inbound(IEnumerable<CallRecord> calls) => calls.Count(c => c.Inbound) / (double)calls.Count();
        static int Queued(IEnumerable<CallRecord> calls) => calls.GroupBy(c => c.SessionId).Count(g => g.Count() > 1);

        Assert.True(Evenings(center) > 2 * Evenings(office), $"evenings: center {Evenings(center):P1}, office {Evenings(office):P1}");
        Assert.True(Inbound(center) > Inbound(office) + 0.15, $"inbound: center {Inbound(center):P1}, office {Inbound(office):P1}");
        Assert.True(Queued(center) > 2 * Queued(office), $"queue calls: center {Queued(center)}, office {Queued(office)}");
    }

    [Fact]
    public void The_24x7_profile_spreads_calls_evenly_over_every_hour_and_extension()
    {
        var calls = Generate(new SimulatorOptions { Seed = 1, Profile = CallProfile.AroundTheClock });
        // 5 days × 10 hours of the week's 168 hours.
        Assert.InRange(OfficeHoursShare(calls, LosAngeles), 0.25, 0.35);
        var (busiest, median) = ExtensionShares(calls);
        Assert.True(busiest < 1.5 * median, $"busiest extension {busiest:P1}, median {median:P1}");
    }

    [Theory]
    [InlineData(CallProfile.Office)]
    [InlineData(CallProfile.ContactCenter)]
    [InlineData(CallProfile.AroundTheClock)]
    public void The_same_seed_gives_the_same_records(CallProfile profile)
    {
        Assert.Equal(Fingerprint(Generate(new SimulatorOptions { Seed = 12, Profile = profile })), Fingerprint(Generate(new SimulatorOptions { Seed = 12, Profile = profile })));
        Assert.NotEqual(Fingerprint(Generate(new SimulatorOptions { Seed = 12, Profile = profile })), Fingerprint(Generate(new SimulatorOptions { Seed = 13, Profile = profile })));
    }

    [Fact]
    public void The_24x7_profile_gives_the_records_of_earlier_versions_for_a_seed()
    {
        // Benchmarks compare runs across versions on this data: the fingerprint was taken from the
        // generator before profiles existed (seed 1, 10 extensions, 100 calls a day, 30 days).
        var calls = Generate(new SimulatorOptions { Seed = 1, Profile = CallProfile.AroundTheClock });
        Assert.Equal("368844E2690D39779153AA5D0B69D62196CC9D09ABF9639E5C4A6ACD7EE8D09E", Fingerprint(calls));
    }

    [Theory]
    [InlineData("--profile", "night-shift", "--profile")]
    [InlineData("--timezone", "Mars/Olympus_Mons", "--timezone")]
    public void A_bad_profile_or_zone_is_refused_naming_the_option(string option, string value, string named)
    {
        var e = Assert.Throws<FormatException>(() => SimulatorOptions.Parse([option, value]));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_and_timezone_parse_from_the_command_line()
    {
        var o = SimulatorOptions.Parse(["--profile", "contact-center", "--timezone=Europe/Berlin"]);
        Assert.Equal(CallProfile.ContactCenter, o.Profile);
        Assert.Equal("Europe/Berlin", o.TimeZone.Id);
        Assert.Equal(CallProfile.AroundTheClock, SimulatorOptions.Parse(["--profile", "24x7"]).Profile);
        var defaults = SimulatorOptions.Parse([]);
        Assert.Equal(CallProfile.Office, defaults.Profile);
        Assert.Equal("America/Los_Angeles", defaults.TimeZone.Id);
    }

    /// <summary>SHA-256 over every field a record is written from, times relative to the start moment.</summary>
    private static string Fingerprint(IReadOnlyList<CallRecord> calls)
    {
        var text = new StringBuilder();
        var start = Start.ToUnixTimeMilliseconds();
        foreach (var c in calls)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"{c.Id}|{c.Owner.Index}|{c.SessionId}|{c.StartMs - start}|{c.DurationMs}|{c.IsFax}|{c.Inbound}|{c.Pstn}|{c.Action}|{c.Result}|{c.Reason}|{c.InternalType}|{c.From.PhoneNumber}{c.From.ExtensionNumber}|{c.To.PhoneNumber}{c.To.ExtensionNumber}|{c.MessageId}|{c.Blocked}|{c.Deleted}|{c.ShortRecording}|{c.LegCount}|{c.VisibleAtMs - start}|{c.RecordingId}|{c.RecordingOnDemand}|{c.LastModifiedMs - start}\n");
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
