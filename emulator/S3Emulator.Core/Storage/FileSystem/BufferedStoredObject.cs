using S3Emulator.Core.Model;
using S3Emulator.Core.Storage.Reading;

namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>A small file-system version whose whole content is held in memory (<see cref="SmallContentCache"/>): the bytes are immutable, so holding them pins the version.</summary>
internal sealed class BufferedStoredObject(ObjectInfo info, byte[] content) : IStoredObject
{
    public ObjectInfo Info => info;

    public Stream OpenRead(ByteRange range) => new BufferRangeStream(content, range);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class BufferRangeStream(byte[] content, ByteRange range) : RangeReadStream(range, content.Length)
    {
        protected override int ReadAt(long offset, Span<byte> buffer)
        {
            var available = content.AsSpan((int)offset);
            var count = Math.Min(available.Length, buffer.Length);
            available[..count].CopyTo(buffer);
            return count;
        }

        protected override ValueTask<int> ReadAtAsync(long offset, Memory<byte> buffer, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(ReadAt(offset, buffer.Span));
        }
    }
}
