using System.Buffers;
using System.Security.Cryptography;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Core.Storage.Reading;

namespace S3Emulator.Core.Encryption;

/// <summary>
/// Yields a plaintext range of an encrypted object. Per touched segment it reads the header and one contiguous
/// ciphertext range covering exactly the overlapping frames, decrypting one frame at a time; a frame's bytes are
/// handed out only after its tag verified. Frames go through one buffer, sized to the largest frame the range
/// touches (a small object's comes from the shared pool), unless <see cref="CopyToAsync"/> may decrypt them in its
/// destination's memory; a store that holds a frame in memory in one piece has it decrypted from there, uncopied.
/// </summary>
internal sealed class DecryptingRangeStream : ForwardReadStream
{
    /// <summary>Frame buffers up to this size come from the shared pool, whose arrays for it stay below 64 KiB.</summary>
    private const int PooledFrameLimit = 32 * 1024;

    private readonly IStoredObject _stored;
    private readonly ContentDecryptionKey _key;
    private readonly bool _ownsKey;
    private readonly SegmentPlan[] _segments;
    private readonly long _end;
    private readonly byte[] _header = new byte[FrameLayout.HeaderSize];
    private byte[]? _frame;
    private long _next;
    private long _frameStart;
    private int _frameLength;
    private int _segmentIndex = -1;
    private long _nextFrameIndex;
    private SegmentCipher? _cipher;
    private Stream? _ciphertext;

    public DecryptingRangeStream(IStoredObject stored, ContentDecryptionKey key, bool ownsKey, SegmentPlan[] segments, ByteRange range)
    {
        RangeReadStream.ValidateRange(range, segments.Length == 0 ? 0 : segments[^1].PlaintextEnd);
        _stored = stored;
        _key = key;
        _ownsKey = ownsKey;
        _segments = segments;
        _next = range.First;
        _end = range.Last + 1;
        _frameStart = range.First;
    }

    protected override ReadOnlyMemory<byte> Available
    {
        get
        {
            var from = _next - _frameStart;
            var to = Math.Min(_frameLength, _end - _frameStart);
            return from < to ? _frame.AsMemory((int)from, (int)(to - from)) : ReadOnlyMemory<byte>.Empty;
        }
    }

    /// <summary>
    /// Writes the rest of the range to <paramref name="destination"/>, calling <paramref name="flushAsync"/> before a write
    /// whenever at least <paramref name="flushThreshold"/> bytes were written since the last call. Each frame is decrypted
    /// and verified before any of its bytes is committed: a server whose response starts on its first write can still
    /// answer a tampered first frame with an error, and no byte of a frame that fails reaches the destination.
    /// </summary>
    /// <param name="decryptInDestination">
    /// True when <paramref name="destination"/> hands out a whole frame (64 KiB + tag) in one piece of memory cheaply: each
    /// large frame wholly inside the range is then read into that memory, decrypted there and committed
    /// (<see cref="IBufferWriter{T}.Advance"/>) only after its tag verified, one copy fewer than through this stream's
    /// buffer. Kestrel's default response pipe pools 4 KiB blocks only, and asking it for a frame allocated a fresh large
    /// array per frame (7% of a 1 MiB GET's samples in the allocator), so the caller says when the memory is there.
    /// </param>
    /// <param name="startAsync">
    /// Called once the first frame verified and before any byte is written, when that frame is a large one: it starts the
    /// response, so the frame is written after the headers in one copy (see <see cref="StartWithFirstFrameAsync"/>). Null,
    /// or a small first frame, writes the first bytes before anything is started, as any other frame.
    /// </param>
    public async Task CopyToAsync(
        IBufferWriter<byte> destination, Func<CancellationToken, ValueTask> flushAsync, int flushThreshold,
        bool decryptInDestination, Func<CancellationToken, ValueTask>? startAsync, CancellationToken cancellationToken)
    {
        var unflushed = startAsync is null || _next >= _end
            ? 0
            : await StartWithFirstFrameAsync(destination, startAsync, cancellationToken).ConfigureAwait(false);
        while (_next < _end)
        {
            if (unflushed >= flushThreshold)
            {
                await flushAsync(cancellationToken).ConfigureAwait(false);
                unflushed = 0;
            }

            if (Available.IsEmpty)
            {
                var direct = decryptInDestination
                    ? await DecryptIntoAsync(destination, cancellationToken).ConfigureAwait(false)
                    : 0;
                if (direct > 0)
                {
                    unflushed += direct;
                    continue;
                }

                await RefillAsync(useAsync: true, cancellationToken).ConfigureAwait(false);
            }

            var available = Available;
            destination.Write(available.Span);
            Consume(available.Length);
            unflushed += available.Length;
        }
    }

    protected override void Consume(int count) => _next += count;

    protected override async ValueTask<bool> RefillAsync(bool useAsync, CancellationToken cancellationToken)
    {
        if (_next >= _end) return false;
        var length = await BeginFrameAsync(useAsync, cancellationToken).ConfigureAwait(false);
        var needed = length + FrameLayout.TagSize;
        if (_frame is null || _frame.Length < needed)
        {
            ReturnFrameBuffer();
            _frame = RentFrameBuffer(needed);
        }

        await DecryptFrameAsync(_frame.AsMemory(0, needed), length, useAsync, cancellationToken).ConfigureAwait(false);
        _frameLength = length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseSegment();
            ReturnFrameBuffer();
            if (_ownsKey) _key.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Opens the segment holding <see cref="_next"/> if it is not open yet; returns the next frame's plaintext length.</summary>
    private async ValueTask<int> BeginFrameAsync(bool useAsync, CancellationToken cancellationToken)
    {
        var segment = Math.Max(_segmentIndex, 0);
        while (_segments[segment].PlaintextEnd <= _next) segment++;
        if (segment != _segmentIndex) await OpenSegmentAsync(segment, useAsync, cancellationToken).ConfigureAwait(false);
        return FrameLayout.FramePlaintextLength(_segments[_segmentIndex].PlaintextSize, _nextFrameIndex);
    }

    /// <summary>
    /// Decrypts the next frame into <paramref name="frame"/>: straight from where it is stored when the store holds it in
    /// memory in one piece (<see cref="IInPlaceContent"/>), otherwise read (ciphertext and tag) into
    /// <paramref name="frame"/> and decrypted in place.
    /// </summary>
    private async ValueTask DecryptFrameAsync(Memory<byte> frame, int length, bool useAsync, CancellationToken cancellationToken)
    {
        var plan = _segments[_segmentIndex];
        var index = _nextFrameIndex;
        var final = FrameLayout.IsFinal(plan.PlaintextSize, index);
        _frameLength = 0;
        if (_stored is IInPlaceContent inPlace && _ciphertext!.CanSeek
            && inPlace.TryGetMemory(plan.CiphertextStart + FrameLayout.FrameOffset(index), frame.Length, out var stored))
        {
            _cipher!.Decrypt(stored.Span, length, frame.Span, index, final);
            // The frame was read where it is stored: the ciphertext stream moves past it as though it had been read.
            _ciphertext!.Seek(frame.Length, SeekOrigin.Current);
        }
        else
        {
            await ReadExactlyAsync(_ciphertext!, frame, plan, index, useAsync, cancellationToken).ConfigureAwait(false);
            _cipher!.DecryptInPlace(frame.Span, length, index, final);
        }

        _frameStart = plan.PlaintextStart + (index * FrameLayout.FrameSize);
        _nextFrameIndex = index + 1;
    }

    /// <summary>
    /// Decrypts the next frame in <paramref name="destination"/>'s own memory and commits it, if the frame lies wholly in
    /// the range, is too large for the shared pool (a small one keeps the pooled buffer) and the memory holds it whole;
    /// returns the bytes committed, 0 when the frame is left for <see cref="RefillAsync"/>.
    /// </summary>
    private async ValueTask<int> DecryptIntoAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken)
    {
        var length = await BeginFrameAsync(useAsync: true, cancellationToken).ConfigureAwait(false);
        var needed = length + FrameLayout.TagSize;
        var frameStart = _segments[_segmentIndex].PlaintextStart + (_nextFrameIndex * FrameLayout.FrameSize);
        if (needed <= PooledFrameLimit || frameStart != _next || frameStart + length > _end) return 0;
        var memory = destination.GetMemory(needed);
        if (memory.Length < needed) return 0;

        // Nothing is committed before the tag verified: a frame that fails leaves the destination as it was.
        await DecryptFrameAsync(memory[..needed], length, useAsync: true, cancellationToken).ConfigureAwait(false);
        destination.Advance(length);
        _next += length;
        return length;
    }

    /// <summary>
    /// If the first frame is large, decrypts and verifies it in a buffer of the shared pool (held only until it is copied),
    /// then calls <paramref name="startAsync"/> and writes the frame's bytes in the range to <paramref name="destination"/>
    /// in one piece; returns the bytes written, 0 when the first frame is small and left to the usual path.
    /// </summary>
    /// <remarks>
    /// Why: a response's headers are written when it starts, and Kestrel keeps whatever the body wrote before that aside
    /// and then copies it behind the headers 4 KiB at a time (a block rented for each). Verifying the first frame before
    /// anything is written keeps a tampered first frame answerable with an error; writing it only after the start costs
    /// one copy of one frame instead of the copy of the whole first flush (two frames) in 4 KiB pieces, about 4% of a
    /// 1 MiB GET's host samples (perf, wrk c=64, in memory).
    /// </remarks>
    private async ValueTask<int> StartWithFirstFrameAsync(
        IBufferWriter<byte> destination, Func<CancellationToken, ValueTask> startAsync, CancellationToken cancellationToken)
    {
        var length = await BeginFrameAsync(useAsync: true, cancellationToken).ConfigureAwait(false);
        var needed = length + FrameLayout.TagSize;
        if (needed <= PooledFrameLimit) return 0;
        var buffer = ArrayPool<byte>.Shared.Rent(needed);
        try
        {
            await DecryptFrameAsync(buffer.AsMemory(0, needed), length, useAsync: true, cancellationToken).ConfigureAwait(false);
            var from = (int)(_next - _frameStart);
            var count = (int)Math.Min(length - from, _end - _next);
            await startAsync(cancellationToken).ConfigureAwait(false);
            var bytes = buffer.AsSpan(from, count);
            // One piece of the destination's memory for the whole frame when it has one (a frame block); else any pieces.
            var span = destination.GetSpan(count);
            if (span.Length >= count)
            {
                bytes.CopyTo(span);
                destination.Advance(count);
            }
            else
            {
                destination.Write(bytes);
            }

            _next += count;
            return count;
        }
        finally
        {
            // The buffer held plaintext and goes back to the shared pool.
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, needed));
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async ValueTask OpenSegmentAsync(int index, bool useAsync, CancellationToken cancellationToken)
    {
        CloseSegment();
        var plan = _segments[index];
        var first = (_next - plan.PlaintextStart) / FrameLayout.FrameSize;
        var last = (Math.Min(_end, plan.PlaintextEnd) - 1 - plan.PlaintextStart) / FrameLayout.FrameSize;
        var framesStart = plan.CiphertextStart + FrameLayout.FrameOffset(first);
        var framesEnd = plan.CiphertextStart + FrameLayout.FrameOffset(last)
            + FrameLayout.FramePlaintextLength(plan.PlaintextSize, last) + FrameLayout.TagSize;

        // Frame 0 follows the header, so one read covers both; otherwise the header is fetched on its own.
        var headerEnd = first == 0 ? framesEnd : plan.CiphertextStart + FrameLayout.HeaderSize;
        var headerStream = OpenCiphertext(plan, plan.CiphertextStart, headerEnd);
        try
        {
            await ReadExactlyAsync(headerStream, _header, plan, frameIndex: null, useAsync, cancellationToken).ConfigureAwait(false);
            _cipher = _key.CipherFor(plan.PartNumber, _header);
            _ciphertext = first == 0 ? headerStream : OpenCiphertext(plan, framesStart, framesEnd);
        }
        finally
        {
            if (!ReferenceEquals(headerStream, _ciphertext)) await headerStream.DisposeAsync().ConfigureAwait(false);
        }

        _segmentIndex = index;
        _nextFrameIndex = first;
    }

    private Stream OpenCiphertext(SegmentPlan plan, long start, long endExclusive)
    {
        try
        {
            return _stored.OpenRead(new ByteRange(start, endExclusive - 1));
        }
        catch (ArgumentOutOfRangeException e)
        {
            // The record promises more ciphertext than is stored: the content was cut short.
            throw new ContentTamperedException($"Part {plan.PartNumber}: the stored content is shorter than its record says.", e);
        }
    }

    private static async ValueTask ReadExactlyAsync(
        Stream source, Memory<byte> buffer, SegmentPlan plan, long? frameIndex, bool useAsync, CancellationToken cancellationToken)
    {
        if (await ReadFullyAsync(source, buffer, useAsync, cancellationToken).ConfigureAwait(false) < buffer.Length)
        {
            var what = frameIndex is { } index ? $"frame {index}" : "header";
            throw new ContentTamperedException($"Part {plan.PartNumber}, {what}: the stored content is truncated.");
        }
    }

    /// <summary>
    /// A buffer for one frame of <paramref name="needed"/> bytes (ciphertext and tag): a small object's from the shared
    /// pool; a full frame's (64 KiB + tag) allocated, because the pool would round it up to a 128 KiB array, beyond the
    /// large-object threshold, and allocate a new one whenever more reads run at once than it keeps arrays for.
    /// </summary>
    private static byte[] RentFrameBuffer(int needed) =>
        needed <= PooledFrameLimit ? ArrayPool<byte>.Shared.Rent(needed) : GC.AllocateUninitializedArray<byte>(needed);

    private void ReturnFrameBuffer()
    {
        if (_frame is null) return;
        // The buffer held plaintext; a pooled one goes to any later renter, an allocated one to the heap.
        CryptographicOperations.ZeroMemory(_frame.AsSpan(0, Math.Min(_frame.Length, FrameLayout.CipherFrameSize)));
        if (_frame.Length <= PooledFrameLimit) ArrayPool<byte>.Shared.Return(_frame);
        _frame = null;
        _frameLength = 0;
    }

    private void CloseSegment()
    {
        _ciphertext?.Dispose();
        _ciphertext = null;
        if (_cipher is not null) ContentDecryptionKey.Release(_cipher);
        _cipher = null;
        _segmentIndex = -1;
    }
}
