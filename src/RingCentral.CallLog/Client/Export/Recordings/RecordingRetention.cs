using System;
using System.Globalization;
using RingCentral.CallLog.Client.Export.Content;

namespace RingCentral.CallLog.Client.Export.Recordings;

/// <summary>
/// Whether RingCentral is about to delete a recording on its own: its call's start time plus the
/// account's retention for its type lies within <see cref="WarningWindow"/> of now. One instance
/// per run: the policy is read once (when a call's start time is first known), the warning given once.
/// </summary>
internal sealed class RecordingRetention
{
    public static readonly TimeSpan WarningWindow = TimeSpan.FromDays(7);

    private readonly Func<RecordingPolicy> _readPolicy;
    private readonly Action<string> _verbose;
    private RecordingPolicy? _policy;
    private bool _policyRead;
    private bool _warned;

    /// <param name="readPolicy">Reads the account's policy (an RcApiException when it cannot).</param>
    /// <param name="verbose">Told when the policy cannot be read: the run goes on without the warning.</param>
    public RecordingRetention(Func<RecordingPolicy> readPolicy, Action<string> verbose)
    {
        _readPolicy = readPolicy;
        _verbose = verbose;
    }

    /// <summary>The run's one warning, for the first recording close to its retention end; else null.</summary>
    public string? Check(ContentNameValues call, DateTimeOffset now)
    {
        if (_warned || call.StartTime is null)
        {
            return null;
        }

        if (!_policyRead)
        {
            _policyRead = true;
            try
            {
                _policy = _readPolicy();
            }
            catch (RcApiException ex)
            {
                _verbose($"The account's recording retention could not be read ({ex.Message}); no retention warning in this run.");
            }
        }

        var warning = Warning(_policy, call, now);
        _warned = warning is not null;
        return warning;
    }

    /// <summary>The warning for this recording, or null when it is not close to its retention end (or nothing is known).</summary>
    public static string? Warning(RecordingPolicy? policy, ContentNameValues call, DateTimeOffset now)
    {
        if (policy is null || call.StartTime is not DateTimeOffset start || policy.RetentionDaysFor(call.RecordingType) is not int days)
        {
            return null;
        }

        var end = start.AddDays(days);
        if (end - now > WarningWindow)
        {
            return null;
        }

        var day = start.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var when = end.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var state = end <= now
            ? $"is past the account's {days}-day retention ({when}): RingCentral may delete it any time"
            : $"reaches the end of the account's {days}-day retention on {when}, within 7 days: RingCentral deletes it then";
        return $"Recording {call.RecordingId} (call of {day}) {state}. Archive such recordings first; this warning is shown once per run.";
    }
}
