using S3Emulator.Core.Model;
using S3Emulator.Core.Storage.Reading;

namespace S3Emulator.Core.Storage.InMemory;

/// <summary>Reads a range of <see cref="ChunkedContent"/>; the content is immutable, so no locking is needed.</summary>
internal sealed class ChunkedContentStream(ChunkedContent content, ByteRange range)
    : RangeReadStream(range, content.Length)
{
    protected override int ReadAt(long offset, Span<byte> buffer) => content.CopyTo(offset, buffer);

    protected override ValueTask<int> ReadAtAsync(long offset, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(content.CopyTo(offset, buffer.Span));
    }
}
