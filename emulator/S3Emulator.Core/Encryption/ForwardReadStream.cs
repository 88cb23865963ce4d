namespace S3Emulator.Core.Encryption;

/// <summary>
/// A read-only, forward-only stream that hands out an internal buffer and refills it on demand. Subclasses
/// implement one refill routine for both sync and async reads (the <c>useAsync</c> pattern of the BCL streams),
/// so the two paths cannot drift apart.
/// </summary>
internal abstract class ForwardReadStream : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Bytes ready to hand out; empty means <see cref="RefillAsync"/> must run.</summary>
    protected abstract ReadOnlyMemory<byte> Available { get; }

    /// <summary>Marks <paramref name="count"/> bytes of <see cref="Available"/> as handed out.</summary>
    protected abstract void Consume(int count);

    /// <summary>Makes <see cref="Available"/> non-empty, or returns false at the end. Completes synchronously unless <paramref name="useAsync"/>.</summary>
    protected abstract ValueTask<bool> RefillAsync(bool useAsync, CancellationToken cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        if (Available.IsEmpty && !RefillAsync(useAsync: false, CancellationToken.None).GetAwaiter().GetResult()) return 0;
        return HandOut(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty) return 0;
        if (Available.IsEmpty && !await RefillAsync(useAsync: true, cancellationToken).ConfigureAwait(false)) return 0;
        return HandOut(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns the count read.</summary>
    protected static async ValueTask<int> ReadFullyAsync(
        Stream source, Memory<byte> buffer, bool useAsync, CancellationToken cancellationToken) =>
        useAsync
            ? await source.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false)
            : source.ReadAtLeast(buffer.Span, buffer.Length, throwOnEndOfStream: false);

    private int HandOut(Span<byte> destination)
    {
        var available = Available.Span;
        var count = Math.Min(available.Length, destination.Length);
        available[..count].CopyTo(destination);
        Consume(count);
        return count;
    }
}
