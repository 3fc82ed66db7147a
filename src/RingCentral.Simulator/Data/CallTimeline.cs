namespace RingCentral.Simulator.Data;

/// <summary>
/// Places calls in a period so that their density follows <see cref="BusinessHours"/> in the
/// account's zone. The period is cut into 15-minute slots (fine enough for zones that are a half or
/// a quarter hour off UTC, and for the hour that daylight saving time adds or drops), each weighted
/// by the local hour it falls in; a quantile of the calls maps to a moment through the slots'
/// cumulative weight, so evenly spaced quantiles give the profile's shape and the number of calls
/// stays exactly what was asked.
/// </summary>
internal sealed class CallTimeline
{
    private const long SlotMs = 15 * 60_000;
    private readonly long _toMs;
    private readonly long _fromMs;
    private readonly double[] _cumulative; // _cumulative[k]: weight of the slots newer than slot k (slot 0 is the newest)

    public CallTimeline(long fromMs, long toMs, BusinessHours hours, TimeZoneInfo zone)
    {
        _fromMs = fromMs;
        _toMs = toMs;
        var slots = (int)Math.Max(1, (toMs - fromMs + SlotMs - 1) / SlotMs);
        _cumulative = new double[slots + 1];
        for (var k = 0; k < slots; k++)
        {
            var end = toMs - (k * SlotMs);
            var start = Math.Max(fromMs, end - SlotMs);
            var middle = DateTimeOffset.FromUnixTimeMilliseconds(start + ((end - start) / 2));
            var local = TimeZoneInfo.ConvertTime(middle, zone).DateTime;
            _cumulative[k + 1] = _cumulative[k] + (hours.Weight(local) * (end - start));
        }
    }

    /// <summary>The moment at quantile <paramref name="q"/> (0 = the end of the period, 1 = its start), counting back.</summary>
    public long TimeAt(double q, ref int slotHint)
    {
        var target = q * _cumulative[^1];
        // Quantiles come in increasing order, so the search only moves forward.
        var k = slotHint;
        while (k < _cumulative.Length - 2 && _cumulative[k + 1] <= target) k++;
        slotHint = k;
        var end = _toMs - (k * SlotMs);
        var start = Math.Max(_fromMs, end - SlotMs);
        var inSlot = _cumulative[k + 1] - _cumulative[k];
        var fraction = inSlot <= 0 ? 0 : Math.Clamp((target - _cumulative[k]) / inSlot, 0, 1);
        return end - (long)(fraction * (end - start));
    }
}
