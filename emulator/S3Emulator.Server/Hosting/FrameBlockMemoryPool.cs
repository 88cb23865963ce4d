using System.Buffers;
using System.Collections.Concurrent;
using S3Emulator.Core.Encryption;

namespace S3Emulator.Server.Hosting;

/// <summary>
/// A connection's memory pool that also hands out blocks holding one whole encrypted frame (64 KiB + tag): rents up
/// to the inner pool's block size (Kestrel's 4 KiB) go to the inner pool, larger ones get a frame block. A GET then
/// decrypts each frame in the response pipe's own memory (the pipe rents <c>max(4 KiB, sizeHint)</c> from its pool when
/// the hint fits <see cref="MaxBufferSize"/>) instead of in a buffer of its own that is then copied into 4 KiB blocks.
/// </summary>
/// <remarks>
/// Frame blocks are pinned (the socket sends from them, as from Kestrel's own blocks) and reused; at most
/// <see cref="RetainedBlocks"/> idle ones are kept, so a burst of large GETs leaves at most that many behind
/// (a connection holds up to four while it sends: the response buffer,
/// <see cref="S3EmulatorKestrelExtensions.ResponseBufferSize"/>, is a flush of two frames plus one, and one more is
/// being decrypted).
/// </remarks>
internal sealed class FrameBlockMemoryPool(MemoryPool<byte> inner) : MemoryPool<byte>
{
    /// <summary>The size of a frame block: a frame's ciphertext and its tag.</summary>
    public const int FrameBlockSize = ContentEncryption.PlaintextFrameSize + ContentEncryption.TagSize;

    /// <summary>Idle frame blocks kept for reuse (8 MiB); more are left to the garbage collector.</summary>
    internal const int RetainedBlocks = 128;

    private readonly ConcurrentQueue<FrameBlock> _idle = new();
    private int _idleCount;

    public override int MaxBufferSize => FrameBlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        if (minBufferSize <= inner.MaxBufferSize) return inner.Rent(minBufferSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, FrameBlockSize);
        if (_idle.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _idleCount);
            return block;
        }

        return new FrameBlock(this);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _idle.Clear();
            inner.Dispose();
        }
    }

    private void Return(FrameBlock block)
    {
        if (Interlocked.Increment(ref _idleCount) <= RetainedBlocks)
        {
            _idle.Enqueue(block);
        }
        else
        {
            Interlocked.Decrement(ref _idleCount);
        }
    }

    /// <summary>One frame block; disposing it (the pipe does, once the socket sent its bytes) returns it to the pool.</summary>
    private sealed class FrameBlock(FrameBlockMemoryPool pool) : IMemoryOwner<byte>
    {
        private readonly byte[] _array = GC.AllocateUninitializedArray<byte>(FrameBlockSize, pinned: true);

        public Memory<byte> Memory => _array;

        public void Dispose() => pool.Return(this);
    }
}
