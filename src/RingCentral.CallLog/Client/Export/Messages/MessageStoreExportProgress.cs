namespace RingCentral.CallLog.Client.Export.Messages;

/// <summary>One progress report of an export: what it is doing, in words, and a percentage when there is one.</summary>
internal sealed class MessageStoreExportProgress
{
    public MessageStoreExportProgress(string activity, string status, int? percent)
    {
        Activity = activity;
        Status = status;
        Percent = percent;
    }

    public string Activity { get; }

    public string Status { get; }

    public int? Percent { get; }
}
