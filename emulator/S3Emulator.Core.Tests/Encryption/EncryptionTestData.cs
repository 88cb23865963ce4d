using S3Emulator.Core.Encryption;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Core.Storage.InMemory;

namespace S3Emulator.Core.Tests.Encryption;

/// <summary>Keys, plaintexts and one-call encrypt/decrypt helpers shared by the encryption tests.</summary>
internal static class EncryptionTestData
{
    public const int Frame = ContentEncryption.PlaintextFrameSize;

    /// <summary>A segment's header, before its first frame.</summary>
    public const int Header = ContentEncryption.SegmentHeaderSize;

    /// <summary>A full frame as stored: its ciphertext and its tag.</summary>
    public const int CipherFrame = Frame + ContentEncryption.TagSize;

    public static byte[] Key(int first = 0) => Enumerable.Range(first, 32).Select(i => (byte)i).ToArray();

    public static byte[] Plaintext(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static byte[] Encrypt(byte[] plaintext, byte[] key, int partNumber = 0)
    {
        using var ciphertext = ContentEncryption.Encrypt(new MemoryStream(plaintext), key, partNumber);
        return ReadAll(ciphertext);
    }

    /// <summary>Encrypts each part with its number and concatenates, as CompleteMultipartUpload stores them.</summary>
    public static (byte[] Ciphertext, ContentSegment[] Segments) EncryptParts(byte[] key, params byte[][] parts)
    {
        var ciphertext = parts.SelectMany((part, i) => Encrypt(part, key, i + 1)).ToArray();
        var segments = parts.Select((part, i) => new ContentSegment(i + 1, part.Length)).ToArray();
        return (ciphertext, segments);
    }

    public static byte[] Decrypt(byte[] ciphertext, byte[] key, IReadOnlyList<ContentSegment> segments, ByteRange range) =>
        Decrypt(new RecordingStoredObject(ciphertext), key, segments, range);

    public static byte[] Decrypt(IStoredObject stored, byte[] key, IReadOnlyList<ContentSegment> segments, ByteRange range)
    {
        using var plaintext = ContentEncryption.OpenPlaintextRange(stored, key, segments, range);
        return ReadAll(plaintext);
    }

    public static byte[] DecryptWhole(byte[] ciphertext, byte[] key, long plaintextSize) =>
        Decrypt(ciphertext, key, ContentSegment.SinglePut(plaintextSize), ByteRange.Whole(plaintextSize));

    public static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static byte[] Flip(byte[] bytes, long position)
    {
        var copy = bytes.ToArray();
        copy[position] ^= 0x01;
        return copy;
    }

    /// <summary>Stores <paramref name="content"/> in an in-memory store and opens it, as a GET does.</summary>
    public static async Task<IStoredObject> StoreAsync(byte[] content)
    {
        var store = new InMemoryObjectStore();
        await store.TryCreateBucketAsync(new BucketInfo("bucket", "us-east-1", "111122223333", DateTimeOffset.UnixEpoch), CancellationToken.None);
        await store.PutObjectAsync(
            "bucket", "key", new MemoryStream(content),
            size => new ObjectInfo { Bucket = "bucket", Key = "key", Size = size, ETag = "etag", LastModified = DateTimeOffset.UnixEpoch },
            CancellationToken.None);
        return (await store.OpenObjectAsync("bucket", "key", CancellationToken.None))!;
    }
}

/// <summary>Stored bytes that record every range asked of them, to prove a read touches only what it needs.</summary>
internal sealed class RecordingStoredObject(byte[] content) : IStoredObject
{
    public List<ByteRange> Requests { get; } = [];

    public long BytesRequested => Requests.Sum(r => r.Length);

    public ObjectInfo Info { get; } = new()
    {
        Bucket = "bucket",
        Key = "key",
        Size = content.Length,
        ETag = "etag",
        LastModified = DateTimeOffset.UnixEpoch,
    };

    public Stream OpenRead(ByteRange range)
    {
        // Like the real stores: a range past the stored bytes is refused.
        if (range.First < 0 || range.Length < 0 || range.Last >= content.Length) throw new ArgumentOutOfRangeException(nameof(range));
        Requests.Add(range);
        return new MemoryStream(content, (int)range.First, (int)range.Length, writable: false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
