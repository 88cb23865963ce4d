using System.Security.Cryptography;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Streams;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>
/// Passes the body through and, when it ends, compares its SHA-256 with <c>x-amz-content-sha256</c>.
/// A mismatch surfaces as <c>XAmzContentSHA256Mismatch</c> from the final read, so consumers must not
/// commit what they read before the stream ended cleanly.
/// </summary>
internal sealed class Sha256VerifyingStream(Stream inner, string expectedSha256Hex) : ObservingReadStream(inner)
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override void Observe(ReadOnlySpan<byte> data) => _hash.AppendData(data);

    protected override void OnEnd()
    {
        var computed = Hex.Lower(_hash.GetHashAndReset());
        if (!string.Equals(computed, expectedSha256Hex, StringComparison.OrdinalIgnoreCase))
        {
            throw new S3Exception(
                S3Errors.XAmzContentSHA256Mismatch,
                S3Exception.Detail("ClientComputedContentSHA256", expectedSha256Hex),
                S3Exception.Detail("S3ComputedContentSHA256", computed));
        }
    }
}
