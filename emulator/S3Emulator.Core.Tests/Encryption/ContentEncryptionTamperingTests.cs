using S3Emulator.Core.Encryption;
using S3Emulator.Core.Model;
using static S3Emulator.Core.Tests.Encryption.EncryptionTestData;

namespace S3Emulator.Core.Tests.Encryption;

public sealed class ContentEncryptionTamperingTests
{
    private const int Size = (2 * Frame) + 10;

    private static readonly byte[] PlaintextBytes = Plaintext(Size);
    private static readonly byte[] Ciphertext = Encrypt(PlaintextBytes, Key());

    private static readonly long[] InterestingPositions =
    [
        0, 3, 4, Header - 1,                                   // magic and salt
        Header, Header + 1000, Header + CipherFrame - 1,       // frame 0 text and tag
        Header + CipherFrame, Header + (2L * CipherFrame) - 1, // frame 1
        Header + (2L * CipherFrame), Ciphertext.Length - 1L,   // final frame text and tag
    ];

    [Test]
    public void FlippingAnyByteOfASmallObject_ThrowsContentTampered()
    {
        var plaintext = Plaintext(100);
        var ciphertext = Encrypt(plaintext, Key());

        for (var position = 0; position < ciphertext.Length; position++)
        {
            var tampered = Flip(ciphertext, position);
            Assert.That(
                () => DecryptWhole(tampered, Key(), plaintext.Length),
                Throws.TypeOf<ContentTamperedException>(), $"byte {position}");
        }
    }

    [TestCaseSource(nameof(InterestingPositions))]
    public void FlippingAByteOfAMultiFrameObject_ThrowsContentTampered(long position)
    {
        Assert.That(() => DecryptWhole(Flip(Ciphertext, position), Key(), Size), Throws.TypeOf<ContentTamperedException>());
    }

    [Test]
    public void FlippingAByte_IsReportedWhenItsFrameIsRead_AfterTheGoodFramesBeforeIt()
    {
        using var stream = ContentEncryption.OpenPlaintextRange(
            new RecordingStoredObject(Flip(Ciphertext, Header + CipherFrame + 5)), Key(), ContentSegment.SinglePut(Size),
            ByteRange.Whole(Size));
        var buffer = new byte[Frame];

        Assert.That(stream.ReadAtLeast(buffer, Frame), Is.EqualTo(Frame));
        Assert.That(buffer, Is.EqualTo(PlaintextBytes[..Frame]));
        Assert.That(() => stream.Read(buffer), Throws.TypeOf<ContentTamperedException>());
    }

    [Test]
    public void RangeRead_AwayFromADamagedFrame_StillSucceeds()
    {
        // Only the frames a read touches are verified; this is what keeps range reads cheap.
        var damaged = Flip(Ciphertext, Header + 10);

        var plaintext = Decrypt(damaged, Key(), ContentSegment.SinglePut(Size), new ByteRange(Frame, Frame + 99));

        Assert.That(plaintext, Is.EqualTo(PlaintextBytes[Frame..(Frame + 100)]));
    }

    [Test]
    public void SwappingTwoFrames_ThrowsContentTampered()
    {
        var plaintext = Plaintext(3 * Frame);
        var swapped = Encrypt(plaintext, Key());
        var frame0 = swapped.AsSpan(Header, CipherFrame).ToArray();
        swapped.AsSpan(Header + CipherFrame, CipherFrame).CopyTo(swapped.AsSpan(Header));
        frame0.CopyTo(swapped.AsSpan(Header + CipherFrame));

        Assert.That(() => DecryptWhole(swapped, Key(), plaintext.Length), Throws.TypeOf<ContentTamperedException>());
    }

    [Test]
    public void TruncatingTheLastFrame_ThrowsContentTampered()
    {
        var truncated = Ciphertext[..^1];

        Assert.That(() => DecryptWhole(truncated, Key(), Size), Throws.TypeOf<ContentTamperedException>());
    }

    [Test]
    public void TruncatingTheLastFrame_ThrowsEvenWhenTheStoreHandsOutShortReads()
    {
        var stored = new ShortReadStoredObject(Ciphertext, missing: 20);

        Assert.That(
            () => Decrypt(stored, Key(), ContentSegment.SinglePut(Size), ByteRange.Whole(Size)),
            Throws.TypeOf<ContentTamperedException>());
    }

    [Test]
    public void DroppingWholeFramesAndShrinkingTheRecordedSize_ThrowsContentTampered()
    {
        // Frame 0 of a 2-frame object was sealed as "not final", so it cannot pose as a whole object.
        var plaintext = Plaintext(2 * Frame);
        var cut = Encrypt(plaintext, Key())[..(Header + CipherFrame)];

        Assert.That(() => DecryptWhole(cut, Key(), Frame), Throws.TypeOf<ContentTamperedException>());
    }

    [Test]
    public void DecryptingWithTheWrongKey_ThrowsContentTampered()
    {
        Assert.That(() => DecryptWhole(Ciphertext, Key(first: 1), Size), Throws.TypeOf<ContentTamperedException>());
    }

    [Test]
    public void PartsConcatenatedInTheWrongOrder_ThrowContentTampered()
    {
        var (ciphertext, segments) = EncryptParts(Key(), Plaintext(Frame, 1), Plaintext(Frame, 2));
        var half = ciphertext.Length / 2;
        var reordered = ciphertext[half..].Concat(ciphertext[..half]).ToArray();

        Assert.That(
            () => Decrypt(reordered, Key(), segments, ByteRange.Whole(2 * Frame)),
            Throws.TypeOf<ContentTamperedException>());
    }

    [Test]
    public void APartReadUnderAnotherPartNumber_ThrowsContentTampered()
    {
        var ciphertext = Encrypt(PlaintextBytes, Key(), partNumber: 1);

        Assert.That(
            () => Decrypt(ciphertext, Key(), [new ContentSegment(2, Size)], ByteRange.Whole(Size)),
            Throws.TypeOf<ContentTamperedException>());
    }

    [Test]
    public async Task TamperedContent_ReadAsynchronously_ThrowsContentTampered()
    {
        await using var stream = ContentEncryption.OpenPlaintextRange(
            new RecordingStoredObject(Flip(Ciphertext, Ciphertext.Length - 1)), Key(), ContentSegment.SinglePut(Size),
            ByteRange.Whole(Size));

        var exception = await Assert.CatchAsync(() => stream.CopyToAsync(Stream.Null));

        Assert.That(exception, Is.TypeOf<ContentTamperedException>());
    }
}

/// <summary>Stored bytes missing their tail, yet accepting any range: reads just come up short, as a truncated file would.</summary>
internal sealed class ShortReadStoredObject(byte[] content, int missing) : S3Emulator.Core.Storage.IStoredObject
{
    public ObjectInfo Info => new() { Bucket = "b", Key = "k", Size = content.Length, ETag = "e", LastModified = DateTimeOffset.UnixEpoch };

    public Stream OpenRead(ByteRange range)
    {
        var available = Math.Max(0, Math.Min(range.Length, content.Length - missing - range.First));
        return new MemoryStream(content, (int)range.First, (int)available, writable: false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
