using System.Security.Cryptography;
using S3Emulator.Core.Checksums;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Auth;

namespace S3Emulator.Server.Handlers.Uploads;

/// <summary>
/// Passes an upload body through while computing its MD5 (the ETag) and its checksum; at the end of
/// the body it checks both against what the client sent and throws S3's error on a mismatch. The
/// store commits only after the stream ended cleanly, so a bad upload never becomes visible.
/// </summary>
internal sealed class VerifyingUploadStream(Stream inner, ChecksumPlan plan, IS3RequestBodyFeature? body, long? expectedLength) : Stream
{
    private readonly IncrementalHash _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
    private readonly IChecksumCalculator _checksum = ChecksumAlgorithms.CreateCalculator(plan.Algorithm);
    private long _length;
    private bool _finished;

    /// <summary>Hex MD5 of the body; valid once the stream was read to its end.</summary>
    public string Md5Hex { get; private set; } = "";

    public byte[] RawMd5 { get; private set; } = [];

    /// <summary>Base64 checksum of the body in <see cref="ChecksumPlan.Algorithm"/>.</summary>
    public string ChecksumBase64 { get; private set; } = "";

    public byte[] RawChecksum { get; private set; } = [];

    /// <summary>How many bytes of body have passed through so far: the plaintext size once it has ended.</summary>
    public long BytesRead => _length;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Observe(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Observe(buffer.Span[..read]);
        return read;
    }

    private void Observe(ReadOnlySpan<byte> data)
    {
        if (data.Length > 0)
        {
            _md5.AppendData(data);
            _checksum.Append(data);
            _length += data.Length;
            return;
        }
        if (!_finished)
        {
            _finished = true;
            Finish();
        }
    }

    private void Finish()
    {
        if (expectedLength is { } expected && expected != _length) throw new S3Exception(S3Errors.IncompleteBody);
        RawMd5 = _md5.GetHashAndReset();
        Md5Hex = Convert.ToHexStringLower(RawMd5);
        RawChecksum = _checksum.GetHashAndReset();
        ChecksumBase64 = Convert.ToBase64String(RawChecksum);
        if (plan.ContentMd5 is { } md5 && !CryptographicOperations.FixedTimeEquals(md5, RawMd5))
        {
            throw new S3Exception(S3Errors.BadDigest);
        }
        var expectedChecksum = plan.ExpectedInTrailer ? TrailerValue() : plan.ExpectedValue;
        if (expectedChecksum is not null && expectedChecksum != ChecksumBase64)
        {
            throw new S3Exception(S3Errors.ChecksumMismatch(ChecksumAlgorithms.Name(plan.Algorithm)));
        }
    }

    private string TrailerValue()
    {
        var name = ChecksumAlgorithms.HeaderName(plan.Algorithm);
        var trailers = body?.Trailers ?? new Dictionary<string, string>();
        var value = trailers.FirstOrDefault(t => string.Equals(t.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        ChecksumPlan.RequireWellFormed(plan.Algorithm, value);
        return value!;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _md5.Dispose();
            (_checksum as IDisposable)?.Dispose();
        }
        base.Dispose(disposing);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
