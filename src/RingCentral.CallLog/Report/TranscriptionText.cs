using System;
using System.IO;
using System.Text;

namespace RingCentral.CallLog.Report;

/// <summary>Reads a voicemail transcription for the page: UTF-8 (a byte order mark honoured), bounded in length.</summary>
internal static class TranscriptionText
{
    /// <summary>
    /// RingCentral transcribes voicemail of up to a few minutes: a few thousand characters. A file
    /// far larger is not a transcription the page should carry whole (5000 rows of it would make
    /// the page unusable), so it is cut with an ellipsis.
    /// </summary>
    public const int MaxChars = 20_000;

    /// <summary>The text, or null when the file cannot be read (gone since the folder was scanned, no permission).</summary>
    public static string? Read(string path)
    {
        try
        {
            using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            var buffer = new char[MaxChars + 1];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = reader.Read(buffer, read, buffer.Length - read)) > 0)
            {
                read += n;
            }

            var text = new string(buffer, 0, Math.Min(read, MaxChars)).Trim();
            return read > MaxChars ? text + " \u2026" : text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
