using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace RingCentral.CallLog.Report;

/// <summary>
/// Finds the recordings on disk by recording id: rows of a Save-RcRecording manifest first, then a
/// folder's files, known by their sidecar ("&lt;file&gt;.json" with a recordingId) or by the
/// recording id in the file name (the last part of the default names, or the whole name).
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
    public static string? ContentTypeFor(string path, string? declared)
    {
        var media = (declared ?? string.Empty).Split(';')[0].Trim().ToUpperInvariant();
        switch (media)
        {
            case "AUDIO/MPEG" or "AUDIO/MP3":
                return "audio/mpeg";
            case "AUDIO/WAV" or "AUDIO/X-WAV" or "AUDIO/WAVE" or "AUDIO/VND.WAVE":
                return "audio/wav";
        }

        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".MP3" => "audio/mpeg",
            ".WAV" => "audio/wav",
            _ => null,
        };
    }

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

    /// <summary>The recordingId of a sidecar file, or null when there is none or it cannot be read.</summary>
    internal static string? SidecarRecordingId(string sidecarPath)
    {
        if (!File.Exists(sidecarPath))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(sidecarPath);
            using var document = JsonDocument.Parse(stream);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (string.Equals(property.Name, "recordingId", StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Number => property.Value.GetRawText(),
                        _ => null,
                    };
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            // An unreadable sidecar: the file is still found by its name.
        }

        return null;
    }

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
