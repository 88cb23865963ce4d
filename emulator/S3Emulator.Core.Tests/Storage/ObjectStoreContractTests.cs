using System.Security.Cryptography;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;

namespace S3Emulator.Core.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IObjectStore"/> must have. Each store subclasses this once; a store with
/// persistence overrides <see cref="Reopen"/> so the same assertions also run against a fresh instance.
/// </summary>
public abstract partial class ObjectStoreContractTests
{
    protected const string BucketName = "bucket";
    protected static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private CancellationTokenSource _timeout = null!;

    protected IObjectStore Store { get; set; } = null!;

    /// <summary>Cancels a test that hangs instead of hanging the run.</summary>
    protected CancellationToken Ct => _timeout.Token;

    protected abstract IObjectStore CreateStore();

    /// <summary>A new store instance over the same state, as after a restart; the same instance when nothing persists.</summary>
    protected virtual IObjectStore Reopen(IObjectStore store) => store;

    /// <summary>Asserts that no temp files are left and exactly <paramref name="contentFiles"/> contents (objects and parts) are stored.</summary>
    protected virtual void AssertNoStrayFiles(int contentFiles)
    {
    }

    [SetUp]
    public async Task CreateStoreWithOneBucket()
    {
        _timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        Store = CreateStore();
        Assert.That(await Store.TryCreateBucketAsync(Bucket(BucketName), Ct), Is.True);
    }

    [TearDown]
    public void DisposeTimeout() => _timeout.Dispose();

    protected static BucketInfo Bucket(string name) => new(name, "us-east-1", "111122223333", Now);

    protected static byte[] Payload(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected static string Md5Hex(byte[] content) => Convert.ToHexStringLower(MD5.HashData(content));

    protected static ObjectInfo Record(string key, long size, string etag, string bucket = BucketName) =>
        new() { Bucket = bucket, Key = key, Size = size, ETag = etag, LastModified = Now };

    protected Task<ObjectInfo> PutAsync(string key, byte[] content, string bucket = BucketName) =>
        PutAsync(key, new MemoryStream(content), Md5Hex(content), bucket);

    protected async Task<ObjectInfo> PutAsync(string key, Stream content, string etag, string bucket = BucketName) =>
        await Store.PutObjectAsync(bucket, key, content, size => Record(key, size, etag, bucket), Ct);

    protected async Task<byte[]> ReadAsync(string key, string bucket = BucketName)
    {
        await using var stored = await Store.OpenObjectAsync(bucket, key, Ct);
        Assert.That(stored, Is.Not.Null, $"object '{key}' should exist");
        return await ReadAllAsync(stored!.OpenRead(ByteRange.Whole(stored.Info.Size)));
    }

    protected static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    protected async Task<List<string>> ListKeysAsync(string prefix = "", string? after = null, string bucket = BucketName)
    {
        var keys = new List<string>();
        await foreach (var info in Store.ListObjectsAsync(bucket, prefix, after, Ct)) keys.Add(info.Key);
        return keys;
    }

    protected static void AssertS3Error(Exception? exception, S3Error expected) =>
        Assert.That((exception as S3Exception)?.Error.Code, Is.EqualTo(expected.Code), exception?.ToString());

    /// <summary>Records hold collections, which record equality compares by reference: compare them by content.</summary>
    protected static void AssertSameRecord(ObjectInfo? actual, ObjectInfo expected)
    {
        Assert.That(actual, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                actual! with { UserMetadata = expected.UserMetadata, Tags = expected.Tags, Parts = expected.Parts },
                Is.EqualTo(expected));
            Assert.That(actual.UserMetadata, Is.EquivalentTo(expected.UserMetadata));
            Assert.That(actual.Tags, Is.EqualTo(expected.Tags));
            Assert.That(actual.Parts, Is.EqualTo(expected.Parts));
        }
    }
}
