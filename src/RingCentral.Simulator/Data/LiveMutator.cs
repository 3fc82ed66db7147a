using System.Globalization;

namespace RingCentral.Simulator.Data;

/// <summary>How a record changes after it has been listed, as on RingCentral.</summary>
internal enum MutationKind
{
    /// <summary>A recording is attached minutes after the call (on-demand recordings, late uploads).</summary>
    Recording,

    /// <summary>RingCentral corrects the result (say Missed becomes Voicemail).</summary>
    Result,

    /// <summary>The record is deleted (listed afterwards only with showDeleted=true, marked deleted).</summary>
    Delete,
}

/// <summary>The proportions of the kinds of change live mode makes, as "RECORDING/RESULT/DELETE" weights.</summary>
internal readonly record struct MutationMix(int Recording, int Result, int Delete)
{
    public static readonly MutationMix Default = new(60, 25, 15);

    public static MutationMix Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        var weights = new int[3];
        if (parts.Length != 3 || !parts.Select((p, i) => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out weights[i])).All(ok => ok) || weights.Sum() == 0)
        {
            throw new FormatException($"Change mix '{text}' is not RECORDING/RESULT/DELETE weights (e.g. 60/25/15).");
        }
        return new MutationMix(weights[0], weights[1], weights[2]);
    }

    public MutationKind Pick(Random random)
    {
        var roll = random.Next(Recording + Result + Delete);
        return roll < Recording ? MutationKind.Recording : roll < Recording + Result ? MutationKind.Result : MutationKind.Delete;
    }
}

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
            default:
                r.Deleted = true;
                return true;
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
