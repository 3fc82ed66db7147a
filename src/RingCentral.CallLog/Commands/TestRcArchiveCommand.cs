using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using RingCentral.CallLog.Client.Export.Archive;
using RingCentral.CallLog.Client.Export.Content;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Test-RcArchive: checks every file of an archive folder (recordings and message attachments
/// alike) against its sidecar, or every row of a manifest (Save-RcRecording's, Save-RcMessage's or
/// this cmdlet's own, exported to CSV) against its file. Offline: no connection needed.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "RcArchive", DefaultParameterSetName = FolderSet)]
[OutputType(typeof(RcArchiveEntry))]
public sealed class TestRcArchiveCommand : PSCmdlet
{
    private const string FolderSet = "Folder";
    private const string ManifestSet = "Manifest";

    /// <summary>The archive folder.</summary>
    [Parameter(ParameterSetName = FolderSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter(ParameterSetName = FolderSet)]
    public SwitchParameter Recurse { get; set; }

    /// <summary>A CSV of Save-RcRecording -PassThru, Save-RcMessage -PassThru or Test-RcArchive rows.</summary>
    [Parameter(ParameterSetName = ManifestSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? Manifest { get; set; }

    protected override void EndProcessing()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in ParameterSetName == ManifestSet ? FromManifest() : FromFolder())
        {
            counts[entry.Status] = counts.TryGetValue(entry.Status, out var n) ? n + 1 : 1;
            WriteObject(entry);
        }

        var total = counts.Values.Sum();
        WriteVerbose($"Checked {total} file(s): " + (total == 0 ? "none found" : string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))) + ".");
    }

    private IEnumerable<RcArchiveEntry> FromFolder()
    {
        var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (!Directory.Exists(folder))
        {
            ThrowTerminatingError(ErrorIds.InvalidArgumentRecord(new ArgumentException($"-Path '{folder}' is not a folder.", nameof(Path)), Path));
        }

        return ArchiveVerifier.CheckFolder(folder, Recurse);
    }

    private IEnumerable<RcArchiveEntry> FromManifest()
    {
        var manifest = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Manifest);
        if (!File.Exists(manifest))
        {
            ThrowTerminatingError(ErrorIds.InvalidArgumentRecord(new ArgumentException($"-Manifest '{manifest}' does not exist.", nameof(Manifest)), Manifest));
        }

        var rows = InvokeCommand.InvokeScript(false, ScriptBlock.Create("param($p) Import-Csv -LiteralPath $p"), null, manifest);
        if (rows.Count > 0 && rows[0].Properties["RecordingId"] is null && rows[0].Properties["MessageId"] is null)
        {
            ThrowTerminatingError(ErrorIds.InvalidArgumentRecord(new ArgumentException($"-Manifest '{manifest}' has neither a RecordingId nor a MessageId column; it is not a Save-RcRecording, Save-RcMessage or Test-RcArchive manifest.", nameof(Manifest)), Manifest));
        }

        var folder = System.IO.Path.GetDirectoryName(manifest) ?? string.Empty;
        return rows.Select(row => CheckRow(row, folder));
    }

    private static RcArchiveEntry CheckRow(PSObject row, string folder)
    {
        string? Text(string name) => RecordingInput.PropertyText(row, name);
        var messageId = Text("MessageId");
        var recordingId = Text("RecordingId");
        var identity = messageId is not null ? ContentIdentity.MessageAttachment(messageId, Text("AttachmentId") ?? string.Empty)
            : recordingId is not null ? ContentIdentity.Recording(recordingId)
            : null;
        var callLogId = Text("CallLogId");
        var path = Text("Path");
        var status = Text("Status");
        if (path is null || status == "Failed" || identity is null)
        {
            var entry = ArchiveVerifier.CheckFile(string.Empty, identity, callLogId, null, null);
            entry.Path = path;
            entry.Detail = identity is null ? "The manifest row names neither a recording nor a message."
                : status == "Failed" ? $"The manifest says this {(messageId is null ? "recording" : "attachment")} failed: {Text("Error")}"
                : "The manifest row names no file.";
            return entry;
        }

        var full = System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(folder, path);
        long? bytes = long.TryParse(Text("Bytes"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var b) ? b : null;
        return ArchiveVerifier.CheckFile(full, identity, callLogId, Text("Sha256"), bytes);
    }
}
