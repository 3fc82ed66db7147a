using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace RingCentral.CallLog.Report;

/// <summary>
/// Links from the report to a local file: relative when the file is under the report's folder (the
/// pair can move together, to a share or into a zip), else an absolute file URI. Every path segment
/// is percent-encoded, so '#', '?', '%' and spaces in names cannot change what the link points to.
/// </summary>
internal static class LocalFileLink
{
    private static readonly StringComparison s_pathComparison =
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
            ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal;

    public static string For(string reportDirectory, string fullPath)
    {
        var folder = Path.GetFullPath(reportDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var file = Path.GetFullPath(fullPath);
        if (file.StartsWith(folder, s_pathComparison))
        {
            return EncodeSegments(file.Substring(folder.Length));
        }

        return FileUri(file);
    }

    /// <summary>file:///C:/a/b.mp3, file://server/share/b.mp3 (UNC) or file:///srv/b.mp3.</summary>
    public static string FileUri(string fullPath)
    {
        var path = fullPath.Replace('\\', '/');
        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            var rest = path.Substring(2);
            var slash = rest.IndexOf('/');
            var host = slash < 0 ? rest : rest.Substring(0, slash);
            var tail = slash < 0 ? string.Empty : rest.Substring(slash + 1);
            return "file://" + Uri.EscapeDataString(host) + "/" + EncodeSegments(tail);
        }

        if (path.Length >= 2 && path[1] == ':' && char.IsLetter(path[0]))
        {
            return "file:///" + path.Substring(0, 2) + "/" + EncodeSegments(path.Substring(2).TrimStart('/'));
        }

        return "file:///" + EncodeSegments(path.TrimStart('/'));
    }

    private static string EncodeSegments(string relative)
    {
        var text = new StringBuilder();
        foreach (var segment in relative.Split('/', '\\'))
        {
            if (segment.Length == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append('/');
            }

            text.Append(Uri.EscapeDataString(segment));
        }

        return text.ToString();
    }
}
