using System.Security.Cryptography;
using S3Emulator.Core.Checksums;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Streams;

namespace S3Emulator.Server.Services.S3.Handlers.Uploads;

/// <summary>
/// Passes an upload body through while computing its MD5 (the ETag) and its checksum; at the end of
/// the body it checks both against what the client sent (Content-MD5, an <c>x-amz-checksum-*</c> header or
/// the trailing checksum of an aws-chunked body, compared here only) and throws S3's error on a mismatch. The
/// store commits only after the stream ended cleanly, so a bad upload never becomes visible.
/// </summary>
/// <param name="leaveOpen">True for the request body, which the server owns; false for a copy source, which this stream owns.</param>
internal sealed class VerifyingUploadStream(Stream inner, ChecksumPlan plan, IS3RequestBodyFeature? body, long? expectedLength, bool leaveOpen)
    : ObservingReadStream(inner, leaveOpen)
{
    private readonly IncrementalHash _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
    private readonly IChecksumCalculator _checksum = ChecksumAlgorithms.CreateCalculator(plan.Algorithm);
    private long _length;

    /// <summary>Hex MD5 of the body; valid once the stream was read to its end.</summary>
    public string Md5Hex { get; private set; } = "";

    /// <summary>The algorithm of <see cref="ChecksumBase64"/>.</summary>
    public Core.Model.ChecksumAlgorithm ChecksumAlgorithm => plan.Algorithm;

    /// <summary>Base64 checksum of the body in <see cref="ChecksumPlan.Algorithm"/>.</summary>
    public string ChecksumBase64 { get; private set; } = "";

    /// <summary>How many bytes of body have passed through so far: the plaintext size once it has ended.</summary>
    public long BytesRead => _length;

    protected override void Observe(ReadOnlySpan<byte> data)
    {
        _md5.AppendData(data);
        _checksum.Append(data);
        _length += data.Length;
    }

    protected override void OnEnd()
    {
        if (expectedLength is { } expected && expected != _length) throw new S3Exception(S3Errors.IncompleteBody);
        var md5 = _md5.GetHashAndReset();
        Md5Hex = Convert.ToHexStringLower(md5);
        ChecksumBase64 = Convert.ToBase64String(_checksum.GetHashAndReset());
        if (plan.ContentMd5 is { } expectedMd5 && !CryptographicOperations.FixedTimeEquals(expectedMd5, md5))
        {
            throw new S3Exception(S3Errors.BadDigest);
        }
        var expectedChecksum = plan.ExpectedInTrailer ? TrailerValue() : plan.ExpectedValue;
        if (expectedChecksum is not null && expectedChecksum != ChecksumBase64)
        {
            throw new S3Exception(S3Errors.ChecksumMismatch(ChecksumAlgorithms.Name(plan.Algorithm)));
        }
    }

    // The checksum x-amz-trailer announced: a body that ends without it did not send what it declared.
    private string TrailerValue()
    {
        var name = ChecksumAlgorithms.HeaderName(plan.Algorithm);
        if (body is null || !body.Trailers.TryGetValue(name, out var value)) throw new S3Exception(S3Errors.IncompleteBody);
        ChecksumPlan.RequireWellFormed(plan.Algorithm, value);
        return value;
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
}
