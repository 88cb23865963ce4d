namespace S3Emulator.Core.Storage.InMemory;

/// <summary>
/// Immutable object content as a list of segments. Segments stay below the large-object-heap threshold,
/// so a big object never needs one huge contiguous array; they are never written after construction,
/// so versions (and completed multipart objects) can share them freely.
/// </summary>
internal sealed class ChunkedContent
{
    /// <summary>64 KiB: below the 85,000-byte LOH threshold, large enough to keep the chunk list short.</summary>
    public const int ChunkSize = 64 * 1024;

    public static readonly ChunkedContent Empty = new([]);

    private readonly byte[][] _chunks;
    private readonly long[] _starts;

    private ChunkedContent(byte[][] chunks)
    {
        _chunks = chunks;
        _starts = new long[chunks.Length];
        long length = 0;
        for (var i = 0; i < chunks.Length; i++)
        {
            _starts[i] = length;
            length += chunks[i].Length;
        }

        Length = length;
    }

    public long Length { get; }

    /// <summary>Reads <paramref name="source"/> to its end into new segments.</summary>
    public static async ValueTask<ChunkedContent> ReadFromAsync(Stream source, CancellationToken cancellationToken)
    {
        var chunks = new List<byte[]>();
        while (true)
        {
            var chunk = new byte[ChunkSize];
            var read = await source.ReadAtLeastAsync(chunk, ChunkSize, throwOnEndOfStream: false, cancellationToken)
                .ConfigureAwait(false);
            if (read == 0) break;
            if (read < ChunkSize)
            {
                // The stream ended inside this segment: keep only what was read.
                chunks.Add(chunk.AsSpan(0, read).ToArray());
                break;
            }

            chunks.Add(chunk);
        }

        return new ChunkedContent([.. chunks]);
    }

    /// <summary>Joins contents end to end, sharing their segments rather than copying bytes.</summary>
    public static ChunkedContent Concat(IEnumerable<ChunkedContent> parts) =>
        new([.. parts.SelectMany(p => p._chunks)]);

    /// <summary>Copies bytes starting at <paramref name="offset"/> into <paramref name="destination"/>; returns the count copied.</summary>
    public int CopyTo(long offset, Span<byte> destination)
    {
        var copied = 0;
        var index = ChunkIndexOf(offset);
        while (copied < destination.Length && index < _chunks.Length)
        {
            var chunk = _chunks[index];
            var within = (int)(offset + copied - _starts[index]);
            var count = Math.Min(chunk.Length - within, destination.Length - copied);
            chunk.AsSpan(within, count).CopyTo(destination[copied..]);
            copied += count;
            index++;
        }

        return copied;
    }

    private int ChunkIndexOf(long offset)
    {
        var found = Array.BinarySearch(_starts, offset);
        return found >= 0 ? found : ~found - 1;
    }
}
