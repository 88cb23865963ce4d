using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests;

/// <summary>
/// SDKs retry a CompleteMultipartUpload whose answer was lost. S3 answers the retry as it answered the
/// first completion, for as long as the object that upload made is still the one at its key.
/// </summary>
public sealed class MultipartCompletionRetryTests(Transport transport) : MultipartTestBase(transport)
{
    [Test]
    public async Task CompleteMultipartUpload_RetriedAfterItSucceeded_AnswersTheSameResult()
    {
        var uploadId = await CreateUploadAsync("k", ChecksumAlgorithm.CRC32);
        var parts = await UploadPartsAsync("k", uploadId, [new byte[5 * MiB], [1, 2, 3]], ChecksumAlgorithm.CRC32);

        var first = await CompleteAsync("k", uploadId, parts);
        var retry = await CompleteAsync("k", uploadId, parts);

        Assert.That(retry.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(retry.ETag, Is.EqualTo(first.ETag).And.EndWith("-2\""));
        Assert.That(retry.Location, Is.EqualTo(first.Location));
        Assert.That(retry.BucketName, Is.EqualTo(Bucket));
        Assert.That(retry.Key, Is.EqualTo("k"));
        Assert.That(retry.ChecksumCRC32, Is.EqualTo(first.ChecksumCRC32).And.EndWith("-2"));
        Assert.That(retry.ChecksumType, Is.EqualTo(first.ChecksumType));
        Assert.That(retry.ServerSideEncryptionMethod, Is.EqualTo(first.ServerSideEncryptionMethod));
        Assert.That((await S3.GetObjectMetadataAsync(Bucket, "k")).ContentLength, Is.EqualTo(5 * MiB + 3));
    }

    [Test]
    public async Task CompleteMultipartUpload_RetriedWithSseKms_AnswersWithTheSameKey()
    {
        var create = await S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = Bucket, Key = "k", ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
        });
        var parts = await UploadPartsAsync("k", create.UploadId, [[7, 8, 9]]);

        var first = await CompleteAsync("k", create.UploadId, parts);
        var retry = await CompleteAsync("k", create.UploadId, parts);

        Assert.That(retry.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(retry.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(first.ServerSideEncryptionKeyManagementServiceKeyId).And.Not.Empty);
        Assert.That(retry.ETag, Is.EqualTo(first.ETag));
    }

    [Test]
    public async Task CompleteMultipartUpload_RetriedAfterTheObjectWasOverwritten_ReturnsNoSuchUpload()
    {
        var uploadId = await CreateUploadAsync("k");
        var parts = await UploadPartsAsync("k", uploadId, [[1, 2, 3]]);
        await CompleteAsync("k", uploadId, parts);
        await PutTextAsync(Bucket, "k", "replacement");

        var error = await ExpectS3ErrorAsync(() => CompleteAsync("k", uploadId, parts));

        Assert.That(error.ErrorCode, Is.EqualTo("NoSuchUpload"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await GetTextAsync(Bucket, "k"), Is.EqualTo("replacement"));
    }

    [Test]
    public async Task CompleteMultipartUpload_RetriedAfterTheObjectWasDeleted_ReturnsNoSuchUpload()
    {
        var uploadId = await CreateUploadAsync("k");
        var parts = await UploadPartsAsync("k", uploadId, [[1, 2, 3]]);
        await CompleteAsync("k", uploadId, parts);
        await S3.DeleteObjectAsync(Bucket, "k");

        var error = await ExpectS3ErrorAsync(() => CompleteAsync("k", uploadId, parts));

        Assert.That(error.ErrorCode, Is.EqualTo("NoSuchUpload"));
    }

    [Test]
    public async Task CompleteMultipartUpload_RetriedUnderAnotherKey_ReturnsNoSuchUpload()
    {
        var uploadId = await CreateUploadAsync("k");
        var parts = await UploadPartsAsync("k", uploadId, [[1, 2, 3]]);
        await CompleteAsync("k", uploadId, parts);

        var error = await ExpectS3ErrorAsync(() => CompleteAsync("other", uploadId, parts));

        Assert.That(error.ErrorCode, Is.EqualTo("NoSuchUpload"));
    }

    [Test]
    public async Task CompleteMultipartUpload_RetriedAfterTheObjectWasCopiedOntoItself_ReturnsNoSuchUpload()
    {
        var uploadId = await CreateUploadAsync("k");
        var parts = await UploadPartsAsync("k", uploadId, [[1, 2, 3]]);
        await CompleteAsync("k", uploadId, parts);
        // A copy onto itself writes a new object (a new ETag), which no longer is the one the upload made.
        await S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = Bucket, SourceKey = "k", DestinationBucket = Bucket, DestinationKey = "k",
            MetadataDirective = S3MetadataDirective.REPLACE,
        });

        var error = await ExpectS3ErrorAsync(() => CompleteAsync("k", uploadId, parts));

        Assert.That(error.ErrorCode, Is.EqualTo("NoSuchUpload"));
    }

    [Test]
    public async Task AbortMultipartUpload_AfterItCompleted_ReturnsNoSuchUpload_AndKeepsTheObject()
    {
        var uploadId = await CreateUploadAsync("k");
        var parts = await UploadPartsAsync("k", uploadId, [[1, 2, 3]]);
        await CompleteAsync("k", uploadId, parts);

        var error = await ExpectS3ErrorAsync(() => S3.AbortMultipartUploadAsync(Bucket, "k", uploadId));

        Assert.That(error.ErrorCode, Is.EqualTo("NoSuchUpload"));
        Assert.That((await S3.GetObjectMetadataAsync(Bucket, "k")).ContentLength, Is.EqualTo(3));
    }
}
