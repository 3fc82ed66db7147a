using RingCentral.Simulator.Infrastructure;

namespace RingCentral.Simulator.Messages;

/// <summary>The bytes of a message attachment: computed for any offset (audio) or built once when first needed (text, PDF).</summary>
internal abstract class AttachmentBody
{
    public abstract long Length { get; }

    public abstract void Fill(long offset, Span<byte> dest);
}

/// <summary>Voicemail audio: the recordings' playable, deterministic WAV or MP3 bytes (<see cref="AudioContent"/>).</summary>
internal sealed class AudioBody(long seed, bool wav, int seconds) : AttachmentBody
{
    public override long Length { get; } = AudioContent.Length(wav, seconds, null);

    public override void Fill(long offset, Span<byte> dest) => AudioContent.Fill(seed, wav, Length, offset, dest);
}

/// <summary>A document or text built on first use and kept (a fax PDF is a few KB).</summary>
internal sealed class BytesBody(Func<byte[]> build) : AttachmentBody
{
    private readonly Lazy<byte[]> _bytes = new(build, LazyThreadSafetyMode.ExecutionAndPublication);

    public override long Length => _bytes.Value.Length;

    public override void Fill(long offset, Span<byte> dest) => _bytes.Value.AsSpan((int)offset, dest.Length).CopyTo(dest);
}
