using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.Encryption;

/// <summary>
/// CopyObject between encryption kinds: the source is opened with its own key, the target gets only the
/// encryption the copy request (or the bucket default) names (spec/sse.md §1, §3). SSE-C goes over HTTPS.
/// </summary>
public sealed class CopyAcrossEncryptionTests(Transport transport) : SseKmsTestBase(transport)
{
    [Test]
    public async Task An_SSE_C_source_copied_to_SSE_KMS_reads_back_without_the_customer_key()
    {
        var bucket = await SseCBucketAsync();
        var customer = SseCKey.New();
        var kmsKey = await CreateKeyAsync();
        var body = NewBody();
        await PutSseCAsync(bucket, "secret.txt", body, customer);

        var copy = await SecureS3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "secret.txt", DestinationBucket = bucket, DestinationKey = "kms.txt",
            CopySourceServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256,
            CopySourceServerSideEncryptionCustomerProvidedKey = customer.Key,
            CopySourceServerSideEncryptionCustomerProvidedKeyMD5 = customer.KeyMd5,
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
            ServerSideEncryptionKeyManagementServiceKeyId = kmsKey.KeyId,
        });
        var head = await HeadAsync(bucket, "kms.txt");

        Assert.That(copy.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(copy.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(kmsKey.Arn));
        Assert.That(copy.ServerSideEncryptionCustomerMethod?.Value, Is.Null.Or.Empty, "the target is not SSE-C");
        Assert.That(Unquoted(copy.ETag), Does.Match("^[0-9a-f]{32}$").And.Not.EqualTo(Md5Hex(body)));
        Assert.That(head.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(kmsKey.Arn));
        Assert.That(await GetTextAsync(bucket, "kms.txt"), Is.EqualTo(body));
    }

    [Test]
    public async Task An_SSE_KMS_source_copied_to_SSE_S3_gets_AES256_and_the_MD5_ETag_again()
    {
        var bucket = await CreateBucketAsync();
        var kmsKey = await CreateKeyAsync();
        var body = NewBody();
        var source = await PutKmsAsync(bucket, "kms.txt", body, kmsKey.KeyId);

        var copy = await S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "kms.txt", DestinationBucket = bucket, DestinationKey = "s3.txt",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256,
        });
        var head = await HeadAsync(bucket, "s3.txt");

        Assert.That(Unquoted(source.ETag), Is.Not.EqualTo(Md5Hex(body)));
        Assert.That(copy.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AES256));
        Assert.That(copy.ServerSideEncryptionKeyManagementServiceKeyId, Is.Null);
        Assert.That(Unquoted(copy.ETag), Is.EqualTo(Md5Hex(body)));
        Assert.That(head.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AES256));
        Assert.That(head.ServerSideEncryptionKeyManagementServiceKeyId, Is.Null);
        Assert.That(await GetTextAsync(bucket, "s3.txt"), Is.EqualTo(body));
    }

    [Test]
    public async Task An_SSE_KMS_source_copied_without_headers_takes_the_bucket_default_not_the_source_key()
    {
        var bucket = await CreateBucketAsync();
        var kmsKey = await CreateKeyAsync();
        var body = NewBody();
        await PutKmsAsync(bucket, "kms.txt", body, kmsKey.KeyId);

        var copy = await S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "kms.txt", DestinationBucket = bucket, DestinationKey = "default.txt",
        });

        Assert.That(copy.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AES256));
        Assert.That(Unquoted(copy.ETag), Is.EqualTo(Md5Hex(body)));
        Assert.That(await GetTextAsync(bucket, "default.txt"), Is.EqualTo(body));
    }

    [Test]
    public async Task An_SSE_KMS_source_copied_under_another_KMS_key_reports_the_new_key_and_a_new_ETag()
    {
        var bucket = await CreateBucketAsync();
        var first = await CreateKeyAsync();
        var second = await CreateKeyAsync();
        var body = NewBody();
        var source = await PutKmsAsync(bucket, "one.txt", body, first.KeyId);

        var copy = await S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "one.txt", DestinationBucket = bucket, DestinationKey = "two.txt",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = second.Arn,
        });

        Assert.That(copy.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(second.Arn));
        Assert.That(Unquoted(copy.ETag), Does.Match("^[0-9a-f]{32}$").And.Not.EqualTo(Md5Hex(body)).And.Not.EqualTo(Unquoted(source.ETag)));
        Assert.That(await GetTextAsync(bucket, "two.txt"), Is.EqualTo(body));
    }

    [Test]
    public async Task A_default_encrypted_source_copied_to_SSE_C_needs_the_customer_key_to_read()
    {
        var bucket = await SseCBucketAsync();
        var customer = SseCKey.New();
        var body = NewBody();
        await PutTextAsync(bucket, "plain.txt", body);

        var copy = await SecureS3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "plain.txt", DestinationBucket = bucket, DestinationKey = "secret.txt",
            ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256,
            ServerSideEncryptionCustomerProvidedKey = customer.Key,
            ServerSideEncryptionCustomerProvidedKeyMD5 = customer.KeyMd5,
        });
        var withoutKey = await ExpectS3ErrorAsync(() => SecureS3.GetObjectAsync(bucket, "secret.txt"));
        var withKey = await GetSseCTextAsync(bucket, "secret.txt", customer);

        Assert.That(copy.ServerSideEncryptionCustomerMethod, Is.EqualTo(ServerSideEncryptionCustomerMethod.AES256));
        Assert.That(copy.ServerSideEncryptionCustomerProvidedKeyMD5, Is.EqualTo(customer.KeyMd5));
        Assert.That(copy.ServerSideEncryptionMethod?.Value, Is.Null.Or.Empty, "an SSE-C object gets no x-amz-server-side-encryption header");
        Assert.That(Unquoted(copy.ETag), Does.Match("^[0-9a-f]{32}$").And.Not.EqualTo(Md5Hex(body)));
        Assert.That(withoutKey.ErrorCode, Is.EqualTo("InvalidRequest"));
        Assert.That(withoutKey.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(withKey, Is.EqualTo(body));
    }

    [Test]
    public async Task An_SSE_C_source_copied_without_the_copy_source_key_fails_with_InvalidRequest()
    {
        var bucket = await SseCBucketAsync();
        var customer = SseCKey.New();
        await PutSseCAsync(bucket, "secret.txt", "hidden", customer);

        var error = await ExpectS3ErrorAsync(() => SecureS3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "secret.txt", DestinationBucket = bucket, DestinationKey = "copy.txt",
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidRequest"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.Message, Does.Contain("The object was stored using a form of Server Side Encryption"));
        var missing = await ExpectS3ErrorAsync(() => S3.GetObjectMetadataAsync(bucket, "copy.txt"));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task An_SSE_C_source_copied_without_target_headers_lands_as_SSE_S3_with_the_MD5_ETag()
    {
        var bucket = await SseCBucketAsync();
        var customer = SseCKey.New();
        var body = NewBody();
        var source = await PutSseCAsync(bucket, "secret.txt", body, customer);

        var copy = await SecureS3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "secret.txt", DestinationBucket = bucket, DestinationKey = "open.txt",
            CopySourceServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256,
            CopySourceServerSideEncryptionCustomerProvidedKey = customer.Key,
            CopySourceServerSideEncryptionCustomerProvidedKeyMD5 = customer.KeyMd5,
        });

        Assert.That(Unquoted(source.ETag), Is.Not.EqualTo(Md5Hex(body)), "an SSE-C ETag is not the MD5");
        Assert.That(copy.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AES256));
        Assert.That(Unquoted(copy.ETag), Is.EqualTo(Md5Hex(body)));
        Assert.That(await GetTextAsync(bucket, "open.txt"), Is.EqualTo(body));
    }

    [Test]
    public async Task An_SSE_C_object_copied_to_a_new_customer_key_opens_only_with_the_new_key()
    {
        var bucket = await SseCBucketAsync();
        var oldKey = SseCKey.New();
        var newKey = SseCKey.New();
        var body = NewBody();
        await PutSseCAsync(bucket, "secret.txt", body, oldKey);

        await SecureS3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "secret.txt", DestinationBucket = bucket, DestinationKey = "rekeyed.txt",
            CopySourceServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256,
            CopySourceServerSideEncryptionCustomerProvidedKey = oldKey.Key,
            CopySourceServerSideEncryptionCustomerProvidedKeyMD5 = oldKey.KeyMd5,
            ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256,
            ServerSideEncryptionCustomerProvidedKey = newKey.Key,
            ServerSideEncryptionCustomerProvidedKeyMD5 = newKey.KeyMd5,
        });
        var withOldKey = await ExpectS3ErrorAsync(() => GetSseCTextAsync(bucket, "rekeyed.txt", oldKey));

        Assert.That(withOldKey.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(withOldKey.ErrorCode, Is.EqualTo("AccessDenied"));
        Assert.That(await GetSseCTextAsync(bucket, "rekeyed.txt", newKey), Is.EqualTo(body));
    }

    [Test]
    public async Task An_SSE_C_source_copied_as_a_part_into_a_KMS_multipart_upload_reads_back_as_KMS()
    {
        var bucket = await SseCBucketAsync();
        var customer = SseCKey.New();
        var kmsKey = await CreateKeyAsync();
        var body = new string('p', 5 * 1024 * 1024) + "end";
        await PutSseCAsync(bucket, "secret.txt", body, customer);
        var initiate = await S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = bucket, Key = "assembled.txt",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = kmsKey.KeyId,
        });

        var part1 = await SecureS3.CopyPartAsync(new CopyPartRequest
        {
            SourceBucket = bucket, SourceKey = "secret.txt", DestinationBucket = bucket, DestinationKey = "assembled.txt",
            UploadId = initiate.UploadId, PartNumber = 1,
            CopySourceServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256,
            CopySourceServerSideEncryptionCustomerProvidedKey = customer.Key,
            CopySourceServerSideEncryptionCustomerProvidedKeyMD5 = customer.KeyMd5,
        });
        var part2 = await SecureS3.CopyPartAsync(new CopyPartRequest
        {
            SourceBucket = bucket, SourceKey = "secret.txt", DestinationBucket = bucket, DestinationKey = "assembled.txt",
            UploadId = initiate.UploadId, PartNumber = 2, FirstByte = 0, LastByte = 9,
            CopySourceServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256,
            CopySourceServerSideEncryptionCustomerProvidedKey = customer.Key,
            CopySourceServerSideEncryptionCustomerProvidedKeyMD5 = customer.KeyMd5,
        });
        var complete = await S3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket, Key = "assembled.txt", UploadId = initiate.UploadId,
            PartETags = [new PartETag(1, part1.ETag), new PartETag(2, part2.ETag)],
        });

        Assert.That(part1.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(part1.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(kmsKey.Arn));
        Assert.That(complete.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(kmsKey.Arn));
        Assert.That(await GetTextAsync(bucket, "assembled.txt"), Is.EqualTo(body + body[..10]));
    }

    [Test]
    public async Task A_bucket_key_source_copied_under_aws_kms_without_the_flag_shows_no_bucket_key()
    {
        var bucket = await CreateBucketAsync();
        var kmsKey = await CreateKeyAsync();
        await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "bk.txt", ContentBody = "bucket key",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = kmsKey.KeyId,
            BucketKeyEnabled = true,
        });

        var copy = await S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "bk.txt", DestinationBucket = bucket, DestinationKey = "bk.txt",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = kmsKey.KeyId,
        });
        var head = await HeadAsync(bucket, "bk.txt");

        Assert.That(copy.BucketKeyEnabled, Is.Not.True);
        Assert.That(head.BucketKeyEnabled, Is.Not.True);
        Assert.That(head.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(kmsKey.Arn));
        Assert.That(await GetTextAsync(bucket, "bk.txt"), Is.EqualTo("bucket key"));
    }

    private async Task<string> SseCBucketAsync()
    {
        var bucket = await CreateBucketAsync();
        await AllowSseCAsync(bucket);
        return bucket;
    }

    private Task<PutObjectResponse> PutSseCAsync(string bucket, string key, string body, SseCKey customer) =>
        SecureS3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = key, ContentBody = body,
            ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256,
            ServerSideEncryptionCustomerProvidedKey = customer.Key,
            ServerSideEncryptionCustomerProvidedKeyMD5 = customer.KeyMd5,
        });

    private async Task<string> GetSseCTextAsync(string bucket, string key, SseCKey customer) =>
        await ReadAsync(await SecureS3.GetObjectAsync(new GetObjectRequest
        {
            BucketName = bucket, Key = key,
            ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256,
            ServerSideEncryptionCustomerProvidedKey = customer.Key,
            ServerSideEncryptionCustomerProvidedKeyMD5 = customer.KeyMd5,
        }));
}
