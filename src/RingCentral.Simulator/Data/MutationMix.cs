using System.Globalization;

namespace RingCentral.Simulator.Data;

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
