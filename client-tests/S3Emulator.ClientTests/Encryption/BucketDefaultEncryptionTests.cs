using System.Net;
using System.Text;
using Amazon.KeyManagementService.Model;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.Encryption;

/// <summary>The bucket's default encryption applies to every write that names none (spec/sse.md §4, §5).</summary>
public sealed class BucketDefaultEncryptionTests(Transport transport) : SseKmsTestBase(transport)
{
    [Test]
    public async Task A_put_without_headers_into_a_KMS_default_bucket_uses_the_bucket_key_and_bucket_key_flag()
    {
        var (bucket, key) = await KmsDefaultBucketAsync();
        var body = NewBody();

        var put = await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "default.txt", ContentBody = body });
        var head = await HeadAsync(bucket, "default.txt");

        Assert.That(put.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(put.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(key.Arn));
        Assert.That(put.BucketKeyEnabled, Is.True);
        Assert.That(Unquoted(put.ETag), Is.Not.EqualTo(Md5Hex(body)));
        Assert.That(head.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(head.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(key.Arn));
        Assert.That(head.BucketKeyEnabled, Is.True);
        Assert.That(await GetTextAsync(bucket, "default.txt"), Is.EqualTo(body));
    }

    [Test]
    public async Task A_copy_without_headers_into_a_KMS_default_bucket_uses_the_bucket_default()
    {
        var (bucket, key) = await KmsDefaultBucketAsync();
        var sourceBucket = await CreateBucketAsync();
        var body = NewBody();
        await PutTextAsync(sourceBucket, "plain.txt", body);

        var copy = await S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = sourceBucket, SourceKey = "plain.txt", DestinationBucket = bucket, DestinationKey = "copied.txt",
        });
        var head = await HeadAsync(bucket, "copied.txt");

        Assert.That(copy.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(copy.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(key.Arn));
        Assert.That(copy.BucketKeyEnabled, Is.True);
        Assert.That(head.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(key.Arn));
        Assert.That(head.BucketKeyEnabled, Is.True);
        Assert.That(await GetTextAsync(bucket, "copied.txt"), Is.EqualTo(body));
    }

    [Test]
    public async Task A_multipart_upload_without_headers_into_a_KMS_default_bucket_uses_the_bucket_default()
    {
        var (bucket, key) = await KmsDefaultBucketAsync();
        var first = new string('m', 5 * 1024 * 1024);
        const string second = "tail";

        var initiate = await S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = "multi.txt" });
        var part1 = await UploadPartAsync(bucket, "multi.txt", initiate.UploadId, 1, first);
        var part2 = await UploadPartAsync(bucket, "multi.txt", initiate.UploadId, 2, second);
        var complete = await S3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket, Key = "multi.txt", UploadId = initiate.UploadId,
            PartETags = [new PartETag(1, part1.ETag), new PartETag(2, part2.ETag)],
        });
        var head = await HeadAsync(bucket, "multi.txt");

        Assert.That(initiate.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(initiate.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(key.Arn));
        Assert.That(initiate.BucketKeyEnabled, Is.True);
        Assert.That(complete.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(complete.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(key.Arn));
        Assert.That(head.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(key.Arn));
        Assert.That(head.BucketKeyEnabled, Is.True);
        Assert.That(await GetTextAsync(bucket, "multi.txt"), Is.EqualTo(first + second));
    }

    [Test]
    public async Task An_explicit_AES256_request_overrides_a_KMS_bucket_default()
    {
        var (bucket, _) = await KmsDefaultBucketAsync();
        var body = NewBody();

        var put = await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "sse-s3.txt", ContentBody = body, ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256,
        });

        Assert.That(put.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AES256));
        Assert.That(put.ServerSideEncryptionKeyManagementServiceKeyId, Is.Null);
        Assert.That(Unquoted(put.ETag), Is.EqualTo(Md5Hex(body)));
        Assert.That(await GetTextAsync(bucket, "sse-s3.txt"), Is.EqualTo(body));
    }

    [Test]
    public async Task An_explicit_KMS_key_overrides_the_key_of_the_bucket_default()
    {
        var (bucket, _) = await KmsDefaultBucketAsync();
        var other = await CreateKeyAsync();

        var put = await PutKmsAsync(bucket, "other-key.txt", "x", other.KeyId);

        Assert.That(put.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(other.Arn));
    }

    [Test]
    public async Task After_DeleteBucketEncryption_new_puts_are_AES256_again()
    {
        var (bucket, _) = await KmsDefaultBucketAsync();
        await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "before.txt", ContentBody = "before" });

        await S3.DeleteBucketEncryptionAsync(new DeleteBucketEncryptionRequest { BucketName = bucket });
        var body = NewBody();
        var put = await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "after.txt", ContentBody = body });
        var before = await HeadAsync(bucket, "before.txt");

        Assert.That(put.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AES256));
        Assert.That(put.ServerSideEncryptionKeyManagementServiceKeyId, Is.Null);
        Assert.That(put.BucketKeyEnabled, Is.Not.True);
        Assert.That(Unquoted(put.ETag), Is.EqualTo(Md5Hex(body)));
        Assert.That(before.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS), "existing objects keep their encryption");
        Assert.That(await GetTextAsync(bucket, "after.txt"), Is.EqualTo(body));
        Assert.That(await GetTextAsync(bucket, "before.txt"), Is.EqualTo("before"));
    }

    [Test]
    public async Task A_KMS_default_without_a_key_uses_the_AWS_managed_aws_s3_key()
    {
        var bucket = await CreateBucketAsync();
        await SetBucketDefaultAsync(bucket, ServerSideEncryptionMethod.AWSKMS);

        var put = await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "managed.txt", ContentBody = "managed" });
        var managed = await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = "alias/aws/s3" });

        Assert.That(put.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(put.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(managed.KeyMetadata.Arn));
        Assert.That(put.BucketKeyEnabled, Is.Not.True);
        Assert.That(await GetTextAsync(bucket, "managed.txt"), Is.EqualTo("managed"));
    }

    [Test]
    public async Task A_KMS_default_naming_an_alias_reports_the_ARN_of_the_aliased_key()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();
        var alias = $"alias/bucket-{Guid.NewGuid():N}";
        await Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = alias, TargetKeyId = key.KeyId });
        await SetBucketDefaultAsync(bucket, ServerSideEncryptionMethod.AWSKMS, alias);

        var put = await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "aliased.txt", ContentBody = "aliased" });

        Assert.That(put.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(key.Arn));
        Assert.That(await GetTextAsync(bucket, "aliased.txt"), Is.EqualTo("aliased"));
    }

    [Test]
    public async Task A_KMS_default_naming_an_unknown_key_is_accepted_but_writes_fail_with_KMS_NotFoundException()
    {
        var bucket = await CreateBucketAsync();
        var missing = Guid.NewGuid().ToString("D");
        await SetBucketDefaultAsync(bucket, ServerSideEncryptionMethod.AWSKMS, missing);

        var error = await ExpectS3ErrorAsync(() => PutTextAsync(bucket, "x.txt", "x"));

        Assert.That(error.ErrorCode, Is.EqualTo("KMS.NotFoundException"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private async Task<(string Bucket, KeyMetadata Key)> KmsDefaultBucketAsync()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();
        await SetBucketDefaultAsync(bucket, ServerSideEncryptionMethod.AWSKMS, key.KeyId, bucketKey: true);
        return (bucket, key);
    }

    private Task<UploadPartResponse> UploadPartAsync(string bucket, string key, string uploadId, int number, string content) =>
        S3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket, Key = key, UploadId = uploadId, PartNumber = number,
            InputStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
        });
}
