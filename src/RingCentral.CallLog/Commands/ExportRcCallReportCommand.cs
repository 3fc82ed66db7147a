using System;
using System.IO;
using System.Management.Automation;
using System.Text;
using RingCentral.CallLog.Report;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Export-RcCallReport: one self-contained HTML page of call log records (tiles, SVG charts, a
/// table with a player for each recording on disk, and each call's voicemail (player and
/// transcription) and fax (a link to the document) on disk). Counting and writing live in Report/; this
/// class only checks the parameters, feeds the records in and puts the finished file in place.
/// </summary>
[Cmdlet(VerbsData.Export, "RcCallReport", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportRcCallReportCommand : PSCmdlet
{
    private string _path = string.Empty;
    private CallReportAggregator? _aggregator;

    /// <summary>CallLogRecord objects; PSObject like -InputObject of the other cmdlets, so anything else gets a clear error.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    [Parameter]
    [RecordingDownloadTransformation]
    public RecordingDownload[] Recording { get; set; } = Array.Empty<RecordingDownload>();

    /// <summary>Save-RcMessage -PassThru rows (or its manifest read back with Import-Csv): the voicemail and fax files of the calls.</summary>
    [Parameter]
    [MessageDownloadTransformation]
    public MessageDownload[] Message { get; set; } = Array.Empty<MessageDownload>();

    /// <summary>A folder of archived call content: recordings, and voicemail and fax files known by their sidecars.</summary>
    [Parameter]
    [Alias("ArchivePath")]
    [ValidateNotNullOrEmpty]
    public string? RecordingPath { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Title { get; set; } = "Call report";

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TimeZone { get; set; }

    [Parameter]
    [ValidateRange(0, 1_000_000)]
    public int MaxRows { get; set; } = 5000;

    /// <summary>The start of the period the report is about (as Get-RcCallLog -DateFrom: local time without a zone).</summary>
    [Parameter]
    public DateTime? From { get; set; }

    /// <summary>The end of the period (exclusive, as Get-RcCallLog -DateTo).</summary>
    [Parameter]
    public DateTime? To { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void BeginProcessing()
    {
        // Every check happens here, before the first record is read or anything is written.
        _path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (Directory.Exists(_path))
        {
            ThrowTerminatingError(ErrorIds.InvalidArgumentRecord(new ArgumentException($"-Path '{_path}' is a folder; give the path of the .html file to write.", nameof(Path)), Path));
        }

        if (File.Exists(_path) && !Force)
        {
            ThrowTerminatingError(new ErrorRecord(
                new IOException($"-Path '{_path}' exists. Use -Force to replace it."), ErrorIds.CallReportFileExists, ErrorCategory.ResourceExists, _path));
        }

        TimeZoneInfo zone = TimeZoneInfo.Local;
        try
        {
            zone = ReportTimeZone.Resolve(TimeZone);
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(ErrorIds.InvalidArgumentRecord(ex, TimeZone));
        }

        var locator = new ArchiveLocator(System.IO.Path.GetDirectoryName(_path)!);
        foreach (var row in Recording)
        {
            if (row is not null && !string.Equals(row.Status, "Failed", StringComparison.OrdinalIgnoreCase)
                && !locator.AddFile(row.RecordingId, row.Path is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(row.Path), row.ContentType))
            {
                WriteVerbose($"Recording {row.RecordingId}: '{row.Path}' is not an audio file on disk; its call gets no player.");
            }
        }

        foreach (var row in Message)
        {
            if (row is not null && !string.Equals(row.Status, "Failed", StringComparison.OrdinalIgnoreCase)
                && !locator.AddMessageFile(row.MessageId, row.AttachmentId, row.AttachmentType, row.CallLogId, row.Path is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(row.Path), row.ContentType))
            {
                WriteVerbose($"Message {row.MessageId} attachment {row.AttachmentId}: '{row.Path}' is not a voicemail, transcription or fax file on disk; the report leaves it out.");
            }
        }

        if (RecordingPath is not null)
        {
            var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(RecordingPath);
            if (!Directory.Exists(folder))
            {
                ThrowTerminatingError(ErrorIds.InvalidArgumentRecord(new ArgumentException($"-RecordingPath '{folder}' is not a folder.", nameof(RecordingPath)), RecordingPath));
            }

            try
            {
                locator.AddFolder(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                ThrowTerminatingError(ErrorIds.InvalidArgumentRecord(new ArgumentException($"-RecordingPath '{folder}' cannot be read: {ex.Message}", nameof(RecordingPath), ex), RecordingPath));
            }
        }

        WriteVerbose($"Recordings on disk: {locator.Count}; messages with voicemail or fax on disk: {locator.MessageCount}. Times in {zone.Id}.");
        // Dates as Get-RcCallLog reads them: without a zone, this computer's local time.
        var from = CallLogListingCmdlet.ToOffset(From);
        var to = CallLogListingCmdlet.ToOffset(To);
        if (from > to)
        {
            ThrowTerminatingError(ErrorIds.InvalidArgumentRecord(new ArgumentException($"-From ({from:u}) is after -To ({to:u}).", nameof(From)), From));
        }

        _aggregator = new CallReportAggregator(zone, MaxRows, locator.Find, call => locator.FindMessage(call.MessageId, call.Id)) { PeriodFrom = from, PeriodTo = to };
    }

    protected override void ProcessRecord()
    {
        if (InputObject!.BaseObject is CallLogRecord record)
        {
            _aggregator!.Add(record);
            return;
        }

        // Rows of an exported CSV (Import-Csv calls.csv) are read by property name.
        if (CallLogRecordRow.Read(InputObject, out var problem) is { } row)
        {
            _aggregator!.Add(row);
            return;
        }

        var error = new ArgumentException($"Export-RcCallReport takes call log records (CallLogRecord, from Get-RcCallLog, or rows of their CSV export); this {InputObject.BaseObject.GetType().Name} is not one: {problem}. It is left out of the report.", nameof(InputObject));
        WriteError(ErrorIds.InvalidArgumentRecord(error, InputObject));
    }

    protected override void EndProcessing()
    {
        var data = _aggregator!;
        if (data.DeletedSkipped > 0)
        {
            WriteVerbose($"{data.DeletedSkipped} records marked deleted were left out.");
        }

        if (!ShouldProcess(_path, $"Write a call report of {data.Calls} calls ({data.Rows.Count} table rows)"))
        {
            return;
        }

        var connection = ConnectionStore.Get();
        var header = new CallReportHeader(Title, DateTimeOffset.UtcNow, ModuleVersion(), connection?.AccountId, connection?.AccountName);
        var partial = _path + ".partial";
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_path)!);
            using (var writer = new StreamWriter(partial, false, new UTF8Encoding(false), 1 << 16))
            {
                CallReportWriter.Write(writer, data, header);
            }

            // The final name appears only once the page is complete.
            if (File.Exists(_path))
            {
                File.Replace(partial, _path, null);
            }
            else
            {
                File.Move(partial, _path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(partial);
            ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.CallReportWriteFailed, ErrorCategory.WriteError, _path));
        }

        WriteVerbose($"Wrote '{_path}': {data.Calls} calls, {data.Rows.Count} rows, {data.RecordingsOnDisk} recordings with a player, {data.MessagesShown} rows with voicemail or fax.");
        if (PassThru)
        {
            WriteObject(new FileInfo(_path));
        }
    }

    private static string ModuleVersion() =>
        typeof(ExportRcCallReportCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind under its .partial name: never mistaken for a report.
        }
    }
}
