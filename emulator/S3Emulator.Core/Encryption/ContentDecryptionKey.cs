using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace S3Emulator.Core.Encryption;

/// <summary>
/// An object's data key, ready to decrypt its content. A reusable key also remembers the segment keys derived from it
/// (HKDF per segment, the largest cost of reading a small object), so the reads of one object version that share it
/// derive each segment key once.
/// </summary>
/// <remarks>
/// A segment key is a pure function of the data key, the segment's 32-byte header and its part number, so a remembered
/// key is exactly the one a fresh derivation would give: the cache is keyed by the whole header and the part number,
/// and a header that fails the magic check is never remembered. Keys live only in this object's memory.
/// </remarks>
public sealed class ContentDecryptionKey : IDisposable
{
    /// <summary>How many segment keys one reusable key remembers; a multipart object's further parts are derived on each read.</summary>
    internal const int MaxRememberedSegments = 64;

    private readonly byte[] _dataKey;
    // Concurrent: every read of a popular object asks this map, and a lock around it was contended under 64 readers.
    private readonly ConcurrentDictionary<SegmentId, RememberedSegment>? _segmentKeys;
    private int _disposed;

    private ContentDecryptionKey(ReadOnlySpan<byte> dataKey, bool reusable)
    {
        if (dataKey.Length != ContentEncryption.DataKeySize)
        {
            throw new ArgumentException($"A data key is {ContentEncryption.DataKeySize} bytes.", nameof(dataKey));
        }

        _dataKey = dataKey.ToArray();
        _segmentKeys = reusable ? new ConcurrentDictionary<SegmentId, RememberedSegment>() : null;
    }

    /// <summary>A key for one read (SSE-C, SSE-KMS): derives every segment key afresh; <see cref="Dispose"/> wipes it.</summary>
    /// <param name="dataKey">Copied; the caller may wipe its own copy.</param>
    public static ContentDecryptionKey ForOneRead(ReadOnlySpan<byte> dataKey) => new(dataKey, reusable: false);

    /// <summary>
    /// A key shared by many reads of one object version, remembering up to <see cref="MaxRememberedSegments"/> segment
    /// keys. <see cref="Dispose"/> does nothing: other reads may still hold it, and it goes when its holder drops it.
    /// </summary>
    /// <param name="dataKey">Copied; the caller may wipe its own copy.</param>
    public static ContentDecryptionKey Reusable(ReadOnlySpan<byte> dataKey) => new(dataKey, reusable: true);

    /// <summary>Wipes a one-read key; a reusable key stays usable.</summary>
    public void Dispose()
    {
        if (_segmentKeys is null && Interlocked.Exchange(ref _disposed, 1) == 0) CryptographicOperations.ZeroMemory(_dataKey);
    }

    /// <summary>
    /// The cipher for the segment that <paramref name="header"/> starts; a header without the magic is tampering. Give it
    /// back through <see cref="Release"/>: a reusable key keeps one idle cipher per remembered segment, so the next read
    /// of that segment skips creating one (an OpenSSL context and key schedule per GET).
    /// </summary>
    internal SegmentCipher CipherFor(int partNumber, ReadOnlySpan<byte> header)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_segmentKeys is null || header.Length != FrameLayout.HeaderSize) return SegmentCipher.Create(_dataKey, partNumber, header);

        var id = SegmentId.Of(partNumber, header);
        if (!_segmentKeys.TryGetValue(id, out var segment))
        {
            // DeriveKey checks the magic, so a bad header throws before anything is remembered.
            var segmentKey = new byte[ContentEncryption.DataKeySize];
            SegmentCipher.DeriveKey(_dataKey, partNumber, header, segmentKey);
            // The bound is checked loosely (racing adds may pass it by a few); it only keeps a huge multipart object small.
            if (_segmentKeys.Count >= MaxRememberedSegments) return SegmentCipher.FromSegmentKey(segmentKey, partNumber, home: null);
            segment = _segmentKeys.GetOrAdd(id, new RememberedSegment(segmentKey));
        }

        return Interlocked.Exchange(ref segment.Idle, null) ?? SegmentCipher.FromSegmentKey(segment.Key, partNumber, segment);
    }

    /// <summary>Takes back a cipher from <see cref="CipherFor"/>: kept as its segment's idle cipher if there is none, else disposed.</summary>
    internal static void Release(SegmentCipher cipher)
    {
        if (cipher.Home is RememberedSegment segment && Interlocked.CompareExchange(ref segment.Idle, cipher, null) is null) return;
        cipher.Dispose();
    }

    /// <summary>A segment's identity for the cache: its part number and its whole header (magic and 28-byte salt).</summary>
    private readonly record struct SegmentId(int PartNumber, UInt128 Low, UInt128 High)
    {
        public static SegmentId Of(int partNumber, ReadOnlySpan<byte> header) => new(
            partNumber,
            BinaryPrimitives.ReadUInt128LittleEndian(header[..16]),
            BinaryPrimitives.ReadUInt128LittleEndian(header.Slice(16, 16)));
    }

    /// <summary>A remembered segment key, and a cipher under it that no read is using (a cipher serves one read at a time).</summary>
    private sealed class RememberedSegment(byte[] key)
    {
        public SegmentCipher? Idle;

        public byte[] Key => key;
    }
}
