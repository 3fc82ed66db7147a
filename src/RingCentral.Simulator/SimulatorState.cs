using System.Security.Cryptography;
using RingCentral.Simulator.Auth;
using RingCentral.Simulator.Data;
using RingCentral.Simulator.Faults;
using RingCentral.Simulator.Infrastructure;
using RingCentral.Simulator.Json;

namespace RingCentral.Simulator;

/// <summary>Everything one running simulator holds; the endpoints read and change it.</summary>
internal sealed class SimulatorState
{
    public SimulatorState(SimulatorOptions options)
    {
        Options = options;
        Config = new RuntimeConfig(options);
        Limiter = new RateLimiter(Config);
        StartMoment = options.StartTime ?? DateTimeOffset.UtcNow;
        ClientId = JwtCodec.B64(RandomNumberGenerator.GetBytes(16));
        ClientSecret = JwtCodec.B64(RandomNumberGenerator.GetBytes(24));
        Jwt = new JwtCodec(ClientId);
        Generator = new DataGenerator(options.Seed, options.Extensions, options.Profile, options.TimeZone);
        var startMs = StartMoment.ToUnixTimeMilliseconds();
        var history = Generator.GenerateHistory(startMs - (options.Days * 86_400_000L), startMs, (long)options.CallsPerDay * options.Days);
        Store = new CallStore(history);
        Mutator = new LiveMutator(Store, Generator);
        Gateway = new Events.Gateway(this);
        Messages = new Messages.MessageStore(this);
    }

    public SimulatorOptions Options { get; }
    public RuntimeConfig Config { get; }
    public DateTimeOffset StartMoment { get; }
    public string ClientId { get; }
    public string ClientSecret { get; }
    public JwtCodec Jwt { get; }
    public DataGenerator Generator { get; }
    public CallStore Store { get; }
    public LiveMutator Mutator { get; }
    public TokenStore Tokens { get; } = new();
    public AuthCodeStore AuthCodes { get; } = new();
    public RateLimiter Limiter { get; }
    public FaultInjector Faults { get; } = new();
    public RequestStats Stats { get; } = new();
    /// <summary>The WebSocket gateway: subscriptions and the telephony session events of new calls.</summary>
    public Events.Gateway Gateway { get; }
    /// <summary>Every extension's message store (voicemail and fax from the calls, SMS), made when first asked for.</summary>
    public Messages.MessageStore Messages { get; }
    /// <summary>Message store export tasks by id.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, Messages.ExportTask> ExportTasks { get; } = new(StringComparer.Ordinal);

    /// <summary>The company every extension's contact names (RingCentral's account info has no name of its own).</summary>
    public const string CompanyName = "Redwood Valley Dental";

    public string AccountId => Generator.AccountId;
    public IReadOnlyList<Extension> Extensions => Generator.Extensions;
    public string PlatformBase { get; set; } = "";
    public string MediaBase { get; set; } = "";
    public int MediaPort { get; set; }

    public UriContext Uris => new(PlatformBase, Config.MediaBaseUrl?.TrimEnd('/') ?? MediaBase, AccountId);

    public Extension? FindExtension(string id) => Extensions.FirstOrDefault(e => e.Id == id);

    /// <summary>Where client JWTs say they are for (RingCentral uses the token endpoint as audience).</summary>
    public string TokenAudience => PlatformBase + "/restapi/oauth/token";

    /// <summary>Adds new calls that ended <paramref name="endedSecondsAgo"/> ago; they show in the list after <paramref name="visibleAfterSeconds"/>.</summary>
    public List<CallRecord> AddCalls(int count, int endedSecondsAgo, int? visibleAfterSeconds, int? durationSeconds = null)
    {
        var added = new List<CallRecord>();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        lock (Generator)
        {
            for (var i = 0; i < count; i++)
            {
                var duration = durationSeconds is int d ? d * 1000 : Generator.Random.Next(5_000, 300_000);
                var start = now - (endedSecondsAgo * 1000L) - duration;
                long? delay = visibleAfterSeconds is int v ? v * 1000L : null;
                Generator.AddCall(added, start, delay, duration);
            }
        }
        // A call that has just ended has not been deleted by anyone yet. The generator marks about 2 %
        // of its calls deleted (history has such records); here that would make a test's new call
        // missing from active calls and from a checkpoint run, depending on the random stream.
        foreach (var r in added) r.Deleted = false;
        Store.Add(added);
        Gateway.Publish(added);
        return added;
    }

    /// <summary>Changes existing visible records: lastModifiedTime moves; a connected call may get a recording attached.</summary>
    public List<CallRecord> ModifyCalls(int count)
    {
        var changed = new List<CallRecord>();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var all = Store.All;
        if (all.Count == 0) return changed;
        lock (Generator)
        {
            for (var i = 0; i < count * 20 && changed.Count < count; i++)
            {
                // Prefer recent records, as real modifications happen shortly after calls.
                var r = all[Generator.Random.Next(Math.Min(all.Count, 2000))];
                if (r.VisibleAtMs > now || changed.Contains(r)) continue;
                if (!r.HasRecording && !r.IsFax && r.Result is "Accepted" or "Call connected")
                {
                    Store.AttachRecording(r, 1_900_000_000_000 + Generator.Random.Next(1, int.MaxValue));
                    r.RecordingOnDemand = true;
                }
                r.LastModifiedMs = now;
                changed.Add(r);
            }
        }
        Store.Touch();
        return changed;
    }
}
