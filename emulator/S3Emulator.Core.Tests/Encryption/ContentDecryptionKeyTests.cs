using System.Buffers;
using S3Emulator.Core.Encryption;
using S3Emulator.Core.Model;
using static S3Emulator.Core.Tests.Encryption.EncryptionTestData;

namespace S3Emulator.Core.Tests.Encryption;

/// <summary>A reusable key (cached segment keys) and the buffer-writer copy read exactly what a one-read stream reads.</summary>
public sealed class ContentDecryptionKeyTests
{
    private const int Size = (2 * Frame) + 10;

    [Test]
    public void AReusableKey_ReadsEverySegmentOfAMultipartObject_AgainAndAgain()
    {
        var parts = new[] { Plaintext(Frame + 7, 1), Plaintext(3, 2), Plaintext(0, 3), Plaintext(Frame, 4) };
        var (ciphertext, segments) = EncryptParts(Key(), parts);
        var whole = parts.SelectMany(p => p).ToArray();
        var key = ContentDecryptionKey.Reusable(Key());

        for (var read = 0; read < 3; read++)
        {
            using var stream = ContentEncryption.OpenPlaintextRange(
                new RecordingStoredObject(ciphertext), key, segments, ByteRange.Whole(whole.Length));
            Assert.That(ReadAll(stream), Is.EqualTo(whole), $"read {read}");
        }
    }

    [Test]
    public void TwoReadsOfOneSegment_AtOnce_UnderOneReusableKey_EachReadTheirBytes()
    {
        // Each read holds its own cipher while it runs; the key hands its idle one to one read only.
        var plaintext = Plaintext(Size);
        var ciphertext = Encrypt(plaintext, Key());
        var key = ContentDecryptionKey.Reusable(Key());
        using var first = ContentEncryption.OpenPlaintextRange(
            new RecordingStoredObject(ciphertext), key, ContentSegment.SinglePut(Size), ByteRange.Whole(Size));
        using var second = ContentEncryption.OpenPlaintextRange(
            new RecordingStoredObject(ciphertext), key, ContentSegment.SinglePut(Size), ByteRange.Whole(Size));
        var (a, b) = (new byte[Size], new byte[Size]);

        for (var offset = 0; offset < Size; offset += 1000)
        {
            var count = Math.Min(1000, Size - offset);
            first.ReadExactly(a, offset, count);
            second.ReadExactly(b, offset, count);
        }

        Assert.That((a, b), Is.EqualTo((plaintext, plaintext)));
    }

    [Test]
    public void AReusableKey_StillRejectsATamperedSegment_AfterReadingTheIntactOne()
    {
        var plaintext = Plaintext(Size);
        var ciphertext = Encrypt(plaintext, Key());
        var key = ContentDecryptionKey.Reusable(Key());
        using (var intact = ContentEncryption.OpenPlaintextRange(
            new RecordingStoredObject(ciphertext), key, ContentSegment.SinglePut(Size), ByteRange.Whole(Size)))
        {
            Assert.That(ReadAll(intact), Is.EqualTo(plaintext));
        }

        // A flipped salt byte is another segment key; a flipped frame byte fails under the remembered one.
        foreach (var position in new long[] { 10, ContentEncryption.SegmentHeaderSize + 5 })
        {
            using var tampered = ContentEncryption.OpenPlaintextRange(
                new RecordingStoredObject(Flip(ciphertext, position)), key, ContentSegment.SinglePut(Size), ByteRange.Whole(Size));
            Assert.That(() => ReadAll(tampered), Throws.TypeOf<ContentTamperedException>(), $"byte {position}");
        }
    }

    [Test]
    public void AReusableKey_DoesNotOpenAnotherKeysContent()
    {
        var ciphertext = Encrypt(Plaintext(100), Key(first: 1));
        var key = ContentDecryptionKey.Reusable(Key());

        using var stream = ContentEncryption.OpenPlaintextRange(
            new RecordingStoredObject(ciphertext), key, ContentSegment.SinglePut(100), ByteRange.Whole(100));
        Assert.That(() => ReadAll(stream), Throws.TypeOf<ContentTamperedException>());
    }

    [Test]
    public void AOneReadKey_CannotBeUsedAfterItIsDisposed()
    {
        var ciphertext = Encrypt(Plaintext(100), Key());
        var key = ContentDecryptionKey.ForOneRead(Key());
        key.Dispose();

        using var stream = ContentEncryption.OpenPlaintextRange(
            new RecordingStoredObject(ciphertext), key, ContentSegment.SinglePut(100), ByteRange.Whole(100));
        Assert.That(() => ReadAll(stream), Throws.TypeOf<ObjectDisposedException>());
    }

    [TestCase(0, Size - 1, new[] { Frame, 2 * Frame }, false)]
    [TestCase(5, Frame + 3, new int[0], false)]
    [TestCase(3, Size - 1, new[] { Frame - 3 + Frame }, false)]
    [TestCase(Size - 1, Size - 1, new int[0], false)]
    [TestCase(0, Size - 1, new[] { Frame, 2 * Frame }, true)]
    [TestCase(5, Frame + 3, new int[0], true)]
    [TestCase(3, Size - 1, new[] { Frame - 3 + Frame }, true)]
    [TestCase(Size - 1, Size - 1, new int[0], true)]
    public async Task CopyingToABufferWriter_WritesTheRange_AndFlushesEveryThreshold(
        int first, int last, int[] expectedFlushes, bool decryptInDestination)
    {
        var plaintext = Plaintext(Size);
        var destination = new ArrayBufferWriter<byte>();
        var flushedAt = new List<int>();

        await ContentEncryption.CopyPlaintextRangeAsync(
            new RecordingStoredObject(Encrypt(plaintext, Key())), ContentDecryptionKey.Reusable(Key()),
            ContentSegment.SinglePut(Size), new ByteRange(first, last), destination,
            _ =>
            {
                flushedAt.Add(destination.WrittenCount);
                return ValueTask.CompletedTask;
            },
            flushThreshold: Frame, decryptInDestination, startAsync: null, CancellationToken.None);

        Assert.That(destination.WrittenSpan.ToArray(), Is.EqualTo(plaintext[first..(last + 1)]));
        Assert.That(flushedAt, Is.EqualTo(expectedFlushes), "written bytes at each flush");
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task CopyingToABufferWriter_WritesNothingOfAFrameThatFails(bool decryptInDestination)
    {
        var plaintext = Plaintext(Size);
        var tampered = Flip(Encrypt(plaintext, Key()), ContentEncryption.SegmentHeaderSize + Frame + ContentEncryption.TagSize + 5);
        var destination = new ArrayBufferWriter<byte>();

        var copy = () => ContentEncryption.CopyPlaintextRangeAsync(
            new RecordingStoredObject(tampered), ContentDecryptionKey.ForOneRead(Key()), ContentSegment.SinglePut(Size),
            ByteRange.Whole(Size), destination, _ => ValueTask.CompletedTask, flushThreshold: Frame, decryptInDestination,
            startAsync: null, CancellationToken.None);

        Assert.That(copy, Throws.TypeOf<ContentTamperedException>());
        Assert.That(destination.WrittenSpan.ToArray(), Is.EqualTo(plaintext[..Frame]), "only the frame before the damaged one");
    }

    [Test]
    public async Task CopyingInTheDestinationsMemory_CommitsEachWholeLargeFrameAtOnce_AndCopiesTheRest()
    {
        var parts = new[] { Plaintext((2 * Frame) + 7, 1), Plaintext(3, 2), Plaintext(Frame, 3) };
        var (ciphertext, segments) = EncryptParts(Key(), parts);
        var whole = parts.SelectMany(p => p).ToArray();
        var destination = new RecordingBufferWriter(servesFrames: true);

        await ContentEncryption.CopyPlaintextRangeAsync(
            new RecordingStoredObject(ciphertext), ContentDecryptionKey.Reusable(Key()), segments,
            new ByteRange(1, whole.Length - 1), destination, _ => ValueTask.CompletedTask, flushThreshold: Frame,
            decryptInDestination: true, startAsync: null, CancellationToken.None);

        Assert.That(destination.Written, Is.EqualTo(whole[1..]));
        // Part 1's frame 0 starts before the range, and the small frames stay in the pooled buffer: those are copied in
        // blocks; part 1's frame 1 and part 3's frame 0 are committed whole.
        Assert.That(destination.Advances.Where(a => a > RecordingBufferWriter.Block), Is.EqualTo(new[] { Frame, Frame }));
        Assert.That(destination.FrameSizedRequests, Is.EqualTo(2));
    }

    [Test]
    public async Task CopyingInTheDestinationsMemory_CopiesAFrameTheMemoryCannotHold()
    {
        var plaintext = Plaintext(Size);
        var destination = new RecordingBufferWriter(servesFrames: false);

        await ContentEncryption.CopyPlaintextRangeAsync(
            new RecordingStoredObject(Encrypt(plaintext, Key())), ContentDecryptionKey.Reusable(Key()),
            ContentSegment.SinglePut(Size), ByteRange.Whole(Size), destination, _ => ValueTask.CompletedTask,
            flushThreshold: Frame, decryptInDestination: true, startAsync: null, CancellationToken.None);

        Assert.That(destination.Written, Is.EqualTo(plaintext));
        Assert.That(destination.Advances, Has.All.LessThanOrEqualTo(RecordingBufferWriter.Block));
    }

    /// <summary>
    /// An <see cref="IBufferWriter{T}"/> that hands out 4 KiB blocks as Kestrel's pipe does, and a whole frame when asked
    /// for more if it <c>servesFrames</c>; it records each Advance.
    /// </summary>
    private sealed class RecordingBufferWriter(bool servesFrames) : IBufferWriter<byte>
    {
        public const int Block = 4096;

        private readonly ArrayBufferWriter<byte> _inner = new();

        public byte[] Written => _inner.WrittenSpan.ToArray();

        public List<int> Advances { get; } = [];

        public int FrameSizedRequests { get; private set; }

        public void Advance(int count)
        {
            Advances.Add(count);
            _inner.Advance(count);
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            if (sizeHint > Frame) FrameSizedRequests++;
            var memory = _inner.GetMemory(sizeHint);
            return servesFrames && sizeHint > Block ? memory : memory[..Math.Min(memory.Length, Block)];
        }

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
    }
}
