using System.IO;

namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>
/// The length a WAV file states for itself: its RIFF chunk size (little-endian, counting everything
/// after the first 8 bytes) plus 8. A file that disagrees was cut or padded, whatever its hash says.
/// </summary>
internal static class WavHeader
{
    /// <summary>The declared length of the WAV file at <paramref name="path"/>, or null when it is not a RIFF/WAVE file.</summary>
    public static long? DeclaredLength(string path)
    {
        var header = new byte[12];
        var read = 0;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            int n;
            while (read < header.Length && (n = file.Read(header, read, header.Length - read)) > 0)
            {
                read += n;
            }
        }

        if (read < 12 || header[0] != 'R' || header[1] != 'I' || header[2] != 'F' || header[3] != 'F' || header[8] != 'W' || header[9] != 'A' || header[10] != 'V' || header[11] != 'E')
        {
            return null;
        }

        return (header[4] | ((long)header[5] << 8) | ((long)header[6] << 16) | ((long)header[7] << 24)) + 8L;
    }
}
