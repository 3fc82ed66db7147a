namespace RingCentral.Simulator.Data;

/// <summary>
/// Changes records after they have appeared in the list: a recording attached, a result
/// corrected, a record deleted, each moving lastModifiedTime. Used by live mode at the pace and
/// in the proportions its options set, and by the /_sim/modify hook on demand.
/// </summary>
internal sealed class LiveMutator(CallStore store, DataGenerator generator)
{
    private static readonly string[] CorrectedResults = ["Voicemail", "Missed", "Accepted", "Call connected", "No Answer"];

    /// <summary>Applies up to <paramref name="count"/> changes of <paramref name="kind"/> (null: picked by <paramref name="mix"/>) to recent listed records.</summary>
    public List<CallRecord> Mutate(int count, MutationKind? kind, MutationMix mix)
    {
        var changed = new List<CallRecord>();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var all = store.All;
        if (all.Count == 0) return changed;
        lock (generator)
        {
            var random = generator.Random;
            for (var attempt = 0; attempt < count * 50 && changed.Count < count; attempt++)
            {
                // Recent records, as real changes come shortly after calls; only those already listed.
                var r = all[random.Next(Math.Min(all.Count, 2000))];
                if (r.VisibleAtMs > now || r.Deleted || changed.Contains(r)) continue;
                if (!Apply(r, kind ?? mix.Pick(random), random)) continue;
                r.LastModifiedMs = Math.Max(now, r.LastModifiedMs + 1);
                changed.Add(r);
            }
        }
        store.Touch();
        return changed;
    }

    private bool Apply(CallRecord r, MutationKind kind, Random random)
    {
        switch (kind)
        {
            case MutationKind.Recording:
                if (r.HasRecording || r.IsFax || r.Result is not ("Accepted" or "Call connected")) return false;
                store.AttachRecording(r, 1_900_000_000_000 + (random.Next(1, int.MaxValue / 1000) * 1000L));
                r.RecordingOnDemand = true;
                return true;
            case MutationKind.Result:
                if (r.IsFax) return false;
                var corrected = CorrectedResults[random.Next(CorrectedResults.Length)];
                if (corrected == r.Result) return false;
                r.Result = corrected;
                return true;
            case MutationKind.Delete:
                r.Deleted = true;
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such kind of change.");
        }
    }

    public static MutationKind ParseKind(string text) => text.ToLowerInvariant() switch
    {
        "recording" => MutationKind.Recording,
        "result" => MutationKind.Result,
        "delete" => MutationKind.Delete,
        _ => throw new FormatException($"Change kind '{text}' is not recording, result, delete or mix."),
    };
}
