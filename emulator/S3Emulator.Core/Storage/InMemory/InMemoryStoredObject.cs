using S3Emulator.Core.Model;
using S3Emulator.Core.Storage.Index;

namespace S3Emulator.Core.Storage.InMemory;

/// <summary>A pinned in-memory version: holding the immutable content is all the pinning needed.</summary>
internal sealed class InMemoryStoredObject(IndexedObject<ChunkedContent> entry) : IStoredObject, IInPlaceContent
{
    public ObjectInfo Info => entry.Info;

    public Stream OpenRead(ByteRange range) => new ChunkedContentStream(entry.Content, range);

    public bool TryGetMemory(long offset, int length, out ReadOnlyMemory<byte> memory) =>
        entry.Content.TryGetMemory(offset, length, out memory);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
