using System;
using System.Collections.Generic;
using System.Management.Automation;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Export.Checkpoints;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Commands;

/// <summary>Get-RcCallLog: call log records of the extension, one extension or the whole account.</summary>
[Cmdlet(VerbsCommon.Get, "RcCallLog", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(CallLogRecord))]
[OutputType(typeof(CallLogRawChange), ParameterSetName = new[] { ListSet })]
[OutputType(typeof(string), ParameterSetName = new[] { ListSet, IdSet })]
public sealed class GetRcCallLogCommand : CallLogListingCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";
    private BatchWriter? _batch;
    private CheckpointRun? _checkpointRun;

    [Parameter(ParameterSetName = ListSet)]
    public DateTime? DateFrom { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public DateTime? DateTo { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("Inbound", "Outbound")]
    public string[] Direction { get; set; } = Array.Empty<string>();

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("Voice", "Fax")]
    public string[] Type { get; set; } = Array.Empty<string>();

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("PSTN", "VoIP")]
    public string[] Transport { get; set; } = Array.Empty<string>();

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? PhoneNumber { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    [ValidatePattern(InputPatterns.ExtensionNumber)]
    public string? ExtensionNumber { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? SessionId { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? TelephonySessionId { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("Automatic", "OnDemand", "All")]
    public string? RecordingType { get; set; }

    /// <summary>Only calls that have a recording (= -RecordingType All).</summary>
    [Parameter(ParameterSetName = ListSet)]
    public SwitchParameter WithRecording { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public SwitchParameter ShowDeleted { get; set; }

    /// <summary>Leave out calls from and to blocked numbers (extension level only).</summary>
    [Parameter(ParameterSetName = ListSet)]
    public SwitchParameter ExcludeBlocked { get; set; }

    /// <summary>Fetch these records by id (the batch path: up to 50 per request).</summary>
    [Parameter(ParameterSetName = IdSet, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "Call log record ids.")]
    [ValidateNotNullOrEmpty]
    [ValidatePattern(InputPatterns.Id)]
    public string[] Id { get; set; } = Array.Empty<string>();

    /// <summary>
    /// An incremental export: the file remembers where the last complete run ended, so each run
    /// writes only records not written before.
    /// </summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? Checkpoint { get; set; }

    /// <summary>
    /// How far back each checkpointed run looks again, for records that changed or were deleted
    /// since they were written, and for calls listed late (a call is listed when it ends, under its
    /// start time). -CheckpointOverlap is the former name.
    /// </summary>
    [Parameter(ParameterSetName = ListSet)]
    [Alias("CheckpointOverlap")]
    public TimeSpan ChangeWindow { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Checkpointed runs write each id once and ignore later changes and deletions.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public SwitchParameter NewOnly { get; set; }

    /// <summary>How far behind now a checkpointed run stops, so calls still being listed are left for the next run.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public TimeSpan CheckpointSettleTime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Write each record's JSON text exactly as received.</summary>
    [Parameter]
    public SwitchParameter Raw { get; set; }

    protected override void BeginProcessing()
    {
        if (ParameterSetName == IdSet)
        {
            _batch = new BatchWriter(this, CallLogs, Scope(), View, Raw);
        }
    }

    protected override void ProcessRecord()
    {
        if (_batch is not null)
        {
            _batch.Add(Id);
            return;
        }

        var query = BuildQuery();
        var connection = ConnectionInUse;
        var api = CallLogs;

        ChangeTracker? changes = null;
        if (Checkpoint is not null)
        {
            _checkpointRun = CheckpointedListing.Start(this, query, connection, api);
            changes = _checkpointRun.Changes;
        }
        else
        {
            PlainListing.Start(this, query, connection);
        }

        var first = api.FirstPageUri(query);
        WriteVerbose("GET " + first);

        // One run never writes one id twice, however the pages shift under it (recent ids only).
        var cursor = OpenCursor(api, first, RouteKeys.CallLog, Raw, PagingParameters, dropRepeats: true);
        WritePages(cursor, PagingParameters, "Reading the call log", changes);
        _checkpointRun?.MarkComplete();
    }

    protected override void EndProcessing()
    {
        _batch?.Flush();
        if (_checkpointRun is not null)
        {
            CheckpointedListing.Finish(this, _checkpointRun);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // A run that did not complete deletes its unfinished next checkpoint; the current one stays.
            _checkpointRun?.Dispose();
        }

        base.Dispose(disposing);
    }

    private CallLogQuery BuildQuery()
    {
        var query = new CallLogQuery
        {
            Scope = Scope(),
            DateFrom = ToOffset(DateFrom),
            DateTo = ToOffset(DateTo),
            Direction = Direction,
            Type = Type,
            Transport = Transport,
            View = View,
            PhoneNumber = PhoneNumber,
            ExtensionNumber = ExtensionNumber,
            SessionId = SessionId,
            TelephonySessionId = TelephonySessionId,
            RecordingType = RecordingType ?? (WithRecording ? "All" : null),
            ShowDeleted = ShowDeleted,
            ShowBlocked = ExcludeBlocked ? false : null,
            PerPage = EffectivePageSize(PagingParameters),
        };
        try
        {
            CallLogQueryValidation.Validate(query);
        }
        catch (ArgumentException ex)
        {
            ThrowInvalidArgument(ex, null);
        }

        if (query.DateFrom is { } from && from > DateTimeOffset.UtcNow)
        {
            // Not an error (a clock may be off), but an empty result must not look like a quiet day.
            WriteWarning($"-DateFrom ({from:u}) is in the future: RingCentral lists no call after now, so this returns nothing. Dates without a time zone are local time; prefer ISO dates (2026-11-01).");
        }

        return query;
    }
}
