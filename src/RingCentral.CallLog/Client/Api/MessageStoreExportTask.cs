using System;

namespace RingCentral.CallLog.Client.Api;

/// <summary>An account-wide message store export task as RingCentral reports it (createMessageStoreReport, readMessageStoreReportTask).</summary>
internal sealed class MessageStoreExportTask
{
    public const string Completed = "Completed";

    public string Id { get; set; } = string.Empty;

    /// <summary>Accepted, Pending, InProgress, AttemptFailed, Failed, Completed or Cancelled.</summary>
    public string Status { get; set; } = string.Empty;

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? FinishTime { get; set; }

    public bool IsCompleted => Status == Completed;

    /// <summary>A state the task never leaves without completing: waiting longer cannot help. AttemptFailed is not one (RingCentral tries again).</summary>
    public bool HasEndedWithoutArchive => Status is "Failed" or "Cancelled";
}
