using System.Security.Cryptography;
using S3Emulator.Core.Errors;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>
/// Passes the body through and, when it ends, compares its SHA-256 with <c>x-amz-content-sha256</c>.
/// A mismatch surfaces as <c>XAmzContentSHA256Mismatch</c> from the final read, so consumers must not
/// commit what they read before the stream ended cleanly.
/// </summary>
internal sealed class Sha256VerifyingStream(Stream inner, string expectedSha256Hex) : ReadOnlyStream(inner)
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool _verified;

    public override int Read(Span<byte> buffer) => After(Inner.Read(buffer), buffer);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        After(await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false), buffer.Span);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private int After(int read, ReadOnlySpan<byte> buffer)
    {
        if (read > 0)
        {
            _hash.AppendData(buffer[..read]);
        }
        else if (!_verified && buffer.Length > 0)
        {
            _verified = true;
            var computed = Hex.Lower(_hash.GetHashAndReset());
            if (!string.Equals(computed, expectedSha256Hex, StringComparison.OrdinalIgnoreCase))
            {
                throw new S3Exception(
                    S3Errors.XAmzContentSHA256Mismatch,
                    S3Exception.Detail("ClientComputedContentSHA256", expectedSha256Hex),
                    S3Exception.Detail("S3ComputedContentSHA256", computed));
            }
        }

        return read;
    }
}
