using System;
using System.Management.Automation;
using RingCentral.CallLog.Client;

namespace RingCentral.CallLog.Commands;

/// <summary>Get-RcCallLog: call log records of the extension, one extension or the whole account.</summary>
[Cmdlet(VerbsCommon.Get, "RcCallLog", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(CallLogRecord))]
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
    [ValidatePattern("^[0-9*#]+$")]
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
    [ValidatePattern(IdPattern)]
    public string[] Id { get; set; } = Array.Empty<string>();

    /// <summary>
    /// An incremental export: the file remembers where the last complete run ended, so each run
    /// writes only records not written before.
    /// </summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? Checkpoint { get; set; }

    /// <summary>How far before the checkpoint a run looks again, for calls listed late.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public TimeSpan CheckpointOverlap { get; set; } = TimeSpan.FromHours(2);

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
            var connection = RequireConnection();
            _batch = new BatchWriter(this, new CallLogApi(connection.Session.Core), Scope(), View, Raw);
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
        var connection = RequireConnection();
        Func<CallLogRecord, bool>? accept = null;
        if (Checkpoint is not null)
        {
            _checkpointRun = StartCheckpointRun(query, connection);
            accept = _checkpointRun.Accept;
        }
        else if (DateFrom is null)
        {
            WriteVerbose("No -DateFrom: RingCentral returns only the 24 hours before -DateTo (or now).");
        }

        var api = new CallLogApi(connection.Session.Core);
        var first = api.FirstPageUri(query);
        WriteVerbose("GET " + first);
        WritePages(api, first, RouteKeys.CallLog, Raw, PagingParameters, "Reading the call log", accept);
        _checkpointRun?.MarkComplete();
    }

    protected override void EndProcessing()
    {
        _batch?.Flush();

        // Only a run that wrote every record of its window moves the checkpoint. A failed or
        // stopped run never gets here (or never marked complete), so the next run repeats the window.
        if (_checkpointRun is { IsComplete: true } run)
        {
            run.Save();
            WriteVerbose($"Checkpoint '{run.Path}' now at {run.Until:o}: {run.Written} new records written in this run.");
        }
    }

    private CheckpointRun StartCheckpointRun(CallLogQuery query, RcConnection connection)
    {
        if (DateTo is not null)
        {
            ThrowInvalidArgument(new ArgumentException("-DateTo cannot be used with -Checkpoint: a checkpointed run always reads up to now minus -CheckpointSettleTime.", nameof(DateTo)), DateTo);
        }

        if (PagingParameters is { } paging && (paging.First != ulong.MaxValue || paging.Skip != 0))
        {
            ThrowInvalidArgument(new ArgumentException("-First and -Skip cannot be used with -Checkpoint: a checkpoint moves only after a complete run.", nameof(Checkpoint)), Checkpoint);
        }

        if (CheckpointOverlap < TimeSpan.Zero || CheckpointSettleTime < TimeSpan.Zero)
        {
            ThrowInvalidArgument(new ArgumentException("-CheckpointOverlap and -CheckpointSettleTime cannot be negative.", nameof(CheckpointOverlap)), CheckpointOverlap);
        }

        var path = GetUnresolvedProviderPathFromPSPath(Checkpoint);
        var account = connection.Server + "|account:" + connection.AccountId + (query.Scope.AccountLevel ? string.Empty : "|user:" + connection.ExtensionId);
        CheckpointRun run;
        try
        {
            run = CheckpointRun.Start(path, CallLogCheckpoint.DescribeFilter(query), account, ToOffset(DateFrom), CheckpointOverlap, DateTimeOffset.UtcNow - CheckpointSettleTime);
        }
        catch (System.IO.InvalidDataException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "CheckpointInvalid", ErrorCategory.InvalidData, path));
            throw;
        }
        catch (CheckpointMismatchException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "CheckpointMismatch", ErrorCategory.InvalidArgument, path));
            throw;
        }
        catch (ArgumentException ex)
        {
            ThrowInvalidArgument(ex, path);
            throw;
        }

        query.DateFrom = run.From;
        query.DateTo = run.Until;
        WriteVerbose(run.Previous is null
            ? $"No checkpoint at '{path}' yet: backfilling from -DateFrom {run.From:o} to {run.Until:o}."
            : $"Checkpoint '{path}' at {run.Previous.HighWaterMark:o}: reading {run.From:o} to {run.Until:o} ({run.Previous.Delivered.Count} ids of the overlap already written).");
        return run;
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
            query.Validate();
        }
        catch (ArgumentException ex)
        {
            ThrowInvalidArgument(ex, null);
        }

        return query;
    }
}
