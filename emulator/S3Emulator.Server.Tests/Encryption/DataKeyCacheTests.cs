using S3Emulator.Core.Encryption;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Encryption;

namespace S3Emulator.Server.Tests.Encryption;

/// <summary>The SSE-S3 data key cache answers exactly what unsealing would: the same key, or the same failure.</summary>
public sealed class DataKeyCacheTests
{
    private readonly MasterKey _master = MasterKey.FromBytes(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    [Test]
    public void ASecondRead_OfTheSameSealedKeyAndBinding_GetsTheCachedKey()
    {
        var cache = new DataKeyCache(_master);
        var sealedKey = _master.Seal(DataKeys.NewDataKey(), "bucket/key");

        Assert.That(cache.GetOrUnseal(sealedKey, "bucket/key"), Is.SameAs(cache.GetOrUnseal(sealedKey.ToArray(), "bucket/key")));
    }

    [Test]
    public void ACachedKey_DoesNotOpenUnderAnotherBinding()
    {
        var cache = new DataKeyCache(_master);
        var sealedKey = _master.Seal(DataKeys.NewDataKey(), "bucket/key");
        cache.GetOrUnseal(sealedKey, "bucket/key");

        Assert.That(() => cache.GetOrUnseal(sealedKey, "bucket/other"), Throws.TypeOf<KeyUnsealException>());
    }

    [Test]
    public void ADamagedSealedKey_FailsEveryTime_AndLeavesTheIntactOneReadable()
    {
        var cache = new DataKeyCache(_master);
        var dataKey = DataKeys.NewDataKey();
        var sealedKey = _master.Seal(dataKey, "bucket/key");
        var damaged = sealedKey.ToArray();
        damaged[^1] ^= 1;

        Assert.That(() => cache.GetOrUnseal(damaged, "bucket/key"), Throws.TypeOf<KeyUnsealException>());
        Assert.That(() => cache.GetOrUnseal(damaged, "bucket/key"), Throws.TypeOf<KeyUnsealException>(), "a failure is not cached");
        Assert.That(Decrypts(cache.GetOrUnseal(sealedKey, "bucket/key"), dataKey), Is.True);
    }

    [Test]
    public void TwoVersionsOfOneKey_EachGetTheirOwnDataKey()
    {
        var cache = new DataKeyCache(_master);
        var (first, second) = (DataKeys.NewDataKey(), DataKeys.NewDataKey());

        var firstKey = cache.GetOrUnseal(_master.Seal(first, "bucket/key"), "bucket/key");
        var secondKey = cache.GetOrUnseal(_master.Seal(second, "bucket/key"), "bucket/key");

        Assert.That(Decrypts(firstKey, first) && Decrypts(secondKey, second) && !Decrypts(secondKey, first), Is.True);
    }

    [Test]
    public void TheCache_ForgetsItsOldestKey_BeyondItsCapacity()
    {
        var cache = new DataKeyCache(_master);
        var oldest = _master.Seal(DataKeys.NewDataKey(), "bucket/0");
        var kept = cache.GetOrUnseal(oldest, "bucket/0");
        for (var i = 1; i <= DataKeyCache.Capacity; i++)
        {
            cache.GetOrUnseal(_master.Seal(DataKeys.NewDataKey(), $"bucket/{i}"), $"bucket/{i}");
        }

        Assert.That(cache.GetOrUnseal(oldest, "bucket/0"), Is.Not.SameAs(kept));
    }

    /// <summary>Whether <paramref name="key"/> reads content encrypted under <paramref name="dataKey"/>.</summary>
    private static bool Decrypts(ContentDecryptionKey key, byte[] dataKey)
    {
        var plaintext = "content"u8.ToArray();
        using var ciphertext = new MemoryStream();
        using (var encrypting = ContentEncryption.Encrypt(new MemoryStream(plaintext), dataKey, partNumber: 0))
        {
            encrypting.CopyTo(ciphertext);
        }

        using var stream = ContentEncryption.OpenPlaintextRange(
            new BytesObject(ciphertext.ToArray()), key, ContentSegment.SinglePut(plaintext.Length), ByteRange.Whole(plaintext.Length));
        try
        {
            using var read = new MemoryStream();
            stream.CopyTo(read);
            return read.ToArray().SequenceEqual(plaintext);
        }
        catch (ContentTamperedException)
        {
            return false;
        }
    }

    private sealed class BytesObject(byte[] content) : IStoredObject
    {
        public ObjectInfo Info { get; } = new()
        {
            Bucket = "bucket",
            Key = "key",
            Size = content.Length,
            ETag = "etag",
            LastModified = DateTimeOffset.UnixEpoch,
        };

        public Stream OpenRead(ByteRange range) => new MemoryStream(content, (int)range.First, (int)range.Length, writable: false);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
