using System.Security.Cryptography;
using S3Emulator.Core.Model;

namespace S3Emulator.Core.Checksums;

/// <summary>SHA1 and SHA256 checksums through <see cref="IncrementalHash"/>.</summary>
internal sealed class ShaChecksumCalculator : IChecksumCalculator, IDisposable
{
    private readonly IncrementalHash _hash;

    public ShaChecksumCalculator(ChecksumAlgorithm algorithm)
    {
        Algorithm = algorithm;
        _hash = algorithm switch
        {
            ChecksumAlgorithm.Sha1 => IncrementalHash.CreateHash(HashAlgorithmName.SHA1),
            ChecksumAlgorithm.Sha256 => IncrementalHash.CreateHash(HashAlgorithmName.SHA256),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not a SHA algorithm."),
        };
    }

    public ChecksumAlgorithm Algorithm { get; }

    public void Append(ReadOnlySpan<byte> data) => _hash.AppendData(data);

    public byte[] GetHashAndReset() => _hash.GetHashAndReset();

    public void Dispose() => _hash.Dispose();
}
