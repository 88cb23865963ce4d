namespace S3Emulator.Bench;

/// <summary>
/// <paramref name="length"/> bytes of lower-case ASCII text made as they are read: a non-seekable upload source of any
/// size that costs no memory (text, so an upper-casing transform has something to change).
/// </summary>
internal sealed class GeneratedTextStream(long length) : Stream
{
    private static ReadOnlySpan<byte> Pattern => "the quick brown fox jumps over the lazy dog\n"u8;

    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        var pattern = Pattern;
        for (var i = 0; i < count; i++) buffer[i] = pattern[(int)((_position + i) % pattern.Length)];
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));
}
