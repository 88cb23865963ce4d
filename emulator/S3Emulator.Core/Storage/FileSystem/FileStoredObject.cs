using S3Emulator.Core.Model;
using S3Emulator.Core.Storage.Reading;

namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>A pinned file-system version: the content file was opened when the object was, so later overwrites and deletes do not reach it.</summary>
internal sealed class FileStoredObject(ObjectInfo info, SharedFileHandle file, long contentOffset, long contentLength) : IStoredObject
{
    private int _disposed;

    public ObjectInfo Info => info;

    public Stream OpenRead(ByteRange range)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        RangeReadStream.ValidateRange(range, contentLength);
        file.AddReference();
        return new FileRangeStream(file, contentOffset, range, contentLength);
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) file.Release();
        return ValueTask.CompletedTask;
    }
}
