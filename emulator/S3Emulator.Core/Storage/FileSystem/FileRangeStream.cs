using S3Emulator.Core.Model;
using S3Emulator.Core.Storage.Reading;

namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>
/// Reads a range of a content file with positional reads on a shared handle, so any number of streams
/// over one pinned version read independently. Owns one reference to the handle, released on dispose.
/// The content starts at <paramref name="contentOffset"/> in the file (after a version file's header).
/// </summary>
internal sealed class FileRangeStream(SharedFileHandle file, long contentOffset, ByteRange range, long contentLength)
    : RangeReadStream(range, contentLength)
{
    /// <summary>
    /// Reads up to this size are done in place, synchronously. On Linux an asynchronous file read is a synchronous
    /// <c>pread</c> run on another thread-pool thread; for a read that the page cache answers in microseconds (an
    /// object's frame), that hop costs more than the read: about a third of a file-store 4 KiB GET's extra cost
    /// over the in-memory store was the hop. Larger reads keep the hop, so a cold disk never blocks the caller long.
    /// </summary>
    private const int InPlaceReadLimit = 128 * 1024;

    private int _disposed;

    protected override int ReadAt(long offset, Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return RandomAccess.Read(file.Handle, buffer, contentOffset + offset);
    }

    protected override ValueTask<int> ReadAtAsync(long offset, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (buffer.Length > InPlaceReadLimit)
        {
            return RandomAccess.ReadAsync(file.Handle, buffer, contentOffset + offset, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(RandomAccess.Read(file.Handle, buffer.Span, contentOffset + offset));
    }

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) file.Release();
        base.Dispose(disposing);
    }
}
