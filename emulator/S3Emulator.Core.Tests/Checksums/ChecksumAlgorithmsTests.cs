using System.Text;
using S3Emulator.Core.Checksums;
using S3Emulator.Core.Model;

namespace S3Emulator.Core.Tests.Checksums;

public sealed class ChecksumAlgorithmsTests
{
    private static readonly byte[] CheckInput = Encoding.ASCII.GetBytes("123456789");

    [TestCase(ChecksumAlgorithm.Crc32, "CBF43926")]
    [TestCase(ChecksumAlgorithm.Crc32C, "E3069283")]
    [TestCase(ChecksumAlgorithm.Crc64Nvme, "AE8B14860A799888")]
    [TestCase(ChecksumAlgorithm.Sha1, "F7C3BC1D808E04732ADF679965CCC34CA7AE3441")]
    [TestCase(ChecksumAlgorithm.Sha256, "15E2B0D3C33891EBB0F1EF609EC419420C20E320CE94C65FBC8C3312448EB225")]
    public void Compute_OfCheckString_ReturnsCatalogueValueBigEndian(ChecksumAlgorithm algorithm, string expectedHex)
    {
        Assert.That(Convert.ToHexString(ChecksumAlgorithms.Compute(algorithm, CheckInput)), Is.EqualTo(expectedHex));
    }

    [Test]
    public void ComputeBase64_Crc32OfHelloWorld_MatchesWhatTheSdkSends()
    {
        Assert.That(ChecksumAlgorithms.ComputeBase64(ChecksumAlgorithm.Crc32, "hello world"u8), Is.EqualTo("DUoRhQ=="));
    }

    [TestCase(ChecksumAlgorithm.Crc32)]
    [TestCase(ChecksumAlgorithm.Crc32C)]
    [TestCase(ChecksumAlgorithm.Crc64Nvme)]
    [TestCase(ChecksumAlgorithm.Sha1)]
    [TestCase(ChecksumAlgorithm.Sha256)]
    public void Calculator_FedInPieces_EqualsOneShotAndResets(ChecksumAlgorithm algorithm)
    {
        var data = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7)).ToArray();
        var calculator = ChecksumAlgorithms.CreateCalculator(algorithm);
        calculator.Append(data.AsSpan(0, 1));
        calculator.Append(data.AsSpan(1, 4095));
        calculator.Append(data.AsSpan(4096));
        var pieces = calculator.GetHashAndReset();
        calculator.Append(data);
        var again = calculator.GetHashAndReset();

        Assert.That(pieces, Is.EqualTo(ChecksumAlgorithms.Compute(algorithm, data)));
        Assert.That(again, Is.EqualTo(pieces));
        Assert.That(pieces, Has.Length.EqualTo(ChecksumAlgorithms.HashLength(algorithm)));
        Assert.That(calculator.Algorithm, Is.EqualTo(algorithm));
    }

    [TestCase(ChecksumAlgorithm.Crc32, "x-amz-checksum-crc32")]
    [TestCase(ChecksumAlgorithm.Crc32C, "x-amz-checksum-crc32c")]
    [TestCase(ChecksumAlgorithm.Crc64Nvme, "x-amz-checksum-crc64nvme")]
    [TestCase(ChecksumAlgorithm.Sha1, "x-amz-checksum-sha1")]
    [TestCase(ChecksumAlgorithm.Sha256, "x-amz-checksum-sha256")]
    public void HeaderName_ForEachAlgorithm_IsTheS3Header(ChecksumAlgorithm algorithm, string header)
    {
        Assert.That(ChecksumAlgorithms.HeaderName(algorithm), Is.EqualTo(header));
        Assert.That(ChecksumAlgorithms.TryParseHeaderName(header.ToUpperInvariant(), out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(algorithm));
    }

    [TestCase("CRC32", ChecksumAlgorithm.Crc32)]
    [TestCase("crc32c", ChecksumAlgorithm.Crc32C)]
    [TestCase("Crc64Nvme", ChecksumAlgorithm.Crc64Nvme)]
    [TestCase("sha1", ChecksumAlgorithm.Sha1)]
    [TestCase("SHA256", ChecksumAlgorithm.Sha256)]
    public void TryParseName_AnyCase_ReturnsAlgorithm(string name, ChecksumAlgorithm expected)
    {
        Assert.That(ChecksumAlgorithms.TryParseName(name, out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(expected));
        Assert.That(ChecksumAlgorithms.Name(parsed), Is.EqualTo(name.ToUpperInvariant()));
    }

    [TestCase("MD5")]
    [TestCase("")]
    [TestCase(null)]
    [TestCase("CRC")]
    public void TryParseName_Unknown_ReturnsFalse(string? name)
    {
        Assert.That(ChecksumAlgorithms.TryParseName(name, out _), Is.False);
    }

    [Test]
    public void TryDecode_ValidBase64OfRightLength_ReturnsRawBytes()
    {
        Assert.That(ChecksumAlgorithms.TryDecode(ChecksumAlgorithm.Crc32, "DUoRhQ==", out var raw), Is.True);
        Assert.That(Convert.ToHexString(raw!), Is.EqualTo("0D4A1185"));
    }

    [TestCase("not base64!")]
    [TestCase("AAAAAAAAAAA=")]
    [TestCase("")]
    public void TryDecode_InvalidValue_ReturnsFalse(string value)
    {
        Assert.That(ChecksumAlgorithms.TryDecode(ChecksumAlgorithm.Crc32, value, out _), Is.False);
    }
}
