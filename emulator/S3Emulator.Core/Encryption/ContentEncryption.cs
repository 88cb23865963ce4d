using System.Buffers;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;

namespace S3Emulator.Core.Encryption;

/// <summary>
/// Object content encryption: each part (or the single PUT body) is a segment of fixed-size AES-256-GCM
/// frames, so a range read decrypts only the frames it touches and any tampering is detected when the bad
/// frame is read. The layout is specified in <c>docs/encryption.md</c>.
/// </summary>
/// <remarks>
/// The constants below define the format of data already on disk: they must never change. A different
/// layout needs a new segment magic (see <see cref="SegmentHeaderSize"/>) and a reader for both.
/// </remarks>
public static class ContentEncryption
{
    /// <summary>Plaintext bytes per frame; only a segment's last frame may be shorter (or empty, for an empty segment).</summary>
    public const int PlaintextFrameSize = 64 * 1024;

    /// <summary>The AES-GCM tag that follows each frame's ciphertext.</summary>
    public const int TagSize = 16;

    /// <summary>The header that starts every segment: the 4-byte magic <c>S3E1</c> and a 28-byte random salt.</summary>
    public const int SegmentHeaderSize = 32;

    /// <summary>Length of a data key (AES-256).</summary>
    public const int DataKeySize = 32;

    /// <summary>The stored (ciphertext) length of one segment of <paramref name="plaintextLength"/> bytes.</summary>
    public static long CiphertextLength(long plaintextLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(plaintextLength);
        return FrameLayout.SegmentCiphertextLength(plaintextLength);
    }

    /// <summary>The stored length of an object made of <paramref name="segments"/> (its parts, concatenated).</summary>
    public static long CiphertextLength(IReadOnlyList<ContentSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return segments.Sum(s => CiphertextLength(s.PlaintextSize));
    }

    /// <summary>
    /// Wraps <paramref name="plaintext"/> in a read-only, forward-only stream that yields the ciphertext of one
    /// segment as it is read, holding about one frame in memory. A fresh random segment salt is drawn each call,
    /// so re-uploading a part number under the same data key never reuses a key/nonce pair.
    /// </summary>
    /// <param name="plaintext">Read to its end; not disposed by the returned stream.</param>
    /// <param name="dataKey">The object's (or multipart upload's) 32-byte data key; not retained.</param>
    /// <param name="partNumber">0 for a single PUT, the part number (1–10000) for a multipart part.</param>
    public static Stream Encrypt(Stream plaintext, ReadOnlySpan<byte> dataKey, int partNumber)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        return new EncryptingStream(plaintext, dataKey, partNumber, SegmentCipher.NewHeader());
    }

    /// <summary>
    /// Opens <paramref name="plaintextRange"/> of an encrypted object for reading. Only the ciphertext of the
    /// frames overlapping the range (plus each touched segment's header) is read from <paramref name="stored"/>.
    /// Reading throws <see cref="ContentTamperedException"/> at the first frame that fails authentication or is
    /// missing; no byte of such a frame is ever returned.
    /// </summary>
    /// <param name="stored">The stored ciphertext; the stream does not dispose it.</param>
    /// <param name="dataKey">The 32-byte data key; copied, and wiped when the stream is disposed.</param>
    /// <param name="segments">The object's segments in stored order: <see cref="ContentSegment.SinglePut"/> or one per part.</param>
    /// <param name="plaintextRange">A range of the plaintext; the empty range (0, -1) of an empty object is allowed.</param>
    public static Stream OpenPlaintextRange(
        IStoredObject stored, ReadOnlySpan<byte> dataKey, IReadOnlyList<ContentSegment> segments, ByteRange plaintextRange)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(segments);
        var plans = SegmentPlan.Build(segments);
        var key = ContentDecryptionKey.ForOneRead(dataKey);
        try
        {
            return new DecryptingRangeStream(stored, key, ownsKey: true, plans, plaintextRange);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>
    /// <see cref="OpenPlaintextRange(IStoredObject, ReadOnlySpan{byte}, IReadOnlyList{ContentSegment}, ByteRange)"/> with a
    /// key that may be shared by many reads; the stream does not dispose <paramref name="key"/>.
    /// </summary>
    public static Stream OpenPlaintextRange(
        IStoredObject stored, ContentDecryptionKey key, IReadOnlyList<ContentSegment> segments, ByteRange plaintextRange)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(segments);
        return new DecryptingRangeStream(stored, key, ownsKey: false, SegmentPlan.Build(segments), plaintextRange);
    }

    /// <summary>
    /// Writes <paramref name="plaintextRange"/> of an encrypted object to <paramref name="destination"/> frame by frame,
    /// with no stream copy in between, calling <paramref name="flushAsync"/> whenever <paramref name="flushThreshold"/>
    /// bytes were written since the last call. A frame is written only after its tag verified; one that fails throws
    /// <see cref="ContentTamperedException"/> before any of its bytes reaches <paramref name="destination"/>.
    /// </summary>
    /// <param name="decryptInDestination">
    /// True when <paramref name="destination"/>'s <see cref="IBufferWriter{T}.GetMemory"/> cheaply hands out a whole frame
    /// (<see cref="PlaintextFrameSize"/> + <see cref="TagSize"/>) in one piece: large frames are then decrypted in that memory
    /// and committed after their tag verified, instead of being decrypted in a buffer of their own and copied.
    /// </param>
    /// <param name="startAsync">
    /// A response's start (its headers written, nothing sent), or null. Given, it is called when the first frame is a
    /// large one, once that frame verified and before any byte is written to <paramref name="destination"/>; the frame's
    /// bytes are then written behind the headers in one piece. A first frame that fails throws before it is called.
    /// </param>
    public static async Task CopyPlaintextRangeAsync(
        IStoredObject stored, ContentDecryptionKey key, IReadOnlyList<ContentSegment> segments, ByteRange plaintextRange,
        IBufferWriter<byte> destination, Func<CancellationToken, ValueTask> flushAsync, int flushThreshold,
        bool decryptInDestination, Func<CancellationToken, ValueTask>? startAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(flushAsync);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(flushThreshold);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(segments);
        var stream = new DecryptingRangeStream(stored, key, ownsKey: false, SegmentPlan.Build(segments), plaintextRange);
        await using (stream.ConfigureAwait(false))
        {
            await stream.CopyToAsync(destination, flushAsync, flushThreshold, decryptInDestination, startAsync, cancellationToken).ConfigureAwait(false);
        }
    }
}
