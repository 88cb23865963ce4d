using S3Emulator.Core.Encryption;

namespace S3Emulator.Core.Storage.InMemory;

/// <summary>
/// Immutable object content as a list of segments. Segments stay below the large-object-heap threshold,
/// so a big object never needs one huge contiguous array; they are never written after construction,
/// so versions (and completed multipart objects) can share them freely.
/// </summary>
/// <remarks>
/// Content arrives encrypted (<c>docs/encryption.md</c>): a segment header, then frames of 64 KiB and a tag. The chunks
/// follow that layout, the first holding the header and frame 0 and each later one a frame, so every frame of a single
/// PUT or of a part (a completed upload shares its parts' chunks) lies within one chunk and is decrypted where it is
/// stored (<see cref="TryGetMemory"/>) instead of being copied out first.
/// </remarks>
internal sealed class ChunkedContent
{
    /// <summary>One encrypted frame and its tag (64 KiB + 16): below the 85,000-byte LOH threshold.</summary>
    public const int ChunkSize = FrameLayout.CipherFrameSize;

    /// <summary>The first chunk also holds the segment header.</summary>
    public const int FirstChunkSize = FrameLayout.HeaderSize + FrameLayout.CipherFrameSize;

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
            var size = chunks.Count == 0 ? FirstChunkSize : ChunkSize;
            var chunk = new byte[size];
            var read = await source.ReadAtLeastAsync(chunk, size, throwOnEndOfStream: false, cancellationToken)
                .ConfigureAwait(false);
            if (read == 0) break;
            if (read < size)
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

    /// <summary>
    /// The <paramref name="length"/> bytes at <paramref name="offset"/> where they are stored, if one chunk holds them all;
    /// false (and a copy is needed) if they span chunks or pass the end.
    /// </summary>
    public bool TryGetMemory(long offset, int length, out ReadOnlyMemory<byte> memory)
    {
        memory = default;
        if (offset < 0 || length < 0 || offset + length > Length) return false;
        var index = ChunkIndexOf(offset);
        if (index < 0 || index >= _chunks.Length) return false;
        var within = (int)(offset - _starts[index]);
        if (within + length > _chunks[index].Length) return false;
        memory = _chunks[index].AsMemory(within, length);
        return true;
    }

    private int ChunkIndexOf(long offset)
    {
        var found = Array.BinarySearch(_starts, offset);
        return found >= 0 ? found : ~found - 1;
    }
}
