using S3Emulator.Core.Encryption;
using S3Emulator.Core.Model;
using S3Emulator.Core.Tests.Storage;
using static S3Emulator.Core.Tests.Encryption.EncryptionTestData;

namespace S3Emulator.Core.Tests.Encryption;

public sealed class ContentEncryptionRoundTripTests
{
    private static readonly int[] Sizes = [0, 1, Frame - 1, Frame, Frame + 1, (3 * Frame) + 7];

    [TestCase(0, 32 + 16)]
    [TestCase(1, 32 + 16 + 1)]
    [TestCase(Frame - 1, 32 + 16 + Frame - 1)]
    [TestCase(Frame, 32 + 16 + Frame)]
    [TestCase(Frame + 1, 32 + (2 * 16) + Frame + 1)]
    [TestCase(3 * Frame, 32 + (3 * 16) + (3 * Frame))]
    public void CiphertextLength_IsHeaderPlusOneTagPerFramePlusThePlaintext(int plaintextLength, int expected)
    {
        Assert.That(ContentEncryption.CiphertextLength(plaintextLength), Is.EqualTo(expected));
    }

    [Test]
    public void CiphertextLength_OfSegments_IsTheSumOfTheirLengths()
    {
        ContentSegment[] segments = [new(1, Frame), new(2, 5)];

        Assert.That(
            ContentEncryption.CiphertextLength(segments),
            Is.EqualTo(ContentEncryption.CiphertextLength(Frame) + ContentEncryption.CiphertextLength(5)));
    }

    [TestCaseSource(nameof(Sizes))]
    public void EncryptThenDecrypt_ReturnsThePlaintextAndTheFormulaLength(int size)
    {
        var plaintext = Plaintext(size);

        var ciphertext = Encrypt(plaintext, Key());

        Assert.That(ciphertext.LongLength, Is.EqualTo(ContentEncryption.CiphertextLength(size)));
        Assert.That(DecryptWhole(ciphertext, Key(), size), Is.EqualTo(plaintext));
    }

    [TestCaseSource(nameof(Sizes))]
    public async Task EncryptThenDecrypt_Asynchronously_ReturnsThePlaintext(int size)
    {
        var plaintext = Plaintext(size);
        using var output = new MemoryStream();
        await using (var encrypting = ContentEncryption.Encrypt(new TrickleStream(plaintext, step: 1000), Key(), 3))
        {
            await encrypting.CopyToAsync(output);
        }

        using var decrypted = new MemoryStream();
        ContentSegment[] segments = [new(3, size)];
        await using (var plain = ContentEncryption.OpenPlaintextRange(
            new RecordingStoredObject(output.ToArray()), Key(), segments, ByteRange.Whole(size)))
        {
            await plain.CopyToAsync(decrypted);
        }

        Assert.That(decrypted.ToArray(), Is.EqualTo(plaintext));
    }

    [Test]
    public void Decrypt_ReadOneByteAtATime_ReturnsThePlaintext()
    {
        var plaintext = Plaintext(Frame + 10);
        using var stream = ContentEncryption.OpenPlaintextRange(
            new RecordingStoredObject(Encrypt(plaintext, Key())), Key(), ContentSegment.SinglePut(plaintext.Length),
            ByteRange.Whole(plaintext.Length));

        var read = new List<byte>();
        int value;
        while ((value = stream.ReadByte()) >= 0) read.Add((byte)value);

        Assert.That(read, Is.EqualTo(plaintext));
    }

    [Test]
    public void Encrypt_TheSamePlaintextTwiceUnderOneKey_GivesDifferentCiphertext()
    {
        // Re-uploading a part number under the upload's data key must not reuse a key/nonce pair.
        var plaintext = Plaintext(100);

        Assert.That(Encrypt(plaintext, Key(), 1), Is.Not.EqualTo(Encrypt(plaintext, Key(), 1)));
    }

    [Test]
    public void Ciphertext_DoesNotContainThePlaintext()
    {
        var plaintext = Enumerable.Repeat((byte)'A', 3 * Frame).ToArray();

        var ciphertext = Encrypt(plaintext, Key());

        Assert.That(ciphertext.AsSpan().IndexOf(plaintext.AsSpan(0, 16)), Is.EqualTo(-1));
    }

    [Test]
    public void ContentSegments_OfAMultipartRecord_AreItsPartsInOrder()
    {
        var info = new ObjectInfo
        {
            Bucket = "b", Key = "k", Size = 15, ETag = "e-2", LastModified = DateTimeOffset.UnixEpoch,
            Parts = [new ObjectPart(1, 10, "a", null), new ObjectPart(2, 5, "b", null)],
        };

        Assert.That(ContentSegment.Of(info), Is.EqualTo(new ContentSegment[] { new(1, 10), new(2, 5) }));
        Assert.That(ContentSegment.Of(info with { Parts = [] }), Is.EqualTo(new ContentSegment[] { new(0, 15) }));
    }

    [Test]
    public void Encrypt_WithAKeyOfTheWrongLength_Throws()
    {
        Assert.That(() => ContentEncryption.Encrypt(new MemoryStream(), new byte[16], 0), Throws.ArgumentException);
    }
}
