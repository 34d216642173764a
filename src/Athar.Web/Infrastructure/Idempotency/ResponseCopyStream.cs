namespace Athar.Web.Infrastructure.Idempotency;

/// <summary>Writes through to the response and keeps a copy of the first <c>limit</c> bytes.</summary>
internal sealed class ResponseCopyStream(Stream inner, int limit) : Stream
{
    private readonly MemoryStream copy = new();

    /// <summary>The body was larger than the limit: the copy is incomplete and must not be replayed.</summary>
    public bool Overflowed { get; private set; }

    public byte[] Captured => copy.ToArray();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Keep(buffer.AsSpan(offset, count));
        inner.Write(buffer, offset, count);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        if (Overflowed)
            return;
        if (copy.Length + bytes.Length > limit)
        {
            Overflowed = true;
            return;
        }
        copy.Write(bytes);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            copy.Dispose();
        base.Dispose(disposing);
    }
}
