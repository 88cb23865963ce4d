using S3Emulator.Core.Checksums;
using S3Emulator.Core.Model;

namespace S3Emulator.Server.Handlers.Multipart;

/// <summary>
/// Passes a body through while computing one more checksum. A part of an upload created without an
/// algorithm may arrive with any checksum the client chose, yet the object S3 assembles carries a
/// CRC64NVME of the whole, which needs the CRC64NVME of every part.
/// </summary>
internal sealed class ChecksumTeeStream(Stream inner, ChecksumAlgorithm algorithm) : Stream
{
    private readonly IChecksumCalculator _checksum = ChecksumAlgorithms.CreateCalculator(algorithm);
    private string? _base64;

    /// <summary>Base64 checksum of everything read; valid once the stream was read to its end.</summary>
    public string ChecksumBase64 => _base64 ??= Convert.ToBase64String(_checksum.GetHashAndReset());

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _checksum.Append(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _checksum.Append(buffer.Span[..read]);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) (_checksum as IDisposable)?.Dispose();
        base.Dispose(disposing);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
