using System;
using System.Collections.Generic;
using System.IO;
using RingCentral.CallLog.Client.Export.Content;

namespace RingCentral.CallLog.Report;

/// <summary>
/// Finds the recordings on disk by recording id: rows of a Save-RcRecording manifest first, then a
/// folder's files, known by their sidecar ("&lt;file&gt;.json" with a recordingId) or by the
/// recording id in the file name (the last part of the default names, or the whole name). Media
/// types and sidecars are read as the content engine writes them (<see cref="MediaTypes"/>,
/// <see cref="ContentSidecar"/>).
/// </summary>
internal sealed class RecordingLocator
{
    private const int FromManifest = 0;
    private const int FromSidecar = 1;
    private const int FromLastNamePart = 2;
    private const int FromOtherNamePart = 3;
    private static readonly char[] s_nameSeparators = { '_', '-', '.', ' ' };

    private readonly string _reportDirectory;
    private readonly Dictionary<string, (int Rank, string Path, string ContentType)> _byId = new(StringComparer.Ordinal);

    public RecordingLocator(string reportDirectory)
    {
        _reportDirectory = reportDirectory;
    }

    public int Count => _byId.Count;

    /// <summary>The media type the page declares for a file, or null when it is not audio a browser plays.</summary>
    public static string? ContentTypeFor(string path, string? declared) => MediaTypes.PlayableAudioType(path, declared);

    /// <summary>One manifest row: used when its file exists and is audio.</summary>
    public bool AddFile(string? recordingId, string? path, string? contentType)
    {
        if (string.IsNullOrEmpty(recordingId) || string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return false;
        }

        var type = ContentTypeFor(path!, contentType);
        return type is not null && Offer(recordingId!, FromManifest, Path.GetFullPath(path), type);
    }

    /// <summary>Every .mp3 and .wav file under the folder (subfolders included).</summary>
    public void AddFolder(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var type = ContentTypeFor(file, null);
            if (type is null)
            {
                continue;
            }

            var full = Path.GetFullPath(file);
            if (SidecarRecordingId(full + ".json") is { } sidecarId)
            {
                Offer(sidecarId, FromSidecar, full, type);
                continue;
            }

            var parts = Path.GetFileNameWithoutExtension(full).Split(s_nameSeparators, StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < parts.Length; i++)
            {
                Offer(parts[i], i == parts.Length - 1 ? FromLastNamePart : FromOtherNamePart, full, type);
            }
        }
    }

    public LocalRecording? Find(string? recordingId)
    {
        if (recordingId is null || !_byId.TryGetValue(recordingId, out var found))
        {
            return null;
        }

        return new LocalRecording(recordingId, found.Path, LocalFileLink.For(_reportDirectory, found.Path), found.ContentType);
    }

    /// <summary>The recordingId of a sidecar file, or null when there is none, it cannot be read, or it is another kind's.</summary>
    internal static string? SidecarRecordingId(string sidecarPath) =>
        ContentSidecar.TryRead(sidecarPath) is { } sidecar && sidecar.Identity.Kind == ContentKinds.Recording ? sidecar.RecordingId : null;

    private bool Offer(string recordingId, int rank, string path, string contentType)
    {
        if (_byId.TryGetValue(recordingId, out var existing) && existing.Rank <= rank)
        {
            return false;
        }

        _byId[recordingId] = (rank, path, contentType);
        return true;
    }
}
