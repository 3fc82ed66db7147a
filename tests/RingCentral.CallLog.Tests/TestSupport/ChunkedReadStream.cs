namespace RingCentral.CallLog.Tests.TestSupport;

/// <summary>
/// A read-only stream that hands out its bytes the way a network does: at most a given number per
/// read (a fixed size, or sizes drawn from a seeded generator), never the whole body at once.
/// </summary>
internal sealed class ChunkedReadStream : Stream
{
    private readonly byte[] _data;
    private readonly Func<int> _nextReadSize;
    private int _position;

    public ChunkedReadStream(byte[] data, int readSize)
        : this(data, () => readSize)
    {
    }

    public ChunkedReadStream(byte[] data, Func<int> nextReadSize)
    {
        _data = data;
        _nextReadSize = nextReadSize;
    }

    /// <summary>Read sizes drawn uniformly from 1 to <paramref name="max"/>, repeatable by seed.</summary>
    public static ChunkedReadStream Random(byte[] data, int seed, int max = 9000)
    {
        var random = new Random(seed);
        return new ChunkedReadStream(data, () => random.Next(1, max + 1));
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, Math.Max(1, _nextReadSize())), _data.Length - _position);
        Array.Copy(_data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = Math.Min(Math.Min(buffer.Length, Math.Max(1, _nextReadSize())), _data.Length - _position);
        _data.AsSpan(_position, n).CopyTo(buffer.Span);
        _position += n;
        return ValueTask.FromResult(n);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>A 200 answer whose body streams from a <see cref="ChunkedReadStream"/>.</summary>
    public static HttpResponseMessage Response(Stream body, string contentType = "application/json")
    {
        var content = new StreamContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content, RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://platform.ringcentral.com/restapi/v1.0/account/~/call-log") };
    }
}
