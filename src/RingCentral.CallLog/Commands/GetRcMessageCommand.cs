using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Get-RcMessage: voicemail, fax and other messages of an extension's message store: listed for an
/// extension (always with a dateFrom), by id, or for call log records from the pipeline (50 per
/// bulk request).
/// </summary>
/// <remarks>
/// The default set is List (no arguments lists your own mailbox). Pipeline input binds to
/// InputObject only: a call log record's own Id is a call id and must never be read as a message id.
/// </remarks>
[Cmdlet(VerbsCommon.Get, "RcMessage", DefaultParameterSetName = ListSet)]
[OutputType(typeof(RcMessage))]
public sealed class GetRcMessageCommand : RcCmdlet
{
    internal const string ListSet = "List";
    internal const string IdSet = "MessageId";
    internal const string InputSet = "InputObject";

    /// <summary>Without -DateFrom, the listing starts this long before -DateTo: RingCentral's own default, but sent explicitly.</summary>
    internal static readonly TimeSpan DefaultSpan = TimeSpan.FromHours(24);

    private readonly MailboxRefusals _refusals = new();
    private MessageBatchWriter? _batch;

    /// <summary>The mailbox: an extension id, or '~' (the default) for your own.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = IdSet)]
    [Parameter(ParameterSetName = InputSet)]
    [ValidateNotNullOrEmpty]
    [ValidatePattern(InputPatterns.ExtensionId)]
    public string ExtensionId { get; set; } = "~";

    /// <summary>Message ids of the -ExtensionId mailbox (not call log record ids).</summary>
    [Parameter(ParameterSetName = IdSet, Mandatory = true, Position = 0, HelpMessage = "Message ids.")]
    [ValidateNotNullOrEmpty]
    [ValidatePattern(InputPatterns.Id)]
    public string[] MessageId { get; set; } = Array.Empty<string>();

    /// <summary>Call log records (or CSV rows of them) with MessageId; strings are message ids.</summary>
    [Parameter(ParameterSetName = InputSet, Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject? InputObject { get; set; }

    /// <summary>Only these message types (listing: sent to RingCentral; piped records: their MessageType).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = InputSet)]
    [ValidateSet("VoiceMail", "Fax", "SMS", "Pager", "Text")]
    public string[] MessageType { get; set; } = Array.Empty<string>();

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("Inbound", "Outbound")]
    public string[] Direction { get; set; } = Array.Empty<string>();

    /// <summary>Start of the listing; default: 24 hours before -DateTo (or now). Always sent.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? DateFrom { get; set; }

    /// <summary>End of the listing; default: the moment of the first request.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? DateTo { get; set; }

    /// <summary>Alive (RingCentral's default), Deleted, Purged.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("Alive", "Deleted", "Purged")]
    public string[] Availability { get; set; } = Array.Empty<string>();

    /// <summary>Messages per request, 1..1000. RingCentral's rate limit counts requests, so the default is the maximum.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, MessageApi.MaxPageSize)]
    public int PageSize { get; set; } = MessageApi.MaxPageSize;

    protected override void BeginProcessing()
    {
        MessageQuery? query = null;
        if (ParameterSetName == ListSet)
        {
            // Checked before the connection is even looked at: bad input never costs a request.
            query = Query(DateTime.UtcNow);
        }

        var connection = ConnectionInUse;
        if (query is not null)
        {
            if (DateTo is null)
            {
                // One fixed end keeps the pages still while new messages arrive.
                query = Query(ClientClock.UtcNow(connection.Session).UtcDateTime);
            }

            WriteListing(connection.Session.Messages, query);
            return;
        }

        _batch = new MessageBatchWriter(this, connection.Session.Messages, _refusals);
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == IdSet)
        {
            foreach (var id in MessageId)
            {
                _batch!.Add(ExtensionId, id, null);
            }
        }
        else if (ParameterSetName == InputSet && InputObject is not null)
        {
            var input = MessageInput.From(InputObject);
            if (input.SkipReason is not null)
            {
                WriteVerbose(input.SkipReason);
            }
            else if (input.Error is not null)
            {
                WriteError(ErrorIds.InvalidArgumentRecord(input.Error, InputObject));
            }
            else if (MessageType.Length > 0 && input.MessageType is not null && !MessageType.Contains(input.MessageType, StringComparer.OrdinalIgnoreCase))
            {
                WriteVerbose($"Message {input.MessageId} is {input.MessageType}, not {string.Join(" or ", MessageType)} (-MessageType); skipped.");
            }
            else
            {
                _batch!.Add(input.ExtensionId ?? ExtensionId, input.MessageId, input.CallLogId);
            }
        }
    }

    protected override void EndProcessing() => _batch?.FlushAll();

    /// <summary>The listing's query; a bad combination is refused naming the parameter, before any request.</summary>
    private MessageQuery Query(DateTime now)
    {
        var dateTo = CallLogListingCmdlet.ToOffset(DateTo);
        var dateFrom = CallLogListingCmdlet.ToOffset(DateFrom) ?? (dateTo ?? new DateTimeOffset(now, TimeSpan.Zero)) - DefaultSpan;
        if (dateTo is not null && dateFrom > dateTo)
        {
            ThrowInvalidArgument(new ArgumentException($"-DateFrom ({dateFrom:o}) is after -DateTo ({dateTo:o}).", nameof(DateFrom)), DateFrom);
        }

        return new MessageQuery(ExtensionId, dateFrom)
        {
            DateTo = dateTo ?? new DateTimeOffset(now, TimeSpan.Zero),
            MessageType = MessageType,
            Direction = Direction,
            Availability = Availability,
            PerPage = PageSize,
        };
    }

    /// <summary>Follows the pages exactly as RingCentral links them and writes each message as its page arrives.</summary>
    private void WriteListing(MessageApi api, MessageQuery query)
    {
        if (DateFrom is null)
        {
            WriteVerbose($"No -DateFrom: listing from {query.DateFrom:o}, 24 hours before {query.DateTo:o} (sent explicitly, as RingCentral's own default).");
        }

        var pages = 0;
        var written = 0;
        Uri? next = api.FirstPageUri(query);
        var trail = new PageTrail();
        var progress = new ProgressRecord(0x524D, "Listing messages of extension " + ExtensionId, "Requesting the first page");
        while (next is not null)
        {
            var uri = next;
            MessagePage page;
            try
            {
                trail.Enter(uri);
                page = Run(ct => api.GetPageAsync(uri, ExtensionId, RcEvents, ct));
            }
            catch (RcApiException ex)
            {
                var detail = pages == 0 ? string.Empty : string.Format(CultureInfo.InvariantCulture, " Page {0} ({1}) was not fetched; {2} messages of {3} earlier pages were written, and the rest of the range is missing.", pages + 1, UrlText.Of(uri), written, pages);
                var message = ex.Kind == RcErrorKind.NotFound && pages == 0 ? $"Extension {ExtensionId} not found (-ExtensionId). {ex.Message}" : ex.Message + detail;
                ThrowTerminating(ex.Rephrase(ex.Kind, message), ExtensionId, ErrorIds.MessageNotFound);
                return;
            }

            pages++;
            foreach (var message in page.Messages)
            {
                WriteObject(message);
                written++;
            }

            next = page.NextPage;
            progress.StatusDescription = string.Format(CultureInfo.InvariantCulture, "{0} messages from {1} pages", written, pages);
            WriteProgress(progress);
        }

        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
        WriteVerbose(string.Format(CultureInfo.InvariantCulture, "{0} messages from {1} pages of extension {2}'s mailbox.", written, pages, ExtensionId));
    }
}
