using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.Encryption;

/// <summary>SSE-S3, the encryption every object gets when nothing else is asked for (spec/sse.md §1, §3, §4).</summary>
public sealed class SseS3Tests(Transport transport) : SseKmsTestBase(transport)
{
    [Test]
    public async Task A_put_without_encryption_headers_is_reported_as_AES256_with_the_body_MD5_as_ETag()
    {
        var bucket = await CreateBucketAsync();
        var body = NewBody();

        var put = await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "plain.txt", ContentBody = body });

        Assert.That(put.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AES256));
        Assert.That(put.ServerSideEncryptionKeyManagementServiceKeyId, Is.Null);
        Assert.That(Unquoted(put.ETag), Is.EqualTo(Md5Hex(body)));
        Assert.That(await GetTextAsync(bucket, "plain.txt"), Is.EqualTo(body));
    }

    [Test]
    public async Task Get_and_head_of_an_SSE_S3_object_show_AES256_and_the_MD5_ETag()
    {
        var bucket = await CreateBucketAsync();
        var body = NewBody();
        await PutTextAsync(bucket, "read.txt", body);

        var get = await S3.GetObjectAsync(bucket, "read.txt");
        var getAlgorithm = get.ServerSideEncryptionMethod;
        var getETag = get.ETag;
        var content = await ReadAsync(get);
        var head = await HeadAsync(bucket, "read.txt");

        Assert.That(getAlgorithm, Is.EqualTo(ServerSideEncryptionMethod.AES256));
        Assert.That(head.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AES256));
        Assert.That(Unquoted(getETag), Is.EqualTo(Md5Hex(body)));
        Assert.That(Unquoted(head.ETag), Is.EqualTo(Md5Hex(body)));
        Assert.That(content, Is.EqualTo(body));
    }

    [Test]
    public async Task An_explicit_AES256_request_is_stored_and_echoed_as_SSE_S3()
    {
        var bucket = await CreateBucketAsync();
        var body = NewBody();

        var put = await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "explicit.txt", ContentBody = body, ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256,
        });
        var head = await HeadAsync(bucket, "explicit.txt");

        Assert.That(put.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AES256));
        Assert.That(head.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AES256));
        Assert.That(Unquoted(put.ETag), Is.EqualTo(Md5Hex(body)));
        Assert.That(await GetTextAsync(bucket, "explicit.txt"), Is.EqualTo(body));
    }

    [Test]
    public async Task A_copy_without_encryption_headers_is_AES256_and_keeps_the_MD5_ETag()
    {
        var bucket = await CreateBucketAsync();
        var body = NewBody();
        await PutTextAsync(bucket, "source.txt", body);

        var copy = await S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "source.txt", DestinationBucket = bucket, DestinationKey = "copy.txt",
        });

        Assert.That(copy.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AES256));
        Assert.That(Unquoted(copy.ETag), Is.EqualTo(Md5Hex(body)));
        Assert.That(await GetTextAsync(bucket, "copy.txt"), Is.EqualTo(body));
    }

    [Test]
    public async Task Every_multipart_step_without_encryption_headers_reports_AES256()
    {
        var bucket = await CreateBucketAsync();
        var first = new string('a', 5 * 1024 * 1024);
        const string second = "the small tail";

        var initiate = await S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = "multi.txt" });
        var part1 = await UploadPartAsync(bucket, "multi.txt", initiate.UploadId, 1, first);
        var part2 = await UploadPartAsync(bucket, "multi.txt", initiate.UploadId, 2, second);
        var complete = await S3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket, Key = "multi.txt", UploadId = initiate.UploadId,
            PartETags = [new PartETag(1, part1.ETag), new PartETag(2, part2.ETag)],
        });
        var head = await HeadAsync(bucket, "multi.txt");

        Assert.That(initiate.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AES256));
        Assert.That(part1.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AES256));
        Assert.That(part2.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AES256));
        Assert.That(Unquoted(part2.ETag), Is.EqualTo(Md5Hex(second)), "an SSE-S3 part's ETag is its MD5");
        Assert.That(complete.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AES256));
        Assert.That(complete.ETag, Does.Match("^\"?[0-9a-f]{32}-2\"?$"));
        Assert.That(head.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AES256));
        Assert.That(await GetTextAsync(bucket, "multi.txt"), Is.EqualTo(first + second));
    }

    private Task<UploadPartResponse> UploadPartAsync(string bucket, string key, string uploadId, int number, string content) =>
        S3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket, Key = key, UploadId = uploadId, PartNumber = number,
            InputStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)),
        });
}
