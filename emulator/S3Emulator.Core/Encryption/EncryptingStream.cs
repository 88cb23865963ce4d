namespace S3Emulator.Core.Encryption;

/// <summary>
/// Yields the ciphertext of one segment as it is read: the header, then each frame encrypted in place in a
/// single frame-sized buffer. A frame is final when the plaintext ends right after it, which a one-byte
/// look-ahead tells without buffering a second frame.
/// </summary>
internal sealed class EncryptingStream : ForwardReadStream
{
    private readonly Stream _plaintext;
    private readonly SegmentCipher _cipher;
    private readonly byte[] _buffer = new byte[FrameLayout.CipherFrameSize];
    private readonly byte[] _lookAhead = new byte[1];
    private bool _hasLookAhead;
    private int _offset;
    private int _count;
    private long _frameIndex;
    private bool _finished;

    public EncryptingStream(Stream plaintext, ReadOnlySpan<byte> dataKey, int partNumber, ReadOnlySpan<byte> header)
    {
        if (!plaintext.CanRead) throw new ArgumentException("The plaintext stream must be readable.", nameof(plaintext));
        _cipher = SegmentCipher.Create(dataKey, partNumber, header);
        _plaintext = plaintext;
        header.CopyTo(_buffer);
        _count = header.Length;
    }

    protected override ReadOnlyMemory<byte> Available => _buffer.AsMemory(_offset, _count - _offset);

    protected override void Consume(int count) => _offset += count;

    protected override async ValueTask<bool> RefillAsync(bool useAsync, CancellationToken cancellationToken)
    {
        if (_finished) return false;
        var length = 0;
        if (_hasLookAhead)
        {
            _buffer[0] = _lookAhead[0];
            length = 1;
            _hasLookAhead = false;
        }

        length += await ReadFullyAsync(
            _plaintext, _buffer.AsMemory(length, FrameLayout.FrameSize - length), useAsync, cancellationToken).ConfigureAwait(false);
        var final = length < FrameLayout.FrameSize
            || await ReadFullyAsync(_plaintext, _lookAhead, useAsync, cancellationToken).ConfigureAwait(false) == 0;
        _hasLookAhead = !final;

        _cipher.EncryptInPlace(_buffer, length, _frameIndex, final);
        _frameIndex++;
        _finished = final;
        _offset = 0;
        _count = length + FrameLayout.TagSize;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _cipher.Dispose();
        base.Dispose(disposing);
    }
}
