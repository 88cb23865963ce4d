using System.Security.Cryptography;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Core.Storage.Reading;

namespace S3Emulator.Core.Encryption;

/// <summary>
/// Yields a plaintext range of an encrypted object. Per touched segment it reads the header and one contiguous
/// ciphertext range covering exactly the overlapping frames, decrypting one frame at a time into one buffer;
/// a frame's bytes are handed out only after its tag verified.
/// </summary>
internal sealed class DecryptingRangeStream : ForwardReadStream
{
    private readonly IStoredObject _stored;
    private readonly byte[] _dataKey;
    private readonly SegmentPlan[] _segments;
    private readonly long _end;
    private readonly byte[] _frame = new byte[FrameLayout.CipherFrameSize];
    private readonly byte[] _header = new byte[FrameLayout.HeaderSize];
    private long _next;
    private long _frameStart;
    private int _frameLength;
    private int _segmentIndex = -1;
    private long _nextFrameIndex;
    private SegmentCipher? _cipher;
    private Stream? _ciphertext;

    public DecryptingRangeStream(IStoredObject stored, ReadOnlySpan<byte> dataKey, SegmentPlan[] segments, ByteRange range)
    {
        if (dataKey.Length != ContentEncryption.DataKeySize)
        {
            throw new ArgumentException($"A data key is {ContentEncryption.DataKeySize} bytes.", nameof(dataKey));
        }

        RangeReadStream.ValidateRange(range, segments.Length == 0 ? 0 : segments[^1].PlaintextEnd);
        _stored = stored;
        _dataKey = dataKey.ToArray();
        _segments = segments;
        _next = range.First;
        _end = range.Last + 1;
        _frameStart = range.First;
    }

    protected override ReadOnlyMemory<byte> Available
    {
        get
        {
            var from = (int)(_next - _frameStart);
            var to = (int)Math.Min(_frameLength, _end - _frameStart);
            return _frame.AsMemory(from, Math.Max(0, to - from));
        }
    }

    protected override void Consume(int count) => _next += count;

    protected override async ValueTask<bool> RefillAsync(bool useAsync, CancellationToken cancellationToken)
    {
        if (_next >= _end) return false;
        var segment = Math.Max(_segmentIndex, 0);
        while (_segments[segment].PlaintextEnd <= _next) segment++;
        if (segment != _segmentIndex) await OpenSegmentAsync(segment, useAsync, cancellationToken).ConfigureAwait(false);
        await ReadFrameAsync(useAsync, cancellationToken).ConfigureAwait(false);
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseSegment();
            CryptographicOperations.ZeroMemory(_dataKey);
            Array.Clear(_frame);
        }

        base.Dispose(disposing);
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
            await ReadExactlyAsync(headerStream, _header, plan, "header", useAsync, cancellationToken).ConfigureAwait(false);
            _cipher = SegmentCipher.Create(_dataKey, plan.PartNumber, _header);
            _ciphertext = first == 0 ? headerStream : OpenCiphertext(plan, framesStart, framesEnd);
        }
        finally
        {
            if (!ReferenceEquals(headerStream, _ciphertext)) await headerStream.DisposeAsync().ConfigureAwait(false);
        }

        _segmentIndex = index;
        _nextFrameIndex = first;
    }

    private async ValueTask ReadFrameAsync(bool useAsync, CancellationToken cancellationToken)
    {
        var plan = _segments[_segmentIndex];
        var index = _nextFrameIndex;
        var length = FrameLayout.FramePlaintextLength(plan.PlaintextSize, index);
        var frame = _frame.AsMemory(0, length + FrameLayout.TagSize);
        _frameLength = 0;
        await ReadExactlyAsync(_ciphertext!, frame, plan, $"frame {index}", useAsync, cancellationToken).ConfigureAwait(false);
        _cipher!.DecryptInPlace(frame.Span, length, index, FrameLayout.IsFinal(plan.PlaintextSize, index));
        _frameStart = plan.PlaintextStart + (index * FrameLayout.FrameSize);
        _frameLength = length;
        _nextFrameIndex = index + 1;
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
        Stream source, Memory<byte> buffer, SegmentPlan plan, string what, bool useAsync, CancellationToken cancellationToken)
    {
        if (await ReadFullyAsync(source, buffer, useAsync, cancellationToken).ConfigureAwait(false) < buffer.Length)
        {
            throw new ContentTamperedException($"Part {plan.PartNumber}, {what}: the stored content is truncated.");
        }
    }

    private void CloseSegment()
    {
        _ciphertext?.Dispose();
        _ciphertext = null;
        _cipher?.Dispose();
        _cipher = null;
        _segmentIndex = -1;
    }
}
