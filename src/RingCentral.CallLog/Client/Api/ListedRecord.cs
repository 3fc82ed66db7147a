namespace RingCentral.CallLog.Client.Api;

/// <summary>A record a listing gives out, with its JSON text as received when the listing keeps it.</summary>
internal readonly struct ListedRecord
{
    public ListedRecord(CallLogRecord record, string? raw)
    {
        Record = record;
        Raw = raw;
    }

    public CallLogRecord Record { get; }

    public string? Raw { get; }
}
