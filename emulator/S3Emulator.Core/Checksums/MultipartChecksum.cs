using System.Globalization;
using S3Emulator.Core.Model;

namespace S3Emulator.Core.Checksums;

/// <summary>
/// Whole-object checksums of multipart uploads. COMPOSITE: the checksum of the concatenated raw
/// part checksums, rendered <c>base64-N</c>. FULL_OBJECT (CRCs only): the CRC of the whole object,
/// combined from the part CRCs and lengths without re-reading data.
/// </summary>
public static class MultipartChecksum
{
    /// <summary>The COMPOSITE checksum, e.g. <c>"abc=-3"</c> for three parts.</summary>
    public static string Composite(ChecksumAlgorithm algorithm, IReadOnlyList<byte[]> rawPartChecksums)
    {
        ArgumentNullException.ThrowIfNull(rawPartChecksums);
        var calculator = ChecksumAlgorithms.CreateCalculator(algorithm);
        foreach (var part in rawPartChecksums)
        {
            calculator.Append(part);
        }

        var hash = calculator.GetHashAndReset();
        (calculator as IDisposable)?.Dispose();
        return Convert.ToBase64String(hash) + "-" + rawPartChecksums.Count.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>True for the algorithms that support FULL_OBJECT checksums (the CRCs).</summary>
    public static bool SupportsFullObject(ChecksumAlgorithm algorithm) =>
        algorithm is ChecksumAlgorithm.Crc32 or ChecksumAlgorithm.Crc32C or ChecksumAlgorithm.Crc64Nvme;

    /// <summary>
    /// The FULL_OBJECT checksum (raw, big-endian) of the concatenation of parts, given each part's raw CRC and length.
    /// </summary>
    public static byte[] FullObject(ChecksumAlgorithm algorithm, IReadOnlyList<(byte[] RawCrc, long Length)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var crc = CrcCombiner.For(algorithm);
        ulong combined = crc.Empty;
        foreach (var (rawCrc, length) in parts)
        {
            combined = crc.Combine(combined, crc.FromBytes(rawCrc), length);
        }

        return crc.ToBytes(combined);
    }
}
