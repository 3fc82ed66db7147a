namespace RingCentral.Simulator.Faults;

/// <summary>Holds queued faults and picks the one (if any) that fires for a request.</summary>
internal sealed class FaultInjector
{
    private readonly List<FaultRule> _rules = [];

    public void Add(FaultRule rule)
    {
        lock (_rules) _rules.Add(rule);
    }

    public void Clear()
    {
        lock (_rules) _rules.Clear();
    }

    /// <summary>The fault for this request, consuming one of its count; null when none fires.</summary>
    public FaultRule? Next(string path)
    {
        lock (_rules)
        {
            foreach (var rule in _rules)
            {
                if (rule.Path is not null && !path.Contains(rule.Path, StringComparison.OrdinalIgnoreCase)) continue;
                // With a probability, a matching request that does not fault leaves the rule for later ones.
                if (rule.Random is not null && rule.Random.NextDouble() >= rule.Probability) return null;
                if (--rule.Remaining <= 0) _rules.Remove(rule);
                return rule;
            }
            return null;
        }
    }
}
