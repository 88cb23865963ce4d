using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;

namespace S3Emulator.Core.Tests.Storage;

public abstract partial class ObjectStoreContractTests
{
    [Test]
    public async Task TryCreateBucket_ForNewName_CreatesTheBucket()
    {
        var bucket = Bucket("new-bucket") with { Region = "eu-west-1" };

        Assert.That(await Store.TryCreateBucketAsync(bucket, Ct), Is.True);

        Store = Reopen(Store);
        Assert.That(await Store.GetBucketAsync("new-bucket", Ct), Is.EqualTo(bucket));
    }

    [Test]
    public async Task TryCreateBucket_WhenNameExists_ReturnsFalseAndKeepsTheOriginal()
    {
        var created = await Store.TryCreateBucketAsync(Bucket(BucketName) with { OwnerAccountId = "999999999999" }, Ct);

        Assert.That(created, Is.False);
        Assert.That(await Store.GetBucketAsync(BucketName, Ct), Is.EqualTo(Bucket(BucketName)));
    }

    [Test]
    public async Task GetBucket_WhenMissing_ReturnsNull() =>
        Assert.That(await Store.GetBucketAsync("missing", Ct), Is.Null);

    [Test]
    public async Task ListBuckets_ReturnsBucketsOrderedByName()
    {
        foreach (var name in new[] { "zeta", "alpha", "mid-1", "mid.0" })
        {
            await Store.TryCreateBucketAsync(Bucket(name), Ct);
        }

        Store = Reopen(Store);
        var names = (await Store.ListBucketsAsync(Ct)).Select(b => b.Name);

        Assert.That(names, Is.EqualTo(new[] { "alpha", BucketName, "mid-1", "mid.0", "zeta" }));
    }

    [Test]
    public async Task DeleteBucket_WhenEmpty_DeletesIt()
    {
        Assert.That(await Store.DeleteBucketAsync(BucketName, Ct), Is.EqualTo(DeleteBucketOutcome.Deleted));

        Store = Reopen(Store);
        Assert.That(await Store.GetBucketAsync(BucketName, Ct), Is.Null);
        Assert.That(await Store.ListBucketsAsync(Ct), Is.Empty);
    }

    [Test]
    public async Task DeleteBucket_WhenItHoldsAnObject_ReturnsNotEmptyAndKeepsEverything()
    {
        await PutAsync("key", [1, 2, 3]);

        Assert.That(await Store.DeleteBucketAsync(BucketName, Ct), Is.EqualTo(DeleteBucketOutcome.NotEmpty));
        Assert.That(await Store.GetBucketAsync(BucketName, Ct), Is.Not.Null);
        Assert.That(await ReadAsync("key"), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public async Task DeleteBucket_WhenMissing_ReturnsNotFound() =>
        Assert.That(await Store.DeleteBucketAsync("missing", Ct), Is.EqualTo(DeleteBucketOutcome.NotFound));

    [Test]
    public async Task DeleteBucket_WithUploadInProgress_DeletesTheBucketAndDiscardsTheUpload()
    {
        // S3 does not count in-progress multipart uploads as content: the bucket goes and takes them along.
        await Store.CreateMultipartUploadAsync(Upload("upload-1", "key"), Ct);
        await PutPartAsync("upload-1", 1, [1, 2, 3]);

        Assert.That(await Store.DeleteBucketAsync(BucketName, Ct), Is.EqualTo(DeleteBucketOutcome.Deleted));

        Assert.That(await Store.GetMultipartUploadAsync(BucketName, "upload-1", Ct), Is.Null);
        AssertNoStrayFiles(contentFiles: 0);
    }

    [Test]
    public async Task DeleteBucket_ThenCreateItAgain_StartsEmpty()
    {
        await PutAsync("key", [1]);
        await Store.DeleteObjectAsync(BucketName, "key", Ct);
        await Store.CreateMultipartUploadAsync(Upload("upload-1", "key"), Ct);
        await Store.DeleteBucketAsync(BucketName, Ct);

        Assert.That(await Store.TryCreateBucketAsync(Bucket(BucketName), Ct), Is.True);

        Store = Reopen(Store);
        Assert.That(await ListKeysAsync(), Is.Empty);
        Assert.That(await Store.ListMultipartUploadsAsync(BucketName, Ct), Is.Empty);
    }

    [Test]
    public async Task PutObject_WhenBucketMissing_ThrowsNoSuchBucket()
    {
        var exception = await Assert.CatchAsync(() => PutAsync("key", [1], bucket: "missing"));

        AssertS3Error(exception, S3Errors.NoSuchBucket);
    }

    [Test]
    public async Task ListObjects_WhenBucketMissing_ThrowsNoSuchBucket()
    {
        var exception = await Assert.CatchAsync(() => ListKeysAsync(bucket: "missing"));

        AssertS3Error(exception, S3Errors.NoSuchBucket);
    }

    [Test]
    public async Task PutObject_WhenBucketIsDeletedMeanwhile_ThrowsNoSuchBucketAndLeavesNothing()
    {
        var content = new GateStream(Payload(1000, 1));
        var put = PutAsync("key", content, "etag");
        await content.Started;
        Assert.That(await Store.DeleteBucketAsync(BucketName, Ct), Is.EqualTo(DeleteBucketOutcome.Deleted));
        content.Release();

        AssertS3Error(await Assert.CatchAsync(() => put), S3Errors.NoSuchBucket);
        Assert.That(await Store.GetBucketAsync(BucketName, Ct), Is.Null);
        AssertNoStrayFiles(contentFiles: 0);
    }

    [Test]
    public async Task UpdateBucket_ReplacesTheConfiguration_AndKeepsItAcrossReopen()
    {
        var encryption = new BucketEncryption(BucketEncryption.SseKms, "alias/my-key", BucketKeyEnabled: true, [BucketEncryption.BlockedSseC]);

        var updated = await Store.UpdateBucketAsync(BucketName, b => b with { Encryption = encryption }, Ct);
        var reopened = await Reopen(Store).GetBucketAsync(BucketName, Ct);

        Assert.That(updated?.Encryption, Is.EqualTo(encryption));
        Assert.That(reopened?.Encryption?.KmsMasterKeyId, Is.EqualTo("alias/my-key"));
        Assert.That(reopened?.Encryption?.BlockedEncryptionTypes, Is.EqualTo(new[] { BucketEncryption.BlockedSseC }));
        Assert.That(reopened?.Encryption?.BucketKeyEnabled, Is.True);
    }

    [Test]
    public async Task UpdateBucket_StoresPolicyPublicAccessBlockAndOwnership_AndKeepsThemAcrossReopen()
    {
        // Odd spacing and key order on purpose: GetBucketPolicy answers the text exactly as it was sent.
        const string policy = "{ \"Version\":\"2012-10-17\",\n  \"Statement\" : [ ] }";
        var block = new PublicAccessBlock(BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: true, RestrictPublicBuckets: false);

        await Store.UpdateBucketAsync(
            BucketName, b => b with { Policy = policy, PublicAccessBlock = block, ObjectOwnership = ObjectOwnership.ObjectWriter }, Ct);
        var reopened = await Reopen(Store).GetBucketAsync(BucketName, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reopened?.Policy, Is.EqualTo(policy));
            Assert.That(reopened?.PublicAccessBlock, Is.EqualTo(block));
            Assert.That(reopened?.ObjectOwnership, Is.EqualTo(ObjectOwnership.ObjectWriter));
        }
    }

    [Test]
    public async Task UpdateBucket_ClearingTheSettings_LeavesNoneAcrossReopen()
    {
        await Store.UpdateBucketAsync(
            BucketName, b => b with { Policy = "{}", PublicAccessBlock = PublicAccessBlock.AllBlocked, ObjectOwnership = ObjectOwnership.BucketOwnerEnforced }, Ct);

        await Store.UpdateBucketAsync(BucketName, b => b with { Policy = null, PublicAccessBlock = null, ObjectOwnership = null }, Ct);
        var reopened = await Reopen(Store).GetBucketAsync(BucketName, Ct);

        Assert.That(reopened, Is.EqualTo(Bucket(BucketName)));
    }

    [Test]
    public async Task UpdateBucket_OfAMissingBucket_ReturnsNull()
    {
        Assert.That(await Store.UpdateBucketAsync("missing", b => b, Ct), Is.Null);
    }
}
