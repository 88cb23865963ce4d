using System.Buffers;
using S3Emulator.Core.Encryption;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Core.Storage.FileSystem;
using static S3Emulator.Core.Tests.Encryption.EncryptionTestData;

namespace S3Emulator.Core.Tests.Storage;

/// <summary>
/// A large encrypted version read from the file store, frame by frame and window by window of whatever the store reads
/// it through: the same bytes for any range, damage on disk (a flipped byte, a file cut short) reported as tampering
/// with no byte of the bad frame written, a version deleted or overwritten mid-read still read whole, and reads
/// abandoned half-way leave nothing behind.
/// </summary>
public sealed partial class FileSystemObjectStoreTests
{

    /// <summary>40 frames and a short one: about 2.6 MiB of ciphertext, more than a 1 MiB GET's and more than one 2 MiB read window.</summary>
    private const int LargeSize = (40 * Frame) + 10;

    private static readonly byte[] LargePlaintext = Plaintext(LargeSize, 7);
    private static readonly byte[] LargeCiphertext = Encrypt(LargePlaintext, Key());

    /// <summary>Frame 1 (text and tag), a frame past the first window, and the final frame.</summary>
    private static readonly long[] LargeDamage =
    [
        Header + CipherFrame + 5, Header + (2L * CipherFrame) - 1,
        Header + (35L * CipherFrame) + 100, LargeCiphertext.Length - 1L,
    ];

    [TestCase(0, LargeSize - 1, true)]
    [TestCase(0, LargeSize - 1, false)]
    [TestCase(5, Frame + 3, true)]
    [TestCase(Frame - 1, (33 * Frame) + 1, true)]
    [TestCase(Frame - 1, (33 * Frame) + 1, false)]
    [TestCase(31 * Frame, LargeSize - 1, true)]
    [TestCase(LargeSize - 1, LargeSize - 1, true)]
    public async Task ARangeOfALargeEncryptedObject_CopiedFromTheFileStore_IsItsPlaintext(int first, int last, bool decryptInDestination)
    {
        await PutAsync("large", LargeCiphertext);
        await using var stored = await Store.OpenObjectAsync(BucketName, "large", Ct);
        var destination = new ArrayBufferWriter<byte>();

        await CopyPlaintextAsync(stored!, new ByteRange(first, last), destination, decryptInDestination);

        Assert.That(destination.WrittenSpan.ToArray(), Is.EqualTo(LargePlaintext[first..(last + 1)]));
    }

    [TestCase(0, LargeSize - 1)]
    [TestCase(Frame - 1, (33 * Frame) + 1)]
    public async Task ARangeOfALargeEncryptedObject_ReadAsAStreamFromTheFileStore_IsItsPlaintext(int first, int last)
    {
        await PutAsync("large", LargeCiphertext);
        await using var stored = await Store.OpenObjectAsync(BucketName, "large", Ct);

        var read = Decrypt(stored!, Key(), ContentSegment.SinglePut(LargeSize), new ByteRange(first, last));

        Assert.That(read, Is.EqualTo(LargePlaintext[first..(last + 1)]));
    }

    [TestCaseSource(nameof(LargeDamage))]
    public async Task AFlippedByteInALargeVersionFile_ThrowsContentTampered_AndNoByteOfTheDamagedFrameIsWritten(long position)
    {
        await PutAsync("large", LargeCiphertext);
        FlipOnDisk(VersionFilesOf("large").Single(), VersionFile.HeaderSize + position);
        await using var stored = await Store.OpenObjectAsync(BucketName, "large", Ct);
        var destination = new ArrayBufferWriter<byte>();

        var copy = () => CopyPlaintextAsync(stored!, ByteRange.Whole(LargeSize), destination, decryptInDestination: true);

        Assert.That(copy, Throws.TypeOf<ContentTamperedException>());
        var damagedFrame = (int)((position - Header) / CipherFrame);
        Assert.That(destination.WrittenSpan.ToArray(), Is.EqualTo(LargePlaintext[..(damagedFrame * Frame)]), "only the frames before the damaged one");
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task ALargeVersionFileCutShortOnDisk_ThrowsContentTampered_WhenTheReadReachesTheCut(bool decryptInDestination)
    {
        await PutAsync("large", LargeCiphertext);
        var cut = VersionFile.HeaderSize + Header + (20L * CipherFrame) + 100;
        using (var file = File.Open(VersionFilesOf("large").Single(), FileMode.Open, FileAccess.ReadWrite))
        {
            file.SetLength(cut);
        }

        await using var stored = await Store.OpenObjectAsync(BucketName, "large", Ct);
        var destination = new ArrayBufferWriter<byte>();

        var copy = () => CopyPlaintextAsync(stored!, ByteRange.Whole(LargeSize), destination, decryptInDestination);

        Assert.That(copy, Throws.TypeOf<ContentTamperedException>());
        Assert.That(destination.WrittenSpan.ToArray(), Is.EqualTo(LargePlaintext[..(20 * Frame)]), "the frames before the cut");
    }

    [Test]
    public async Task ALargeVersionOpenedBeforeADeleteAndAnOverwrite_StillReadsWhole()
    {
        await PutAsync("large", LargeCiphertext);
        await using var stored = await Store.OpenObjectAsync(BucketName, "large", Ct);
        await using var plaintext = ContentEncryption.OpenPlaintextRange(stored!, Key(), ContentSegment.SinglePut(LargeSize), ByteRange.Whole(LargeSize));
        var start = new byte[3 * Frame];
        await plaintext.ReadExactlyAsync(start, Ct);

        await Store.DeleteObjectAsync(BucketName, "large", Ct);
        Assert.That(VersionFilesOf("large"), Is.Empty, "the version file is unlinked");
        await PutAsync("large", Encrypt(Plaintext(LargeSize, 8), Key()));
        using var rest = new MemoryStream();
        await plaintext.CopyToAsync(rest, Ct);

        Assert.That(start.Concat(rest.ToArray()).ToArray(), Is.EqualTo(LargePlaintext));
    }

    [Test]
    public async Task ManyLargeReadsOpenedAndAbandonedHalfWay_LeaveTheStoreReadable()
    {
        await PutAsync("large", LargeCiphertext);
        for (var i = 0; i < 50; i++)
        {
            await using var stored = await Store.OpenObjectAsync(BucketName, "large", Ct);
            using var cancel = new CancellationTokenSource();
            var destination = new ArrayBufferWriter<byte>();
            var flushes = 0;
            var copy = ContentEncryption.CopyPlaintextRangeAsync(
                stored!, ContentDecryptionKey.Reusable(Key()), ContentSegment.SinglePut(LargeSize), ByteRange.Whole(LargeSize),
                destination,
                ct =>
                {
                    // A client that goes away after a few frames: the read is cancelled mid-object.
                    if (++flushes == 1 + (i % 30)) cancel.Cancel();
                    ct.ThrowIfCancellationRequested();
                    return ValueTask.CompletedTask;
                },
                flushThreshold: Frame, decryptInDestination: true, startAsync: null, cancel.Token);
            Assert.That(async () => await copy, Throws.InstanceOf<OperationCanceledException>());
        }

        await using var last = await Store.OpenObjectAsync(BucketName, "large", Ct);
        var whole = new ArrayBufferWriter<byte>();
        await CopyPlaintextAsync(last!, ByteRange.Whole(LargeSize), whole, decryptInDestination: true);
        Assert.That(whole.WrittenSpan.ToArray(), Is.EqualTo(LargePlaintext));
    }

    private static Task CopyPlaintextAsync(IStoredObject stored, ByteRange range, ArrayBufferWriter<byte> destination, bool decryptInDestination) =>
        ContentEncryption.CopyPlaintextRangeAsync(
            stored, ContentDecryptionKey.Reusable(Key()), ContentSegment.SinglePut(LargeSize), range, destination,
            _ => ValueTask.CompletedTask, flushThreshold: Frame, decryptInDestination, startAsync: null, CancellationToken.None);

    private static void FlipOnDisk(string path, long position)
    {
        using var file = File.Open(path, FileMode.Open, FileAccess.ReadWrite);
        var one = new byte[1];
        file.Position = position;
        file.ReadExactly(one);
        one[0] ^= 0x01;
        file.Position = position;
        file.Write(one);
    }
}
