using System.Text.RegularExpressions;
using CsCheck;

namespace RingCentral.CallLog.Tests.Json.Schema;

/// <summary>
/// Runs a CsCheck property with a bounded number of iterations, and gives a failure a budget of its
/// own to shrink in. CsCheck shrinks within the iterations it was given (a property failing in its
/// last iteration would not shrink at all), so the failing case's seed is sampled again with
/// <c>shrinkIterations</c> candidates, on one thread so the smallest failing case is the last one
/// seen. CsCheck's random shrinking gets pages down to few records; <c>smaller</c> then takes the
/// smallest case further one step at a time (drop a record, a member, half a string) while it
/// still fails, so the report ends at the smallest record that breaks the property.
/// </summary>
internal static partial class PropertyCheck
{
    public static async Task SampleAsync<T>(Gen<T> gen, Func<T, Task> assert, int iter, Func<T, string> print, Action<string>? writeLine = null, Func<T, IEnumerable<T>>? smaller = null, long shrinkIterations = 20_000, string? seed = null)
    {
        string failingSeed;
        try
        {
            await gen.SampleAsync(assert, writeLine, seed, iter, print: print);
            return;
        }
        catch (CsCheckException failure) when (SeedOf(failure) is { } found)
        {
            failingSeed = found;
        }

        var smallest = default(T);
        CsCheckException shrunk;
        try
        {
            await gen.SampleAsync(
                async t =>
                {
                    try
                    {
                        await assert(t);
                    }
                    catch
                    {
                        smallest = t;
                        throw;
                    }
                },
                null,
                failingSeed,
                shrinkIterations,
                threads: 1,
                print: print);
            throw new InvalidOperationException($"The failing seed {failingSeed} passed when replayed: the property is not deterministic.");
        }
        catch (CsCheckException e)
        {
            shrunk = e;
        }

        var current = smallest!;
        var failureText = shrunk.InnerException?.Message ?? shrunk.Message;
        for (var progress = smaller is not null; progress;)
        {
            progress = false;
            foreach (var candidate in smaller!(current))
            {
                if (await FailureOf(assert, candidate) is { } message)
                {
                    (current, failureText, progress) = (candidate, message, true);
                    break;
                }
            }
        }

        throw new PropertyFailedException(current!, $"{shrunk.Message}\nSmallest failing case:\n{print(current)}\nFailure: {failureText}", shrunk);
    }

    public static string? SeedOf(CsCheckException failure) => SeedPattern().Match(failure.Message) is { Success: true } match ? match.Groups[1].Value : null;

    private static async Task<string?> FailureOf<T>(Func<T, Task> assert, T sample)
    {
        try
        {
            await assert(sample);
            return null;
        }
#pragma warning disable CA1031 // any exception is the property failing
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e.Message;
        }
    }

    [GeneratedRegex("Set seed: \"([^\"]+)\"")]
    private static partial Regex SeedPattern();
}
