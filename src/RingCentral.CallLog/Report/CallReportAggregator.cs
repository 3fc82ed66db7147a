using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace RingCentral.CallLog.Report;

/// <summary>
/// Counts calls as they arrive. It keeps totals, a tally per day, per weekday hour, per result, per
/// duration bucket and per extension, and the first <c>maxRows</c> rows of the table, never the
/// records themselves: memory stays flat however many records come through.
/// </summary>
internal sealed class CallReportAggregator
{
    private static readonly Regex s_accountInUri = new("/account/([^/?#]+)/", RegexOptions.CultureInvariant);

    private readonly TimeZoneInfo _zone;
    private readonly int _maxRows;
    private readonly Func<string, LocalRecording?> _findRecording;
    private readonly Func<CallLogRecord, LocalMessage?> _findMessage;
    private readonly List<CallReportRow> _rows = new();
    private readonly SortedDictionary<DateTime, int[]> _perDay = new();
    private readonly int[,] _hourByWeekday = new int[7, 24];
    private readonly Dictionary<string, int> _results = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExtensionTally> _missedByExtension = new(StringComparer.Ordinal);
    private readonly long[] _durationBuckets = new long[CallMeasures.DurationBucketBounds.Count + 1];
    private readonly HashSet<string> _accounts = new(StringComparer.Ordinal);

    /// <param name="zone">The zone days and hours are counted in.</param>
    /// <param name="maxRows">How many calls the table shows.</param>
    /// <param name="findRecording">A recording on disk by its id.</param>
    /// <param name="findMessage">The call's voicemail or fax on disk; asked only for the calls the table shows (it reads the transcription).</param>
    public CallReportAggregator(TimeZoneInfo zone, int maxRows, Func<string, LocalRecording?> findRecording, Func<CallLogRecord, LocalMessage?>? findMessage = null)
    {
        _zone = zone;
        _maxRows = maxRows;
        _findRecording = findRecording;
        _findMessage = findMessage ?? (_ => null);
    }

    /// <summary>The series of the calls-per-day chart, in stacking order.</summary>
    public static IReadOnlyList<string> DirectionSeries { get; } = new[] { "Inbound", "Outbound", "Other" };

    public long Calls { get; private set; }

    public long Inbound { get; private set; }

    public long Outbound { get; private set; }

    public long Missed { get; private set; }

    /// <summary>Calls with a connected result (<see cref="CallMeasures.ConnectedResults"/>).</summary>
    public long Connected { get; private set; }

    /// <summary>Seconds of the connected calls.</summary>
    public long TalkSeconds { get; private set; }

    /// <summary>Records that name a recording.</summary>
    public long Recordings { get; private set; }

    /// <summary>Records whose recording was found on disk (table rows or not).</summary>
    public long RecordingsOnDisk { get; private set; }

    /// <summary>Table rows with a voicemail or fax on disk.</summary>
    public long MessagesShown { get; private set; }

    /// <summary>Records marked deleted (Get-RcCallLog -ShowDeleted): not counted anywhere.</summary>
    public long DeletedSkipped { get; private set; }

    /// <summary>Missed ÷ inbound, 0 without inbound calls.</summary>
    public double MissedRate => Inbound == 0 ? 0 : (double)Missed / Inbound;

    /// <summary>Talk seconds ÷ connected calls, 0 without connected calls.</summary>
    public double AverageHandleSeconds => Connected == 0 ? 0 : (double)TalkSeconds / Connected;

    /// <summary>The period asked for (Export-RcCallReport -From/-To); null ends fall back to the first and last call.</summary>
    public DateTimeOffset? PeriodFrom { get; set; }

    /// <inheritdoc cref="PeriodFrom"/>
    public DateTimeOffset? PeriodTo { get; set; }

    public DateTimeOffset? FirstStart { get; private set; }

    public DateTimeOffset? LastStart { get; private set; }

    public TimeZoneInfo Zone => _zone;

    public IReadOnlyList<CallReportRow> Rows => _rows;

    /// <summary>The account ids named by the records' URIs.</summary>
    public IReadOnlyCollection<string> Accounts => _accounts;

    /// <summary>Calls per local day, [Inbound, Outbound, Other], every day from the first to the last (zero days included).</summary>
    public IEnumerable<KeyValuePair<DateTime, int[]>> PerDay()
    {
        // Days of the report's zone, across the period asked for (its empty days included) and any call outside it.
        DateTime? first = PeriodFrom is { } from ? TimeZoneInfo.ConvertTime(from, _zone).Date : null;
        DateTime? last = PeriodTo is { } to && (PeriodFrom is null || to > PeriodFrom) ? TimeZoneInfo.ConvertTime(to.AddTicks(-1), _zone).Date : null;
        if (_perDay.Count > 0)
        {
            first = first is { } f && f < _perDay.Keys.First() ? f : _perDay.Keys.First();
            last = last is { } l && l > _perDay.Keys.Last() ? l : _perDay.Keys.Last();
        }

        if (first is null || last is null)
        {
            yield break;
        }

        for (var day = first.Value; day <= last.Value; day = day.AddDays(1))
        {
            yield return new KeyValuePair<DateTime, int[]>(day, _perDay.TryGetValue(day, out var counts) ? counts : new int[DirectionSeries.Count]);
        }
    }

    /// <summary>Calls in a local hour of a weekday (Monday = 0).</summary>
    public int HourOfWeekday(int weekday, int hour) => _hourByWeekday[weekday, hour];

    /// <summary>Calls per result, most first (ties by name); a record without a result counts as "Unknown".</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Results() =>
        _results.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();

    /// <summary>The extensions with most missed calls, most first (ties by extension id).</summary>
    public IReadOnlyList<ExtensionTally> TopMissedExtensions(int count) =>
        _missedByExtension.Values.OrderByDescending(t => t.Count).ThenBy(t => t.Key, StringComparer.Ordinal).Take(count).ToList();

    public long DurationBucket(int index) => _durationBuckets[index];

    public void Add(CallLogRecord call)
    {
        if (call.Deleted)
        {
            DeletedSkipped++;
            return;
        }

        Calls++;
        var series = 2;
        if (CallMeasures.IsInbound(call))
        {
            Inbound++;
            series = 0;
        }
        else if (CallMeasures.IsOutbound(call))
        {
            Outbound++;
            series = 1;
        }

        var seconds = CallMeasures.Seconds(call);
        if (CallMeasures.IsMissed(call))
        {
            Missed++;
            CountMissed(call);
        }

        if (CallMeasures.IsConnected(call))
        {
            Connected++;
            TalkSeconds += seconds;
        }

        _durationBuckets[CallMeasures.DurationBucket(seconds)]++;
        var result = string.IsNullOrEmpty(call.Result) ? "Unknown" : call.Result!;
        _results[result] = _results.TryGetValue(result, out var n) ? n + 1 : 1;

        var local = TimeZoneInfo.ConvertTime(call.StartTime, _zone);
        CountTime(local, series);
        FirstStart = FirstStart is { } first && first <= call.StartTime ? first : call.StartTime;
        LastStart = LastStart is { } lastStart && lastStart >= call.StartTime ? lastStart : call.StartTime;
        if (call.Uri is not null && _accounts.Count < 8 && s_accountInUri.Match(call.Uri) is { Success: true } match)
        {
            _accounts.Add(match.Groups[1].Value);
        }

        LocalRecording? recording = null;
        if (call.RecordingId is not null)
        {
            Recordings++;
            recording = _findRecording(call.RecordingId);
            if (recording is not null)
            {
                RecordingsOnDisk++;
            }
        }

        if (_rows.Count < _maxRows)
        {
            var message = _findMessage(call);
            if (message is not null)
            {
                MessagesShown++;
            }

            _rows.Add(new CallReportRow(call, local, recording, message));
        }
    }

    private void CountTime(DateTimeOffset local, int series)
    {
        var day = local.Date;
        if (!_perDay.TryGetValue(day, out var counts))
        {
            counts = new int[DirectionSeries.Count];
            _perDay[day] = counts;
        }

        counts[series]++;
        _hourByWeekday[CallMeasures.WeekdayIndex(local.DayOfWeek), local.Hour]++;
    }

    private void CountMissed(CallLogRecord call)
    {
        var key = call.ExtensionId ?? call.ToExtensionId ?? call.ToExtensionNumber ?? string.Empty;
        if (!_missedByExtension.TryGetValue(key, out var tally))
        {
            tally = new ExtensionTally(key, CallMeasures.ExtensionLabel(call));
            _missedByExtension[key] = tally;
        }

        tally.Count++;
    }
}
