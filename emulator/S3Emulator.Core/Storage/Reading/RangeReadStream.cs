using S3Emulator.Core.Model;

namespace S3Emulator.Core.Storage.Reading;

/// <summary>
/// A read-only, seekable stream over one byte range of immutable content. Subclasses only say how to
/// read at an absolute content offset; position bookkeeping and range clamping live here once.
/// </summary>
internal abstract class RangeReadStream : Stream
{
    private readonly long _start;
    private readonly long _length;
    private long _position;

    protected RangeReadStream(ByteRange range, long contentLength)
    {
        ValidateRange(range, contentLength);
        _start = range.First;
        _length = range.Length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>Throws unless <paramref name="range"/> lies within content of <paramref name="contentLength"/> bytes (an empty range of empty content is fine).</summary>
    public static void ValidateRange(ByteRange range, long contentLength)
    {
        if (range.First < 0 || range.Length < 0 || range.Last >= contentLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(range), $"Range {range.First}-{range.Last} is outside content of {contentLength} bytes.");
        }
    }

    /// <summary>Reads up to <paramref name="buffer"/>'s length at <paramref name="offset"/>; never past the content.</summary>
    protected abstract int ReadAt(long offset, Span<byte> buffer);

    protected abstract ValueTask<int> ReadAtAsync(long offset, Memory<byte> buffer, CancellationToken cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var wanted = Clamp(buffer.Length);
        if (wanted == 0) return 0;
        var read = ReadAt(_start + _position, buffer[..wanted]);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var wanted = Clamp(buffer.Length);
        if (wanted == 0) return 0;
        var read = await ReadAtAsync(_start + _position, buffer[..wanted], cancellationToken).ConfigureAwait(false);
        _position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Clamp(int requested) => (int)Math.Min(requested, Math.Max(0, _length - _position));
}
