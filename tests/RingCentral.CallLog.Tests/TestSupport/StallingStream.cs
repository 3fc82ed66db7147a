namespace RingCentral.CallLog.Tests.TestSupport;

/// <summary>
/// A body that sends a few bytes and then nothing, the way a stalled server or proxy does after
/// the headers. Like a socket stream on netstandard2.0 it ignores cancellation tokens: only
/// disposing it (the response) ends a pending read.
/// </summary>
internal sealed class StallingStream : Stream
{
    private readonly byte[] _prefix;
    private readonly TaskCompletionSource<int> _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _position;

    public StallingStream(string prefix = "")
    {
        _prefix = System.Text.Encoding.UTF8.GetBytes(prefix);
    }

    public bool WasDisposed => _disposed.Task.IsCompleted;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position < _prefix.Length)
        {
            var n = Math.Min(buffer.Length, _prefix.Length - _position);
            _prefix.AsMemory(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        await _disposed.Task; // the token is ignored on purpose
        throw new ObjectDisposedException(nameof(StallingStream));
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        _disposed.TrySetResult(0);
        base.Dispose(disposing);
    }

    /// <summary>An answer with this status whose body stalls after <paramref name="prefix"/>.</summary>
    public static HttpResponseMessage Response(int status, string contentType = "application/json", string prefix = "")
    {
        var content = new StreamContent(new StallingStream(prefix));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpResponseMessage((System.Net.HttpStatusCode)status) { Content = content };
    }
}
