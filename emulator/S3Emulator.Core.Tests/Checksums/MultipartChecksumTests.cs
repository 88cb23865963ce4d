using System.Security.Cryptography;
using S3Emulator.Core.Checksums;
using S3Emulator.Core.Model;

namespace S3Emulator.Core.Tests.Checksums;

public sealed class MultipartChecksumTests
{
    [Test]
    public void Composite_OfTwoParts_IsChecksumOfConcatenatedPartChecksumsWithPartCount()
    {
        var part1 = ChecksumAlgorithms.Compute(ChecksumAlgorithm.Sha256, "part one"u8);
        var part2 = ChecksumAlgorithms.Compute(ChecksumAlgorithm.Sha256, "part two"u8);
        var expected = Convert.ToBase64String(SHA256.HashData([.. part1, .. part2])) + "-2";

        Assert.That(MultipartChecksum.Composite(ChecksumAlgorithm.Sha256, [part1, part2]), Is.EqualTo(expected));
    }

    [Test]
    public void Composite_Crc32OfKnownParts_MatchesIndependentComputation()
    {
        byte[] a = [0xCB, 0xF4, 0x39, 0x26];
        byte[] b = [0x0D, 0x4A, 0x11, 0x85];
        var expected = ChecksumAlgorithms.ComputeBase64(ChecksumAlgorithm.Crc32, [.. a, .. b]) + "-2";

        Assert.That(MultipartChecksum.Composite(ChecksumAlgorithm.Crc32, [a, b]), Is.EqualTo(expected));
    }

    [TestCase(ChecksumAlgorithm.Crc32)]
    [TestCase(ChecksumAlgorithm.Crc32C)]
    [TestCase(ChecksumAlgorithm.Crc64Nvme)]
    public void FullObject_FromPartCrcs_EqualsCrcOfWholeObject(ChecksumAlgorithm algorithm)
    {
        var random = new Random(42);
        var sizes = new[] { 5 * 1024 * 1024 + 3, 1, 0, 77_777 };
        var parts = sizes.Select(size =>
        {
            var data = new byte[size];
            random.NextBytes(data);
            return data;
        }).ToArray();
        var whole = parts.SelectMany(p => p).ToArray();

        var combined = MultipartChecksum.FullObject(
            algorithm,
            parts.Select(p => (ChecksumAlgorithms.Compute(algorithm, p), (long)p.Length)).ToList());

        Assert.That(combined, Is.EqualTo(ChecksumAlgorithms.Compute(algorithm, whole)));
    }

    [Test]
    public void FullObject_Crc32OfSplitCheckString_IsCatalogueValue()
    {
        var parts = new[] { "1234"u8.ToArray(), "56789"u8.ToArray() }
            .Select(p => (ChecksumAlgorithms.Compute(ChecksumAlgorithm.Crc32, p), (long)p.Length))
            .ToList();

        Assert.That(Convert.ToHexString(MultipartChecksum.FullObject(ChecksumAlgorithm.Crc32, parts)), Is.EqualTo("CBF43926"));
    }

    [TestCase(ChecksumAlgorithm.Sha1)]
    [TestCase(ChecksumAlgorithm.Sha256)]
    public void FullObject_ForSha_Throws(ChecksumAlgorithm algorithm)
    {
        Assert.That(MultipartChecksum.SupportsFullObject(algorithm), Is.False);
        Assert.That(() => MultipartChecksum.FullObject(algorithm, []), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
