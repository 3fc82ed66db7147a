namespace RingCentral.Simulator.Infrastructure;

/// <summary>
/// Deterministic, playable recording bytes computed for any offset (so Range requests need no storage):
/// WAV = 8 kHz 8-bit mono PCM with a quiet tone; MP3 = silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, mono),
/// padded as the standard says (a frame is 417 or 418 bytes, 417 47/49 on average), so a player that estimates the
/// length from the bitrate, as browsers do for files without a Xing header, gets the true duration.
/// </summary>
internal static class AudioContent
{
    // 144 * 128000 / 44100 = 417 + 47/49 bytes per frame: frame i starts at 417 i + floor(47 i / 49).
    private const int Mp3FrameBytes = 417;
    private const int PadNumerator = 47;
    private const int PadDenominator = 49;

    public static string ContentType(bool wav) => wav ? "audio/wav" : "audio/mpeg";

    public static long Length(bool wav, int durationSeconds, long? fixedBytes)
    {
        if (fixedBytes is long n) return Math.Max(wav ? 44 : 4, n);
        var seconds = Math.Max(1, durationSeconds);
        return wav ? 44 + (8000L * seconds) : Mp3FrameStart((long)Math.Ceiling(seconds * 44100.0 / 1152));
    }

    /// <summary>Fills <paramref name="dest"/> with the bytes at [offset, offset + dest.Length) of the recording.</summary>
    public static void Fill(long recordingId, bool wav, long totalLength, long offset, Span<byte> dest)
    {
        if (wav)
        {
            Span<byte> header = stackalloc byte[44];
            WavHeader(header, totalLength - 44);
            var period = 20 + (int)(recordingId % 40); // tone pitch differs per recording
            for (var i = 0; i < dest.Length; i++)
            {
                var pos = offset + i;
                if (pos < 44) { dest[i] = header[(int)pos]; continue; }
                var phase = (int)((pos - 44) % period);
                var tri = phase < period / 2 ? phase : period - phase; // triangle wave, low volume
                dest[i] = (byte)(128 - (period / 4) + tri);
            }
            return;
        }
        var frame = Mp3FrameAt(offset);
        var start = Mp3FrameStart(frame);
        var next = Mp3FrameStart(frame + 1);
        for (var i = 0; i < dest.Length; i++)
        {
            var pos = offset + i;
            while (pos >= next)
            {
                frame++;
                (start, next) = (next, Mp3FrameStart(frame + 1));
            }

            dest[i] = (pos - start) switch
            {
                0 => 0xFF,
                1 => 0xFB, // MPEG-1, Layer III, no CRC
                2 => (byte)(next - start > Mp3FrameBytes ? 0x92 : 0x90), // 128 kbit/s, 44.1 kHz, padding bit
                3 => 0xC4, // mono, original
                _ => 0x00, // zero side info = a silent frame
            };
        }
    }

    private static long Mp3FrameStart(long frame) => (Mp3FrameBytes * frame) + (PadNumerator * frame / PadDenominator);

    /// <summary>The frame that holds the byte at <paramref name="offset"/>.</summary>
    private static long Mp3FrameAt(long offset)
    {
        var frame = offset * PadDenominator / ((Mp3FrameBytes * PadDenominator) + PadNumerator);
        while (frame > 0 && Mp3FrameStart(frame) > offset) frame--;
        while (Mp3FrameStart(frame + 1) <= offset) frame++;
        return frame;
    }

    private static void WavHeader(Span<byte> h, long dataBytes)
    {
        var data = (uint)Math.Min(uint.MaxValue - 36, Math.Max(0, dataBytes));
        "RIFF"u8.CopyTo(h);
        BitConverter.TryWriteBytes(h[4..], 36 + data);
        "WAVEfmt "u8.CopyTo(h[8..]);
        BitConverter.TryWriteBytes(h[16..], 16u);
        BitConverter.TryWriteBytes(h[20..], (ushort)1); // PCM
        BitConverter.TryWriteBytes(h[22..], (ushort)1); // mono
        BitConverter.TryWriteBytes(h[24..], 8000u);
        BitConverter.TryWriteBytes(h[28..], 8000u);
        BitConverter.TryWriteBytes(h[32..], (ushort)1);
        BitConverter.TryWriteBytes(h[34..], (ushort)8);
        "data"u8.CopyTo(h[36..]);
        BitConverter.TryWriteBytes(h[40..], data);
    }
}
