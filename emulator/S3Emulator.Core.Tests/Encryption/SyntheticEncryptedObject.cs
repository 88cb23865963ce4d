using S3Emulator.Core.Encryption;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Core.Tests.Storage;

namespace S3Emulator.Core.Tests.Encryption;

/// <summary>
/// A single-PUT encrypted object of any size whose ciphertext is computed on demand, frame by frame, from a
/// pattern plaintext: huge objects cost only the frames a read asks for.
/// </summary>
internal sealed class SyntheticEncryptedObject(long plaintextSize, byte[] dataKey) : IStoredObject
{
    private readonly byte[] _header = SegmentCipher.NewHeader();

    public long BytesRequested { get; private set; }

    public ObjectInfo Info => new()
    {
        Bucket = "b", Key = "k", Size = plaintextSize, ETag = "e", LastModified = DateTimeOffset.UnixEpoch,
    };

    public static byte[] Plaintext(ByteRange range)
    {
        var bytes = new byte[range.Length];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = PatternStream.ByteAt(range.First + i);
        return bytes;
    }

    public Stream OpenRead(ByteRange range)
    {
        if (range.Last >= ContentEncryption.CiphertextLength(plaintextSize)) throw new ArgumentOutOfRangeException(nameof(range));
        BytesRequested += range.Length;
        var output = new MemoryStream();
        for (var position = range.First; position <= range.Last;)
        {
            var (chunk, chunkStart) = ChunkAt(position);
            var skip = (int)(position - chunkStart);
            var count = (int)Math.Min(chunk.Length - skip, range.Last + 1 - position);
            output.Write(chunk, skip, count);
            position += count;
        }

        output.Position = 0;
        return output;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // The header, or the whole encrypted frame containing the ciphertext offset.
    private (byte[] Chunk, long Start) ChunkAt(long offset)
    {
        if (offset < _header.Length) return (_header, 0);
        var cipherFrame = ContentEncryption.PlaintextFrameSize + ContentEncryption.TagSize;
        var index = (offset - _header.Length) / cipherFrame;
        var plainStart = index * ContentEncryption.PlaintextFrameSize;
        var length = (int)Math.Min(ContentEncryption.PlaintextFrameSize, plaintextSize - plainStart);
        var frame = new byte[length + ContentEncryption.TagSize];
        Plaintext(new ByteRange(plainStart, plainStart + length - 1)).CopyTo(frame, 0);
        using var cipher = SegmentCipher.Create(dataKey, 0, _header);
        var final = plainStart + length == plaintextSize;
        cipher.EncryptInPlace(frame, length, index, final);
        return (frame, _header.Length + (index * cipherFrame));
    }
}
