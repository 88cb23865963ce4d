using S3Emulator.Core.Model;

namespace S3Emulator.Core.Storage;

/// <summary>An open, pinned version of an object: its record and a way to read any range of its bytes.</summary>
public interface IStoredObject : IAsyncDisposable
{
    ObjectInfo Info { get; }

    /// <summary>A read-only stream over <paramref name="range"/> of the content; the caller disposes it.</summary>
    Stream OpenRead(ByteRange range);
}
