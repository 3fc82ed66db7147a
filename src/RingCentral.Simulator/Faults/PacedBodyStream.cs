namespace RingCentral.Simulator.Faults;

/// <summary>
/// The <see cref="FaultKind.SlowBody"/> and <see cref="FaultKind.StallBody"/> faults: the answer's body goes out slowly, or stops half-way.
/// slow-body sends 8 KB, then waits <c>delayMs</c> (default 100), and so on: slow but never silent
/// for longer than the delay. stall-body sends half the body, then nothing for <c>delayMs</c>
/// (default 30 000) with the connection open, then cuts it.
/// </summary>
internal sealed class PacedBodyStream : Stream
{
    private const int SlowChunk = 8192;
    private readonly Stream _inner;
    private readonly HttpContext _ctx;
    private readonly FaultRule _fault;
    private long _written;
    private bool _stalled;

    private PacedBodyStream(Stream inner, HttpContext ctx, FaultRule fault)
    {
        _inner = inner;
        _ctx = ctx;
        _fault = fault;
    }

    public static async Task ServeAsync(HttpContext ctx, RequestDelegate next, FaultRule fault)
    {
        var original = ctx.Response.Body;
        ctx.Response.Body = new PacedBodyStream(original, ctx, fault);
        try
        {
            await next(ctx);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (its stall timeout): nothing more to send.
        }
        finally
        {
            ctx.Response.Body = original;
        }
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _written; set => throw new NotSupportedException(); }

    public override void Flush() => _inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var aborted = _ctx.RequestAborted;
        if (_fault.Kind == FaultKind.StallBody)
        {
            var half = (_ctx.Response.ContentLength ?? 0) / 2;
            var before = (int)Math.Clamp(half - _written, 0, buffer.Length);
            if (before > 0) await _inner.WriteAsync(buffer[..before], cancellationToken);
            _written += before;
            if (before < buffer.Length && !_stalled)
            {
                _stalled = true;
                await _inner.FlushAsync(cancellationToken);
                await Task.Delay(_fault.DelayMs > 0 ? _fault.DelayMs : 30_000, aborted);
                _ctx.Abort();
                throw new OperationCanceledException(aborted);
            }
            return;
        }

        for (var pos = 0; pos < buffer.Length; pos += SlowChunk)
        {
            var n = Math.Min(SlowChunk, buffer.Length - pos);
            await _inner.WriteAsync(buffer.Slice(pos, n), cancellationToken);
            await _inner.FlushAsync(cancellationToken);
            _written += n;
            await Task.Delay(_fault.DelayMs > 0 ? _fault.DelayMs : 100, aborted);
        }
    }
}
