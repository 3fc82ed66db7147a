using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using RingCentral.CallLog.Client.Export.Recordings;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Test-RcRecordingArchive: checks every recording file of a folder against its sidecar, or every
/// row of a Save-RcRecording manifest against its file. Offline: no connection needed.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "RcRecordingArchive", DefaultParameterSetName = FolderSet)]
[OutputType(typeof(RecordingArchiveEntry))]
public sealed class TestRcRecordingArchiveCommand : PSCmdlet
{
    private const string FolderSet = "Folder";
    private const string ManifestSet = "Manifest";

    /// <summary>The archive folder.</summary>
    [Parameter(ParameterSetName = FolderSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter(ParameterSetName = FolderSet)]
    public SwitchParameter Recurse { get; set; }

    /// <summary>A CSV written by Save-RcRecording -PassThru | Export-Csv.</summary>
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
        WriteVerbose($"Checked {total} recording(s): " + (total == 0 ? "none found" : string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))) + ".");
    }

    private IEnumerable<RecordingArchiveEntry> FromFolder()
    {
        var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (!Directory.Exists(folder))
        {
            ThrowTerminatingError(ErrorIds.InvalidArgumentRecord(new ArgumentException($"-Path '{folder}' is not a folder.", nameof(Path)), Path));
        }

        return RecordingArchiveVerifier.CheckFolder(folder, Recurse);
    }

    private IEnumerable<RecordingArchiveEntry> FromManifest()
    {
        var manifest = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Manifest);
        if (!File.Exists(manifest))
        {
            ThrowTerminatingError(ErrorIds.InvalidArgumentRecord(new ArgumentException($"-Manifest '{manifest}' does not exist.", nameof(Manifest)), Manifest));
        }

        var rows = InvokeCommand.InvokeScript(false, ScriptBlock.Create("param($p) Import-Csv -LiteralPath $p"), null, manifest);
        if (rows.Count > 0 && rows[0].Properties["RecordingId"] is null)
        {
            ThrowTerminatingError(ErrorIds.InvalidArgumentRecord(new ArgumentException($"-Manifest '{manifest}' has no RecordingId column; it is not a Save-RcRecording manifest.", nameof(Manifest)), Manifest));
        }

        var folder = System.IO.Path.GetDirectoryName(manifest) ?? string.Empty;
        return rows.Select(row => CheckRow(row, folder));
    }

    private static RecordingArchiveEntry CheckRow(PSObject row, string folder)
    {
        string? Text(string name) => RecordingInput.PropertyText(row, name);
        var id = Text("RecordingId");
        var callLogId = Text("CallLogId");
        var path = Text("Path");
        var status = Text("Status");
        if (path is null || status == "Failed")
        {
            var entry = RecordingArchiveVerifier.CheckFile(string.Empty, id, callLogId, null, null);
            entry.Path = path;
            entry.Detail = status == "Failed" ? $"The manifest says this recording failed: {Text("Error")}" : "The manifest row names no file.";
            return entry;
        }

        var full = System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(folder, path);
        long? bytes = long.TryParse(Text("Bytes"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var b) ? b : null;
        return RecordingArchiveVerifier.CheckFile(full, id, callLogId, Text("Sha256"), bytes);
    }
}
