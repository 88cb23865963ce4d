using BenchmarkDotNet.Attributes;
using S3Emulator.Core.Encryption;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;

namespace S3Emulator.Bench;

/// <summary>
/// The cost of content encryption alone, without HTTP: a 1 MiB encrypt+decrypt (compare with
/// <see cref="RoundTripBenchmarks"/>; the aim is under 15% of a PUT+GET), and a 4 KiB range read whose cost
/// should not depend on the object's size.
/// </summary>
[MemoryDiagnoser]
public class ContentEncryptionBenchmarks
{
    private const int OneMiB = 1 << 20;
    private const int RangeSize = 4 * 1024;

    private readonly byte[] _dataKey = DataKeys.NewDataKey();
    private readonly byte[] _copyBuffer = new byte[80 * 1024];
    private byte[] _payload = [];
    private byte[] _ciphertext = [];
    private InMemoryCiphertext _small = null!;
    private InMemoryCiphertext _large = null!;

    [Params(256L << 20)]
    public long LargeSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _payload = new byte[OneMiB];
        Random.Shared.NextBytes(_payload);
        _ciphertext = new byte[ContentEncryption.CiphertextLength(OneMiB)];
        _small = InMemoryCiphertext.Encrypt(OneMiB, _dataKey);
        _large = InMemoryCiphertext.Encrypt(LargeSize, _dataKey);
    }

    [Benchmark]
    public void EncryptThenDecrypt1MiB()
    {
        using (var encrypting = ContentEncryption.Encrypt(new MemoryStream(_payload), _dataKey, 0))
        {
            encrypting.ReadExactly(_ciphertext);
        }

        var stored = new InMemoryCiphertext(_ciphertext);
        using var plaintext = ContentEncryption.OpenPlaintextRange(
            stored, _dataKey, ContentSegment.SinglePut(OneMiB), ByteRange.Whole(OneMiB));
        Drain(plaintext);
    }

    [Benchmark]
    public void Range4KiBOfSmallObject() => ReadRange(_small, OneMiB);

    [Benchmark]
    public void Range4KiBOfLargeObject() => ReadRange(_large, LargeSize);

    private void ReadRange(InMemoryCiphertext stored, long size)
    {
        var first = (size / 2) + 1000;
        using var plaintext = ContentEncryption.OpenPlaintextRange(
            stored, _dataKey, ContentSegment.SinglePut(size), new ByteRange(first, first + RangeSize - 1));
        Drain(plaintext);
    }

    private void Drain(Stream stream)
    {
        while (stream.Read(_copyBuffer) > 0)
        {
        }
    }

    /// <summary>Ciphertext held in one array; hands out ranges the way a store does.</summary>
    private sealed class InMemoryCiphertext(byte[] ciphertext) : IStoredObject
    {
        public ObjectInfo Info { get; } = new()
        {
            Bucket = "bench", Key = "object", Size = ciphertext.Length, ETag = "etag", LastModified = DateTimeOffset.UnixEpoch,
        };

        public static InMemoryCiphertext Encrypt(long plaintextSize, byte[] dataKey)
        {
            var plaintext = new byte[plaintextSize];
            Random.Shared.NextBytes(plaintext);
            var ciphertext = new byte[ContentEncryption.CiphertextLength(plaintextSize)];
            using var encrypting = ContentEncryption.Encrypt(new MemoryStream(plaintext), dataKey, 0);
            encrypting.ReadExactly(ciphertext);
            return new InMemoryCiphertext(ciphertext);
        }

        public Stream OpenRead(ByteRange range) =>
            new MemoryStream(ciphertext, checked((int)range.First), checked((int)range.Length), writable: false);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
