using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>
/// The one map between a content's media type and its file extension, for every kind of content
/// (call recordings, voicemail audio and transcriptions, fax documents). File names, the skip and
/// resume checks, the archive verifier and the report all read it from here.
/// </summary>
internal static class MediaTypes
{
    /// <summary>What a type is not known as: kept, under a neutral extension.</summary>
    public const string Unknown = ".bin";

    /// <summary>A message store export's archive: a container the export unpacks, never an archived item itself.</summary>
    public const string Zip = ".zip";

    // The first media type of each extension is the one a file of that extension is taken to be.
    private static readonly (string Extension, string[] MediaTypes)[] s_map =
    {
        (".mp3", new[] { "audio/mpeg", "audio/mp3" }),
        (".wav", new[] { "audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave" }),
        (".pdf", new[] { "application/pdf" }),
        (".tif", new[] { "image/tiff", "image/tif" }),
        (".txt", new[] { "text/plain" }),
        (".png", new[] { "image/png" }),
        (".jpg", new[] { "image/jpeg" }),
        (".gif", new[] { "image/gif" }),
        (Zip, new[] { "application/zip", "application/x-zip-compressed" }),
    };

    /// <summary>The audio types a browser plays, by extension: what the report offers a player for.</summary>
    private static readonly HashSet<string> s_playable = new(StringComparer.OrdinalIgnoreCase) { ".mp3", ".wav" };

    /// <summary>Every extension an archived item may get, <see cref="Unknown"/> last; not <see cref="Zip"/>, which only carries items.</summary>
    public static readonly IReadOnlyList<string> AllExtensions = s_map.Select(m => m.Extension).Where(e => e != Zip).Concat(new[] { Unknown }).ToArray();

    /// <summary>The extension for a Content-Type (parameters ignored, any case), or <see cref="Unknown"/>.</summary>
    public static string ExtensionFor(string? contentType)
    {
        var mediaType = (contentType ?? string.Empty).Split(';')[0].Trim();
        foreach (var (extension, types) in s_map)
        {
            if (types.Any(t => string.Equals(t, mediaType, StringComparison.OrdinalIgnoreCase)))
            {
                return extension;
            }
        }

        return Unknown;
    }

    /// <summary>The media type a file name's extension stands for (a ".partial" counts as its final name), or null.</summary>
    public static string? ContentTypeOf(string path)
    {
        var name = path.EndsWith(ContentDownload.PartialSuffix, StringComparison.Ordinal) ? ContentDownload.FinalPathOf(path) : path;
        var extension = Path.GetExtension(name);
        foreach (var (known, types) in s_map)
        {
            if (string.Equals(known, extension, StringComparison.OrdinalIgnoreCase))
            {
                return types[0];
            }
        }

        return null;
    }

    /// <summary>
    /// The media type a web page declares for an audio file it plays: the declared type when it is
    /// playable audio, else the one its extension stands for; null when it is not playable audio.
    /// </summary>
    public static string? PlayableAudioType(string path, string? declared)
    {
        var extension = ExtensionFor(declared);
        if (extension == Unknown)
        {
            extension = Path.GetExtension(path);
        }

        return s_playable.Contains(extension) ? ContentTypeOf("x" + extension.ToLowerInvariant()) : null;
    }
}
