using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using S3Emulator.Core.Encryption;
using static S3Emulator.Core.Tests.Encryption.EncryptionTestData;

namespace S3Emulator.Core.Tests.Encryption;

/// <summary>
/// Pins the stored format: if one of these changes, data already on disk becomes unreadable. The reference
/// implementation below follows docs/encryption.md step by step, independently of the production code.
/// </summary>
public sealed class ContentEncryptionKnownAnswerTests
{
    // Computed independently with Python's `cryptography` package from the steps in docs/encryption.md.
    private const string TinyCiphertextHex =
        "53334531202122232425262728292a2b2c2d2e2f303132333435363738393a3b" // header: "S3E1" + salt 0x20..0x3b
        + "b624d0b1fbce76ed95" // "hello, S3" encrypted
        + "f371f5b399dceaedcfe1c97b1b2827e4"; // tag
    private const string TwoFrameCiphertextSha256 = "9279dabc6a37380ffa09c61168de151678bb98863676fc08ca4f9e970c1c6400";
    private const string TwoFrameTagsHex = "dc411c03d4ded610b2c7ba73abd90f58" + "8fc43e95ab1dacfe255429f14ae9d9d2";
    private const string FingerprintMacHex = "54c36e94d6f23ce2a206ba7dc3e756fb243cdef1a114f22fb8e75d669f017ae2";

    private static readonly byte[] FixedHeader = [.. "S3E1"u8, .. Enumerable.Range(0x20, 28).Select(i => (byte)i)];
    private static readonly byte[] TwoFramePlaintext = Enumerable.Range(0, Frame + 3).Select(i => (byte)(i % 251)).ToArray();

    [Test]
    public void TinyObject_EncryptsToThePinnedCiphertext()
    {
        var ciphertext = EncryptWithFixedHeader("hello, S3"u8.ToArray(), partNumber: 0);

        Assert.That(Convert.ToHexStringLower(ciphertext), Is.EqualTo(TinyCiphertextHex));
    }

    [Test]
    public void TwoFrameObject_EncryptsToThePinnedCiphertext()
    {
        var ciphertext = EncryptWithFixedHeader(TwoFramePlaintext, partNumber: 7);
        var tags = ciphertext.AsSpan(32 + Frame, 16).ToArray().Concat(ciphertext[^16..]).ToArray();

        Assert.That(ciphertext, Has.Length.EqualTo(32 + Frame + 16 + 3 + 16));
        Assert.That(Convert.ToHexStringLower(tags), Is.EqualTo(TwoFrameTagsHex));
        Assert.That(Convert.ToHexStringLower(SHA256.HashData(ciphertext)), Is.EqualTo(TwoFrameCiphertextSha256));
    }

    [TestCase(0)]
    [TestCase(7)]
    public void ReferenceImplementationOfTheDocumentedFormat_ProducesTheSameCiphertext(int partNumber)
    {
        foreach (var plaintext in new[] { "hello, S3"u8.ToArray(), TwoFramePlaintext, [] })
        {
            Assert.That(
                EncryptWithFixedHeader(plaintext, partNumber),
                Is.EqualTo(ReferenceEncrypt(plaintext, Key(), partNumber, FixedHeader)));
        }
    }

    [Test]
    public void PinnedCiphertext_DecryptsWithThePublicReader()
    {
        var ciphertext = Convert.FromHexString(TinyCiphertextHex);

        Assert.That(DecryptWhole(ciphertext, Key(), 9), Is.EqualTo("hello, S3"u8.ToArray()));
    }

    [Test]
    public void CustomerKeyFingerprint_OfAFixedKeyAndSalt_IsPinned()
    {
        var salt = Enumerable.Range(0x40, 16).Select(i => (byte)i).ToArray();

        var mac = CustomerKeyFingerprint.ComputeMac(Key(), salt);

        Assert.That(Convert.ToHexStringLower(mac), Is.EqualTo(FingerprintMacHex));
        Assert.That(new CustomerKeyFingerprint(salt, mac).Matches(Key()), Is.True);
    }

    private static byte[] EncryptWithFixedHeader(byte[] plaintext, int partNumber)
    {
        using var stream = new EncryptingStream(new MemoryStream(plaintext), Key(), partNumber, FixedHeader);
        return ReadAll(stream);
    }

    // docs/encryption.md, "Frame format", written out with nothing but the BCL primitives.
    private static byte[] ReferenceEncrypt(byte[] plaintext, byte[] dataKey, int partNumber, byte[] header)
    {
        var info = Encoding.ASCII.GetBytes("s3emulator/content/v1").Concat(BigEndian(partNumber)).ToArray();
        var segmentKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, dataKey, 32, salt: header, info: info);
        using var aes = new AesGcm(segmentKey, 16);
        var output = new List<byte>(header);
        var frames = Math.Max(1, (plaintext.Length + Frame - 1) / Frame);
        for (var index = 0; index < frames; index++)
        {
            var frame = plaintext.Skip(index * Frame).Take(Frame).ToArray();
            var nonce = BigEndian(partNumber).Concat(BigEndian((long)index)).ToArray();
            var aad = nonce.Append(index == frames - 1 ? (byte)1 : (byte)0).ToArray();
            var ciphertext = new byte[frame.Length];
            var tag = new byte[16];
            aes.Encrypt(nonce, frame, ciphertext, tag, aad);
            output.AddRange(ciphertext);
            output.AddRange(tag);
        }

        return [.. output];
    }

    private static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] BigEndian(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }
}
