using S3Emulator.Core.Encryption;
using S3Emulator.Core.Model;
using S3Emulator.Core.Tests.Storage;

namespace S3Emulator.Core.Tests.Encryption;

/// <summary>Bodies are streamed, never buffered whole (INVARIANTS.md): encryption holds about one frame.</summary>
public sealed class ContentEncryptionMemoryTests
{
    private const long Size = 64L << 20;
    private const long Budget = 1L << 20;

    [Test]
    public void Encrypting64MiB_AllocatesFarLessThanTheObject()
    {
        var buffer = new byte[80 * 1024];
        var before = GC.GetAllocatedBytesForCurrentThread();

        long total = 0;
        using (var ciphertext = ContentEncryption.Encrypt(new PatternStream(Size), EncryptionTestData.Key(), 1))
        {
            int read;
            while ((read = ciphertext.Read(buffer)) > 0) total += read;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(total, Is.EqualTo(ContentEncryption.CiphertextLength(Size)));
        Assert.That(allocated, Is.LessThan(Budget));
    }

    [Test]
    public void Decrypting64MiB_AllocatesFarLessThanTheObject()
    {
        var stored = new RecordingStoredObject(Encrypt64MiB());
        var buffer = new byte[80 * 1024];
        var before = GC.GetAllocatedBytesForCurrentThread();

        long total = 0;
        using (var plaintext = ContentEncryption.OpenPlaintextRange(
            stored, EncryptionTestData.Key(), ContentSegment.SinglePut(Size), ByteRange.Whole(Size)))
        {
            int read;
            while ((read = plaintext.Read(buffer)) > 0) total += read;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(total, Is.EqualTo(Size));
        Assert.That(allocated, Is.LessThan(Budget));
    }

    private static byte[] Encrypt64MiB()
    {
        using var ciphertext = ContentEncryption.Encrypt(new PatternStream(Size), EncryptionTestData.Key(), 0);
        var bytes = new byte[ContentEncryption.CiphertextLength(Size)];
        ciphertext.ReadExactly(bytes);
        return bytes;
    }
}
