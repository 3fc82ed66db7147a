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
        if (DateFrom is null)
        {
            WriteVerbose("No -DateFrom: RingCentral returns only the 24 hours before -DateTo (or now).");
        }

        var api = new CallLogApi(connection.Session.Core);
        var first = api.FirstPageUri(query);
        WriteVerbose("GET " + first);
        WritePages(api, first, RouteKeys.CallLog, Raw, PagingParameters, "Reading the call log");
    }

    protected override void EndProcessing() => _batch?.Flush();

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
