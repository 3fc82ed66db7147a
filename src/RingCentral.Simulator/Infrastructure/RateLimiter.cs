namespace RingCentral.Simulator.Infrastructure;

/// <summary>
/// Per (user or client, group) fixed windows that start with the first request in them, as
/// RingCentral documents. Once over the limit every request gets 429 until the penalty has passed,
/// and each request sent during the penalty restarts it.
/// </summary>
internal sealed class RateLimiter(RuntimeConfig config)
{
    private readonly Dictionary<(string, RateGroup), Bucket> _buckets = [];

    private sealed class Bucket
    {
        public DateTimeOffset WindowStart;
        public int Count;
        public DateTimeOffset PenaltyUntil;
    }

    public readonly record struct Decision(bool Allowed, RateLimitSpec Spec, int Remaining, int RetryAfterSeconds);

    public Decision Check(string identity, RateGroup group, DateTimeOffset now)
    {
        var spec = config.For(group);
        if (spec.IsUnlimited) return new Decision(true, spec, 0, 0);
        lock (_buckets)
        {
            if (!_buckets.TryGetValue((identity, group), out var b))
            {
                b = new Bucket { WindowStart = now };
                _buckets[(identity, group)] = b;
            }
            var penalty = config.PenaltySeconds;
            if (b.PenaltyUntil > now)
            {
                b.PenaltyUntil = now.AddSeconds(penalty);
                return new Decision(false, spec, 0, penalty);
            }
            if (b.Count == 0 || now >= b.WindowStart.AddSeconds(spec.WindowSeconds))
            {
                b.WindowStart = now;
                b.Count = 0;
            }
            b.Count++;
            if (b.Count > spec.Limit)
            {
                b.PenaltyUntil = now.AddSeconds(penalty);
                b.Count = 0;
                return new Decision(false, spec, 0, penalty);
            }
            return new Decision(true, spec, spec.Limit - b.Count, 0);
        }
    }

    public void Reset()
    {
        lock (_buckets) _buckets.Clear();
    }
}
