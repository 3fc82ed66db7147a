using System.Globalization;
using RingCentral.Simulator.Data;

namespace RingCentral.Simulator;

/// <summary>Everything that can be set on the command line; see docs/simulator.md.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Platform listener; port 0 picks a free port. The media listener uses the same host and another free port.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";
    public int Seed { get; set; } = 1;
    public int Extensions { get; set; } = 10;
    public int CallsPerDay { get; set; } = 100;
    public int Days { get; set; } = 30;
    /// <summary>When calls come and how they spread over extensions and results (--profile office|contact-center|24x7).</summary>
    public CallProfile Profile { get; set; } = CallProfile.Office;
    /// <summary>The account's time zone, in which the profile's hours are counted (--timezone, an IANA id).</summary>
    public TimeZoneInfo TimeZone { get; set; } = DefaultTimeZone();
    public RateLimitSpec Heavy { get; set; } = new(10, 60);
    public RateLimitSpec Medium { get; set; } = new(40, 60);
    public RateLimitSpec Light { get; set; } = new(50, 60);
    public RateLimitSpec Auth { get; set; } = new(5, 60);
    public int PenaltySeconds { get; set; } = 60;
    public int AccessTokenTtlSeconds { get; set; } = 3600;
    public int RefreshTokenTtlSeconds { get; set; } = 604800;
    public int LatencyMs { get; set; }
    /// <summary>Fixed size of every recording's content; null = sized by the call's duration.</summary>
    public long? RecordingBytes { get; set; }
    /// <summary>Days the account keeps recordings (on-demand and automatic), as GET .../call-recording reports.</summary>
    public int RecordingRetentionDays { get; set; } = 90;
    public bool Live { get; set; }
    /// <summary>Whether an admin may read another extension's message store (--admin-mailbox-access allow|deny).</summary>
    public bool AdminMailboxAccess { get; set; } = true;
    /// <summary>Seconds a message store export task takes to complete (--export-delay).</summary>
    public double ExportDelaySeconds { get; set; } = 5;
    /// <summary>Live mode: seconds between changes to listed records (0 = none).</summary>
    public double LiveChangeEverySeconds { get; set; } = 15;
    /// <summary>Live mode: the proportions of the kinds of change.</summary>
    internal MutationMix LiveChangeMix { get; set; } = MutationMix.Default;
    public bool TestHooks { get; set; }
    /// <summary>Stop when standard input reaches its end (test harnesses that own the process); off, it serves until Ctrl+C or SIGTERM.</summary>
    public bool ExitOnStdinClose { get; set; }
    /// <summary>The moment the data is generated back from; null = now. Tests may pin it.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>Parses command-line arguments ("--name value" or "--name=value"); unknown options throw.</summary>
    public static SimulatorOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var o = new SimulatorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string? inline = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (name.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = name[(eq + 1)..];
                name = name[..eq];
            }
            string Value()
            {
                if (inline is not null) return inline;
                if (i + 1 >= args.Count) throw new FormatException($"Option {name} needs a value.");
                return args[++i];
            }
            int Int() => int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
            switch (name.ToLowerInvariant())
            {
                case "--urls": o.Urls = Value(); break;
                case "--seed": o.Seed = Int(); break;
                case "--extensions": o.Extensions = Int(); break;
                case "--calls-per-day": o.CallsPerDay = Int(); break;
                case "--days": o.Days = Int(); break;
                case "--profile": o.Profile = CallProfileNames.Parse(Value()); break;
                case "--timezone": o.TimeZone = ParseTimeZone(Value()); break;
                case "--heavy": o.Heavy = RateLimitSpec.Parse(Value()); break;
                case "--medium": o.Medium = RateLimitSpec.Parse(Value()); break;
                case "--light": o.Light = RateLimitSpec.Parse(Value()); break;
                case "--auth": o.Auth = RateLimitSpec.Parse(Value()); break;
                case "--penalty": o.PenaltySeconds = Int(); break;
                case "--access-token-ttl": o.AccessTokenTtlSeconds = Int(); break;
                case "--refresh-token-ttl": o.RefreshTokenTtlSeconds = Int(); break;
                case "--latency": o.LatencyMs = Int(); break;
                case "--recording-bytes": o.RecordingBytes = long.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture); break;
                case "--recording-retention": o.RecordingRetentionDays = Int(); break;
                case "--live": o.Live = true; break;
                case "--admin-mailbox-access": o.AdminMailboxAccess = ParseAllowDeny(Value()); break;
                case "--export-delay": o.ExportDelaySeconds = double.Parse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture); break;
                case "--live-change-every": o.LiveChangeEverySeconds = double.Parse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture); break;
                case "--live-change-mix": o.LiveChangeMix = MutationMix.Parse(Value()); break;
                case "--test-hooks": o.TestHooks = true; break;
                case "--exit-on-stdin-close": o.ExitOnStdinClose = true; break;
                default: throw new FormatException($"Unknown option '{args[i]}'.");
            }
        }
        if (o.Extensions < 2) throw new FormatException("--extensions must be at least 2 (an admin and a user).");
        if (o.RecordingRetentionDays < 1) throw new FormatException("--recording-retention must be at least 1 day.");
        if (o.ExportDelaySeconds < 0) throw new FormatException("--export-delay must not be negative.");
        if (o.CallsPerDay < 0 || o.Days < 0) throw new FormatException("--calls-per-day and --days must not be negative.");
        return o;
    }

    private static bool ParseAllowDeny(string text) => text.ToLowerInvariant() switch
    {
        "allow" => true,
        "deny" => false,
        _ => throw new FormatException($"--admin-mailbox-access '{text}' is not allow or deny."),
    };

    private static TimeZoneInfo DefaultTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // A machine without time zone data must still start the simulator: Pacific standard time, without DST.
            return TimeZoneInfo.CreateCustomTimeZone("America/Los_Angeles", TimeSpan.FromHours(-8), "Pacific Time (no DST data)", "PST");
        }
    }

    private static TimeZoneInfo ParseTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new FormatException($"--timezone '{id}' is not a time zone id (for example America/Los_Angeles or Europe/Berlin).", e);
        }
    }
}
