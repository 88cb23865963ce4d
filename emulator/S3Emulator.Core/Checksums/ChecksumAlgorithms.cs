using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using S3Emulator.Core.Model;

namespace S3Emulator.Core.Checksums;

/// <summary>
/// The S3 vocabulary around <see cref="ChecksumAlgorithm"/>: calculators, the S3 names
/// (<c>CRC32</c>, <c>CRC64NVME</c>, ...), the <c>x-amz-checksum-*</c> header names and the wire rendering.
/// </summary>
public static class ChecksumAlgorithms
{
    private static readonly ImmutableArray<ChecksumAlgorithm> AllAlgorithms = [.. Enum.GetValues<ChecksumAlgorithm>()];

    /// <summary>Every algorithm S3 accepts.</summary>
    public static IReadOnlyList<ChecksumAlgorithm> All => AllAlgorithms;

    /// <summary>A new incremental calculator for <paramref name="algorithm"/>.</summary>
    public static IChecksumCalculator CreateCalculator(ChecksumAlgorithm algorithm) => algorithm switch
    {
        ChecksumAlgorithm.Crc32 or ChecksumAlgorithm.Crc32C or ChecksumAlgorithm.Crc64Nvme => new CrcChecksumCalculator(algorithm),
        ChecksumAlgorithm.Sha1 or ChecksumAlgorithm.Sha256 => new ShaChecksumCalculator(algorithm),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    /// <summary>The raw checksum of <paramref name="data"/>.</summary>
    public static byte[] Compute(ChecksumAlgorithm algorithm, ReadOnlySpan<byte> data)
    {
        var calculator = CreateCalculator(algorithm);
        calculator.Append(data);
        var hash = calculator.GetHashAndReset();
        (calculator as IDisposable)?.Dispose();
        return hash;
    }

    /// <summary>The checksum of <paramref name="data"/> as S3 sends it: base64 of the raw bytes.</summary>
    public static string ComputeBase64(ChecksumAlgorithm algorithm, ReadOnlySpan<byte> data) =>
        Convert.ToBase64String(Compute(algorithm, data));

    /// <summary>The length in bytes of the raw checksum.</summary>
    public static int HashLength(ChecksumAlgorithm algorithm) => algorithm switch
    {
        ChecksumAlgorithm.Crc32 or ChecksumAlgorithm.Crc32C => 4,
        ChecksumAlgorithm.Crc64Nvme => 8,
        ChecksumAlgorithm.Sha1 => 20,
        ChecksumAlgorithm.Sha256 => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    /// <summary>The S3 API name: <c>CRC32</c>, <c>CRC32C</c>, <c>CRC64NVME</c>, <c>SHA1</c>, <c>SHA256</c>.</summary>
    public static string Name(ChecksumAlgorithm algorithm) => algorithm switch
    {
        ChecksumAlgorithm.Crc32 => "CRC32",
        ChecksumAlgorithm.Crc32C => "CRC32C",
        ChecksumAlgorithm.Crc64Nvme => "CRC64NVME",
        ChecksumAlgorithm.Sha1 => "SHA1",
        ChecksumAlgorithm.Sha256 => "SHA256",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    /// <summary>The request/response header: <c>x-amz-checksum-crc32</c> and so on (lowercase).</summary>
    public static string HeaderName(ChecksumAlgorithm algorithm) => "x-amz-checksum-" + Name(algorithm).ToLowerInvariant();

    /// <summary>Parses an S3 algorithm name (<c>x-amz-checksum-algorithm</c>, <c>x-amz-sdk-checksum-algorithm</c>), case-insensitively.</summary>
    public static bool TryParseName(string? name, out ChecksumAlgorithm algorithm)
    {
        foreach (var candidate in AllAlgorithms)
        {
            if (string.Equals(Name(candidate), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                algorithm = candidate;
                return true;
            }
        }

        algorithm = default;
        return false;
    }

    /// <summary>Maps an <c>x-amz-checksum-*</c> header name (any case) to its algorithm.</summary>
    public static bool TryParseHeaderName(string? headerName, out ChecksumAlgorithm algorithm)
    {
        const string prefix = "x-amz-checksum-";
        if (headerName is not null && headerName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return TryParseName(headerName[prefix.Length..], out algorithm);
        }

        algorithm = default;
        return false;
    }

    /// <summary>
    /// Decodes a base64 checksum value as sent in a header or trailer; false when it is not base64 or
    /// has the wrong length for the algorithm (S3 then answers "Value for x-amz-checksum-… header is invalid.").
    /// </summary>
    public static bool TryDecode(ChecksumAlgorithm algorithm, string? value, [NotNullWhen(true)] out byte[]? raw)
    {
        raw = null;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var buffer = new byte[HashLength(algorithm) + 3];
        if (!Convert.TryFromBase64String(value, buffer, out var written) || written != HashLength(algorithm))
        {
            return false;
        }

        raw = buffer[..written];
        return true;
    }
}
