using System.Buffers;
using S3Emulator.Core.Encryption;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Core.Storage.InMemory;
using static S3Emulator.Core.Tests.Encryption.EncryptionTestData;

namespace S3Emulator.Core.Tests.Encryption;

/// <summary>The in-memory store keeps each frame in one chunk, and a read decrypts it from there, as safely as a copy.</summary>
public sealed class InPlaceDecryptionTests
{
    private const int Size = (3 * Frame) + 10;

    private static readonly byte[] PlaintextBytes = Plaintext(Size);
    private static readonly byte[] Ciphertext = Encrypt(PlaintextBytes, Key());

    private static readonly long[] DamagedPositions =
    [
        Header, Header + CipherFrame - 1,                             // frame 0 text and tag
        Header + CipherFrame + 5, Header + (2L * CipherFrame) - 1,    // frame 1
        Header + (3L * CipherFrame), Ciphertext.Length - 1L,          // the final frame
    ];

    [Test]
    public async Task EveryFrameOfAStoredObject_LiesInOneChunk()
    {
        await using var stored = await StoreAsync(Ciphertext);

        for (var frame = 0; frame < 4; frame++)
        {
            var length = frame < 3 ? CipherFrame : 10 + ContentEncryption.TagSize;
            Assert.That(((IInPlaceContent)stored).TryGetMemory(Header + ((long)frame * CipherFrame), length, out _), Is.True, $"frame {frame}");
        }
    }

    [Test]
    public async Task EveryFrameOfEachPart_LiesInOneChunk_OnceThePartsAreJoined()
    {
        var (ciphertext, segments) = EncryptParts(Key(), Plaintext((2 * Frame) + 7, 1), Plaintext(3, 2), Plaintext(Frame, 3));
        var parts = new List<ChunkedContent>();
        long offset = 0;
        foreach (var segment in segments)
        {
            var length = (int)FrameLayout.SegmentCiphertextLength(segment.PlaintextSize);
            parts.Add(await ChunkedContent.ReadFromAsync(new MemoryStream(ciphertext, (int)offset, length), CancellationToken.None));
            offset += length;
        }

        var joined = ChunkedContent.Concat(parts);

        Assert.That(joined.TryGetMemory(Header, CipherFrame, out _), Is.True, "part 1, frame 0");
        Assert.That(joined.TryGetMemory(Header + CipherFrame, CipherFrame, out _), Is.True, "part 1, frame 1");
        var part3 = FrameLayout.SegmentCiphertextLength((2 * Frame) + 7) + FrameLayout.SegmentCiphertextLength(3);
        Assert.That(joined.TryGetMemory(part3 + Header, CipherFrame, out var frame), Is.True, "part 3, frame 0");
        Assert.That(frame.ToArray(), Is.EqualTo(ciphertext[(int)(part3 + Header)..(int)(part3 + Header + CipherFrame)]));
    }

    [Test]
    public async Task BytesAcrossTwoChunks_AreNotHandedOutInPlace()
    {
        await using var stored = await StoreAsync(Ciphertext);

        Assert.That(((IInPlaceContent)stored).TryGetMemory(Header + CipherFrame - 1, 2, out _), Is.False);
        Assert.That(((IInPlaceContent)stored).TryGetMemory(Ciphertext.Length - 1, 2, out _), Is.False, "past the end");
    }

    [TestCase(0, Size - 1)]
    [TestCase(5, Frame + 3)]
    [TestCase(Frame, (2 * Frame) - 1)]
    [TestCase(Size - 1, Size - 1)]
    public async Task ARangeReadFromTheInMemoryStore_IsItsPlaintext(int first, int last)
    {
        await using var stored = await StoreAsync(Ciphertext);

        var read = Decrypt(stored, Key(), ContentSegment.SinglePut(Size), new ByteRange(first, last));

        Assert.That(read, Is.EqualTo(PlaintextBytes[first..(last + 1)]));
    }

    [TestCaseSource(nameof(DamagedPositions))]
    public async Task AFlippedByte_InAFrameDecryptedInPlace_ThrowsContentTampered(long position)
    {
        await using var stored = await StoreAsync(Flip(Ciphertext, position));

        Assert.That(
            () => Decrypt(stored, Key(), ContentSegment.SinglePut(Size), ByteRange.Whole(Size)),
            Throws.TypeOf<ContentTamperedException>());
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task AFrameDecryptedInPlace_ThatFails_LeavesNothingOfItInTheDestination(bool decryptInDestination)
    {
        await using var stored = await StoreAsync(Flip(Ciphertext, Header + CipherFrame + 5));
        var destination = new ArrayBufferWriter<byte>();

        var copy = () => ContentEncryption.CopyPlaintextRangeAsync(
            stored, ContentDecryptionKey.Reusable(Key()), ContentSegment.SinglePut(Size), ByteRange.Whole(Size), destination,
            _ => ValueTask.CompletedTask, flushThreshold: Frame, decryptInDestination, startAsync: null, CancellationToken.None);

        Assert.That(copy, Throws.TypeOf<ContentTamperedException>());
        Assert.That(destination.WrittenSpan.ToArray(), Is.EqualTo(PlaintextBytes[..Frame]), "only the frame before the damaged one");
    }
}
