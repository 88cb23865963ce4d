using S3Emulator.Core.Encryption;
using S3Emulator.Core.Model;
using static S3Emulator.Core.Tests.Encryption.EncryptionTestData;

namespace S3Emulator.Core.Tests.Encryption;

public sealed class ContentEncryptionRangeTests
{
    private const int Size = (3 * Frame) + 100;

    private static readonly byte[] SinglePlaintext = Plaintext(Size);
    private static readonly byte[] SingleCiphertext = Encrypt(SinglePlaintext, Key());

    // Parts of 2 frames + 5 bytes, exactly 1 frame, and 17 bytes: boundaries inside and at the edge of frames.
    private static readonly byte[][] Parts = [Plaintext((2 * Frame) + 5, 2), Plaintext(Frame, 3), Plaintext(17, 4)];
    private static readonly byte[] PartsPlaintext = Parts.SelectMany(p => p).ToArray();
    private static readonly (byte[] Ciphertext, ContentSegment[] Segments) Multipart = EncryptParts(Key(), Parts);

    private static readonly object[] SingleRanges =
    [
        new object[] { 0L, 0L },
        new object[] { Size - 1L, Size - 1L },
        new object[] { 1000L, 1000L },
        new object[] { Frame - 1L, (long)Frame },
        new object[] { (long)Frame, (2L * Frame) - 1 },
        new object[] { Frame - 10L, (2L * Frame) + 10 },
        new object[] { 3L * Frame, Size - 1L },
        new object[] { 0L, Size - 1L },
    ];

    private static readonly object[] MultipartRanges =
    [
        new object[] { 0L, PartsPlaintext.Length - 1L },
        new object[] { (2L * Frame) + 4, (2L * Frame) + 5 },
        new object[] { (2L * Frame) + 5, (3L * Frame) + 4 },
        new object[] { (2L * Frame) - 3, (3L * Frame) + 8 },
        new object[] { (3L * Frame) + 4, (3L * Frame) + 5 },
        new object[] { PartsPlaintext.Length - 1L, PartsPlaintext.Length - 1L },
        new object[] { 10L, PartsPlaintext.Length - 2L },
    ];

    [TestCaseSource(nameof(SingleRanges))]
    public void RangeRead_OfASinglePutObject_EqualsThePlaintextSlice(long first, long last)
    {
        var plaintext = Decrypt(SingleCiphertext, Key(), ContentSegment.SinglePut(Size), new ByteRange(first, last));

        Assert.That(plaintext, Is.EqualTo(SinglePlaintext[(int)first..(int)(last + 1)]));
    }

    [TestCaseSource(nameof(MultipartRanges))]
    public void RangeRead_AcrossParts_EqualsThePlaintextSlice(long first, long last)
    {
        var plaintext = Decrypt(Multipart.Ciphertext, Key(), Multipart.Segments, new ByteRange(first, last));

        Assert.That(plaintext, Is.EqualTo(PartsPlaintext[(int)first..(int)(last + 1)]));
    }

    [Test]
    public void RangeRead_InsideOneFrame_ReadsOnlyTheHeaderAndThatFrame()
    {
        var stored = new RecordingStoredObject(SingleCiphertext);

        Decrypt(stored, Key(), ContentSegment.SinglePut(Size), new ByteRange((2L * Frame) + 100, (2L * Frame) + 4195));

        Assert.That(stored.Requests, Is.EqualTo(new ByteRange[]
        {
            new(0, Header - 1),
            new(Header + (2L * CipherFrame), Header + (3L * CipherFrame) - 1),
        }));
    }

    [Test]
    public void RangeRead_OfTheFirstFrame_ReadsHeaderAndFrameInOneRequest()
    {
        var stored = new RecordingStoredObject(SingleCiphertext);

        Decrypt(stored, Key(), ContentSegment.SinglePut(Size), new ByteRange(5, 10));

        Assert.That(stored.Requests, Is.EqualTo(new ByteRange[] { new(0, Header + CipherFrame - 1) }));
    }

    [Test]
    public void RangeRead_AcrossAFrameBoundary_ReadsBothFramesAndNothingElse()
    {
        var stored = new RecordingStoredObject(SingleCiphertext);

        Decrypt(stored, Key(), ContentSegment.SinglePut(Size), new ByteRange((2L * Frame) - 1, 2L * Frame));

        Assert.That(stored.BytesRequested, Is.EqualTo(Header + (2L * CipherFrame)));
    }

    [Test]
    public void RangeRead_OfAFewBytesInAHugeObject_ReadsAsMuchAsInASmallObject()
    {
        const long hugeSize = 4L << 30;
        var small = new RecordingStoredObject(SingleCiphertext);
        var huge = new SyntheticEncryptedObject(hugeSize, Key());
        var range = new ByteRange(hugeSize - Frame - 5000, hugeSize - Frame - 905);

        Decrypt(small, Key(), ContentSegment.SinglePut(Size), new ByteRange(Frame + 1, Frame + 4096));
        var plaintext = Decrypt(huge, Key(), ContentSegment.SinglePut(hugeSize), range);

        Assert.That(plaintext, Is.EqualTo(SyntheticEncryptedObject.Plaintext(range)));
        Assert.That(huge.BytesRequested, Is.EqualTo(small.BytesRequested));
    }

    [Test]
    public void RangeRead_OfOnePart_ReadsOnlyThatPart()
    {
        var stored = new RecordingStoredObject(Multipart.Ciphertext);
        var partTwoStart = ContentEncryption.CiphertextLength(Parts[0].Length);

        var plaintext = Decrypt(stored, Key(), Multipart.Segments, new ByteRange(Parts[0].Length, Parts[0].Length + Frame - 1L));

        Assert.That(plaintext, Is.EqualTo(Parts[1]));
        Assert.That(stored.Requests, Is.EqualTo(new ByteRange[] { new(partTwoStart, partTwoStart + Header + CipherFrame - 1) }));
    }

    [Test]
    public void RangeRead_OfAnEmptyObject_ReturnsNothingAndReadsNothing()
    {
        var stored = new RecordingStoredObject(Encrypt([], Key()));

        Assert.That(Decrypt(stored, Key(), ContentSegment.SinglePut(0), ByteRange.Whole(0)), Is.Empty);
        Assert.That(stored.Requests, Is.Empty);
    }

    [Test]
    public void RangeRead_PastTheEnd_IsRejected()
    {
        Assert.That(
            () => ContentEncryption.OpenPlaintextRange(
                new RecordingStoredObject(SingleCiphertext), Key(), ContentSegment.SinglePut(Size), new ByteRange(0, Size)),
            Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
