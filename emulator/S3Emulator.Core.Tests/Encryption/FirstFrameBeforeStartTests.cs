using System.Buffers;
using S3Emulator.Core.Encryption;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using static S3Emulator.Core.Tests.Encryption.EncryptionTestData;

namespace S3Emulator.Core.Tests.Encryption;

/// <summary>
/// A copy given a response's start verifies a large first frame before it starts the response, and writes that frame
/// only after the start, in one piece; a tampered first frame throws before the start, and a small one starts nothing.
/// </summary>
public sealed class FirstFrameBeforeStartTests
{
    private const int Size = (3 * Frame) + 10;

    private static readonly byte[] PlaintextBytes = Plaintext(Size, 3);
    private static readonly byte[] Ciphertext = Encrypt(PlaintextBytes, Key());

    [TestCase(0, Size - 1)]
    [TestCase(5, Frame + 3)]
    [TestCase(5, 100)]
    [TestCase(Frame - 1, Size - 1)]
    public async Task ALargeFirstFrame_IsWrittenAfterTheStart_InOnePiece_AndTheRangeIsItsPlaintext(int first, int last)
    {
        await using var stored = await StoreAsync(Ciphertext);
        var destination = new RecordingWriter();

        await CopyAsync(stored, Size, new ByteRange(first, last), destination);

        Assert.That(destination.Written, Is.EqualTo(PlaintextBytes[first..(last + 1)]));
        Assert.That(destination.Events[0], Is.EqualTo("start"), "nothing is written before the start");
        Assert.That(destination.Events.Count(e => e == "start"), Is.EqualTo(1));
        Assert.That(destination.Events[1], Is.EqualTo($"write {Math.Min(Frame - first, last - first + 1)}"), "the first frame's bytes in one piece");
    }

    [TestCase(Header + 5)]
    [TestCase(Header + CipherFrame - 1)]
    public async Task ATamperedFirstFrame_ThrowsBeforeTheStart_AndWritesNothing(long position)
    {
        await using var stored = await StoreAsync(Flip(Ciphertext, position));
        var destination = new RecordingWriter();

        var copy = () => CopyAsync(stored, Size, ByteRange.Whole(Size), destination);

        Assert.That(copy, Throws.TypeOf<ContentTamperedException>());
        Assert.That(destination.Events, Is.Empty, "neither started nor written");
    }

    [Test]
    public async Task ASmallObject_IsWrittenWithoutAStart_AsBefore()
    {
        var plaintext = Plaintext(100, 4);
        await using var stored = await StoreAsync(Encrypt(plaintext, Key()));
        var destination = new RecordingWriter();

        await CopyAsync(stored, 100, ByteRange.Whole(100), destination);

        Assert.That(destination.Written, Is.EqualTo(plaintext));
        Assert.That(destination.Events, Does.Not.Contain("start"), "a small frame stays with the server's own start");
    }

    private static Task CopyAsync(IStoredObject stored, long plaintextSize, ByteRange range, RecordingWriter destination) =>
        ContentEncryption.CopyPlaintextRangeAsync(
            stored, ContentDecryptionKey.Reusable(Key()), ContentSegment.SinglePut(plaintextSize),
            range, destination, _ => ValueTask.CompletedTask, flushThreshold: 2 * Frame, decryptInDestination: true,
            startAsync: _ =>
            {
                destination.Events.Add("start");
                return ValueTask.CompletedTask;
            },
            CancellationToken.None);

    /// <summary>A destination that records the start and each write (advance) in order; it hands out any size asked for in one piece.</summary>
    private sealed class RecordingWriter : IBufferWriter<byte>
    {
        private readonly ArrayBufferWriter<byte> _inner = new();

        public List<string> Events { get; } = [];

        public byte[] Written => _inner.WrittenSpan.ToArray();

        public void Advance(int count)
        {
            Events.Add($"write {count}");
            _inner.Advance(count);
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => _inner.GetMemory(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => _inner.GetSpan(sizeHint);
    }
}
