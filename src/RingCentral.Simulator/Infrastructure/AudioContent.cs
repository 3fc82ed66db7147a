namespace RingCentral.Simulator.Infrastructure;

/// <summary>
/// Deterministic, playable recording bytes computed for any offset (so Range requests need no storage):
/// WAV = 8 kHz 8-bit mono PCM with a quiet tone; MP3 = silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, mono).
/// </summary>
internal static class AudioContent
{
    private const int Mp3FrameBytes = 417; // 144 * 128000 / 44100, no padding

    public static string ContentType(bool wav) => wav ? "audio/wav" : "audio/mpeg";

    public static long Length(bool wav, int durationSeconds, long? fixedBytes)
    {
        if (fixedBytes is long n) return Math.Max(wav ? 44 : 4, n);
        var seconds = Math.Max(1, durationSeconds);
        return wav ? 44 + (8000L * seconds) : (long)Math.Ceiling(seconds * 44100.0 / 1152) * Mp3FrameBytes;
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
        for (var i = 0; i < dest.Length; i++)
        {
            var inFrame = (int)((offset + i) % Mp3FrameBytes);
            dest[i] = inFrame switch
            {
                0 => 0xFF,
                1 => 0xFB, // MPEG-1, Layer III, no CRC
                2 => 0x90, // 128 kbit/s, 44.1 kHz, no padding
                3 => 0xC4, // mono, original
                _ => 0x00, // zero side info = a silent frame
            };
        }
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
