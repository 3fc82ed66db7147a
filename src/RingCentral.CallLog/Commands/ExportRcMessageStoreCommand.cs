using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Export.Messages;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// <para type="synopsis">Exports every extension's voicemail, fax and SMS of a period with RingCentral's account-wide message store export (admins only).</para>
/// <para type="description">Creates a message store export task, waits for it with a progress bar (polled on the Heavy group's pace), downloads each zip streamed and hashed, and unpacks every attachment into -Path under the names and sidecars Save-RcMessage uses. One MessageDownload row per attachment file.</para>
/// </summary>
[Cmdlet(VerbsData.Export, "RcMessageStore", SupportsShouldProcess = true)]
[OutputType(typeof(MessageDownload))]
public sealed class ExportRcMessageStoreCommand : RcCmdlet
{
    private const int ProgressId = 0x524D;
    private static readonly string[] s_types = { "VoiceMail", "Fax", "SMS", "Pager" };
    private static readonly long s_progressInterval = TimeSpan.FromMilliseconds(300).Ticks;
    private long _lastProgress;

    /// <summary>The archive folder (created when missing).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>Start of the period (messages created from then on).</summary>
    [Parameter(Mandatory = true)]
    public DateTime? DateFrom { get; set; }

    /// <summary>End of the period; default: now.</summary>
    [Parameter]
    public DateTime? DateTo { get; set; }

    /// <summary>Only these types; default: all.</summary>
    [Parameter]
    [ValidateSet("VoiceMail", "Fax", "SMS", "Pager", "Text", IgnoreCase = true)]
    public string[] MessageType { get; set; } = Array.Empty<string>();

    /// <summary>How long the export task may take to complete (default 30 minutes).</summary>
    [Parameter]
    public TimeSpan? Timeout { get; set; }

    protected override void BeginProcessing()
    {
        // Checked before the connection is even looked at: bad input never costs a request.
        var request = Request();
        var connection = ConnectionInUse;
        if (!ShouldProcess(request.Path, $"Export the account's message store from {request.DateFrom:u} to {request.DateTo:u}"))
        {
            return;
        }

        PrepareOutputFolder(new OutputFolder(), request.Path, Path);
        var export = new MessageStoreExport(connection.Session.Core, RcEvents)
        {
            Progressed = p => Pump.Post(() => Progress(p)),
        };
        try
        {
            Run(ct => export.RunAsync(
                request,
                row => Pump.Post(() => Emit(row)),
                (what, ex) => Pump.Post(() => ArchiveFailed(what, ex)),
                ct));
        }
        catch (RcApiException ex)
        {
            ThrowTerminating(ex, request.Path);
        }
        catch (MessageStoreExportFailedException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, ex.TimedOut ? ErrorIds.MessageStoreExportTimedOut : ErrorIds.MessageStoreExportFailed, ex.TimedOut ? ErrorCategory.OperationTimeout : ErrorCategory.InvalidResult, ex.TaskId));
        }
        catch (ContentFileException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.MessageStoreArchiveInvalid, ErrorCategory.WriteError, request.Path));
        }
        finally
        {
            WriteProgress(new ProgressRecord(ProgressId, "Exporting the message store", "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    private MessageStoreExportRequest Request()
    {
        var now = DateTimeOffset.UtcNow;
        var from = CallLogListingCmdlet.ToOffset(DateFrom)!.Value;
        var to = CallLogListingCmdlet.ToOffset(DateTo) ?? now;
        if (from >= to)
        {
            ThrowInvalidArgument(new ArgumentException($"-DateFrom ({from:o}) must be before -DateTo ({to:o}).", nameof(DateFrom)), DateFrom);
        }

        if (from > now)
        {
            ThrowInvalidArgument(new ArgumentException($"-DateFrom ({from:o}) is in the future; there are no messages to export yet.", nameof(DateFrom)), DateFrom);
        }

        var timeout = Timeout ?? TimeSpan.FromMinutes(30);
        if (timeout <= TimeSpan.Zero)
        {
            ThrowInvalidArgument(new ArgumentException($"-Timeout must be longer than zero; it was {timeout}.", nameof(Timeout)), Timeout);
        }

        // The same values as Get-RcMessage's -MessageType, but RingCentral's export knows no Text type.
        if (MessageType.Any(t => string.Equals(t, "Text", StringComparison.OrdinalIgnoreCase)))
        {
            ThrowInvalidArgument(new ArgumentException("-MessageType Text: the account-wide export knows only VoiceMail, Fax, SMS and Pager.", nameof(MessageType)), MessageType);
        }

        var directory = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (File.Exists(directory))
        {
            ThrowInvalidArgument(new ArgumentException($"-Path '{directory}' is a file; Export-RcMessageStore needs a directory (it is created when missing).", nameof(Path)), Path);
        }

        return new MessageStoreExportRequest
        {
            Path = directory,
            DateFrom = from,
            DateTo = to,
            MessageTypes = MessageType.Select(CanonicalType).Distinct(StringComparer.Ordinal).ToList(),
            Timeout = timeout,
        };
    }

    // RingCentral's own spelling, whatever the case typed.
    private static string CanonicalType(string type) =>
        s_types.First(t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase));

    private void Emit(MessageDownload row)
    {
        switch (row.Status)
        {
            case "Skipped":
                WriteVerbose($"Message {row.MessageId} attachment {row.AttachmentId}: '{row.Path}' is there and verifies; skipped.");
                break;
            case "Failed":
                WriteError(new ErrorRecord(new IOException(row.Error), ErrorIds.MessageStoreArchiveInvalid, ErrorCategory.WriteError, row));
                break;
        }

        WriteObject(row);
    }

    private void ArchiveFailed(string what, Exception ex)
    {
        var record = ex switch
        {
            RcApiException api => ErrorIds.Record(api, what),
            // The zip could not be written here (a full disk, a link planted in the working folder): not a bad zip.
            ContentFileException => new ErrorRecord(ex, ErrorIds.MessageFileWriteFailed, ErrorCategory.WriteError, what),
            _ => new ErrorRecord(ex, ErrorIds.MessageStoreArchiveInvalid, ErrorCategory.InvalidData, what),
        };
        WriteError(record);
    }

    private void Progress(MessageStoreExportProgress progress)
    {
        // Bytes arrive in 80 KB chunks: the bar is redrawn a few times a second, not per chunk.
        var now = Stopwatch.GetTimestamp() * (TimeSpan.TicksPerSecond / (double)Stopwatch.Frequency);
        if ((long)now - _lastProgress < s_progressInterval && progress.Percent is not 100)
        {
            return;
        }

        _lastProgress = (long)now;
        WriteProgress(new ProgressRecord(ProgressId, "Exporting the message store: " + progress.Activity, progress.Status)
        {
            PercentComplete = progress.Percent ?? -1,
        });
    }
}
