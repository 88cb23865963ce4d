using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.Encryption;

/// <summary>SSE-KMS writes: how the key is named, what S3 echoes, ETags, context and bucket keys (spec/sse.md §1, §3, §4).</summary>
public sealed class SseKmsTests(Transport transport) : SseKmsTestBase(transport)
{
    [Test]
    public async Task A_put_naming_the_key_id_reports_the_full_key_ARN_on_put_get_and_head()
    {
        var key = await CreateKeyAsync();

        await ExpectKeyArnEverywhereAsync(key.KeyId, KeyArn(key.KeyId));
    }

    [Test]
    public async Task A_put_naming_the_key_ARN_reports_that_ARN_on_put_get_and_head()
    {
        var key = await CreateKeyAsync();

        await ExpectKeyArnEverywhereAsync(key.Arn, KeyArn(key.KeyId));
    }

    [Test]
    public async Task A_put_naming_an_alias_reports_the_ARN_of_the_aliased_key()
    {
        var key = await CreateKeyAsync();
        var alias = $"alias/sse-{Guid.NewGuid():N}";
        await Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = alias, TargetKeyId = key.KeyId });

        await ExpectKeyArnEverywhereAsync(alias, KeyArn(key.KeyId));
    }

    [Test]
    public async Task A_put_with_aws_kms_and_no_key_uses_the_AWS_managed_aws_s3_key()
    {
        var bucket = await CreateBucketAsync();
        var body = NewBody();

        var put = await PutKmsAsync(bucket, "default-key.txt", body);
        var described = await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = "alias/aws/s3" });

        Assert.That(put.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(put.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(described.KeyMetadata.Arn));
        Assert.That(put.ServerSideEncryptionKeyManagementServiceKeyId, Does.StartWith(KeyArn("")));
        Assert.That(described.KeyMetadata.KeyManager, Is.EqualTo(KeyManagerType.AWS));
        Assert.That(await GetTextAsync(bucket, "default-key.txt"), Is.EqualTo(body));
    }

    [Test]
    public async Task The_ETag_of_an_SSE_KMS_put_is_32_hex_but_not_the_MD5_and_differs_per_put()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();
        var body = NewBody();

        var first = await PutKmsAsync(bucket, "etag.txt", body, key.KeyId);
        var second = await PutKmsAsync(bucket, "etag.txt", body, key.KeyId);
        var head = await HeadAsync(bucket, "etag.txt");

        Assert.That(Unquoted(first.ETag), Does.Match("^[0-9a-f]{32}$"));
        Assert.That(Unquoted(second.ETag), Does.Match("^[0-9a-f]{32}$"));
        Assert.That(Unquoted(first.ETag), Is.Not.EqualTo(Md5Hex(body)));
        Assert.That(Unquoted(second.ETag), Is.Not.EqualTo(Md5Hex(body)));
        Assert.That(second.ETag, Is.Not.EqualTo(first.ETag));
        Assert.That(head.ETag, Is.EqualTo(second.ETag), "the ETag is stable once stored");
        Assert.That(await GetTextAsync(bucket, "etag.txt"), Is.EqualTo(body));
    }

    [Test]
    public async Task An_encryption_context_is_accepted_echoed_and_the_object_reads_back()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();
        var body = NewBody();
        var context = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"department":"finance","project":"x1"}"""));

        var put = await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "ctx.txt", ContentBody = body,
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
            ServerSideEncryptionKeyManagementServiceKeyId = key.KeyId,
            ServerSideEncryptionKeyManagementServiceEncryptionContext = context,
        });

        var echoed = JsonSerializer.Deserialize<Dictionary<string, string>>(
            Encoding.UTF8.GetString(Convert.FromBase64String(put.ServerSideEncryptionKeyManagementServiceEncryptionContext)))!;
        Assert.That(echoed, Does.ContainKey("department").WithValue("finance"));
        Assert.That(echoed, Does.ContainKey("project").WithValue("x1"));
        Assert.That(put.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(KeyArn(key.KeyId)));
        Assert.That(await GetTextAsync(bucket, "ctx.txt"), Is.EqualTo(body));
    }

    [TestCase("not base64 at all!")]
    [TestCase("WzEsMiwzXQ==")] // base64 of [1,2,3]: JSON, but not a string map
    [TestCase("eyJhIjoxfQ==")] // base64 of {"a":1}: a map, but not of strings
    public async Task A_malformed_encryption_context_is_rejected_with_InvalidArgument(string context)
    {
        var bucket = await CreateBucketAsync();

        var error = await ExpectS3ErrorAsync(() => S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "bad-ctx.txt", ContentBody = "x",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
            ServerSideEncryptionKeyManagementServiceEncryptionContext = context,
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidArgument"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.Message, Does.Contain("x-amz-server-side-encryption-context"));
        await ExpectS3ErrorAsync(() => S3.GetObjectMetadataAsync(bucket, "bad-ctx.txt"));
    }

    [Test]
    public async Task The_bucket_key_flag_of_a_put_is_echoed_true_on_put_get_and_head()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();
        var body = NewBody();

        var put = await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "bk.txt", ContentBody = body,
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
            ServerSideEncryptionKeyManagementServiceKeyId = key.KeyId,
            BucketKeyEnabled = true,
        });
        var get = await S3.GetObjectAsync(bucket, "bk.txt");
        var getBucketKey = get.BucketKeyEnabled;
        var content = await ReadAsync(get);
        var head = await HeadAsync(bucket, "bk.txt");

        Assert.That(put.BucketKeyEnabled, Is.True);
        Assert.That(getBucketKey, Is.True);
        Assert.That(head.BucketKeyEnabled, Is.True);
        Assert.That(content, Is.EqualTo(body));
    }

    [Test]
    public async Task Without_the_bucket_key_flag_no_bucket_key_is_reported()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();

        var put = await PutKmsAsync(bucket, "no-bk.txt", "x", key.KeyId);
        var head = await HeadAsync(bucket, "no-bk.txt");

        Assert.That(put.BucketKeyEnabled, Is.Not.True);
        Assert.That(head.BucketKeyEnabled, Is.Not.True);
    }

    [Test]
    public async Task A_ranged_get_of_an_SSE_KMS_object_returns_exactly_that_range()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();
        var body = string.Concat(Enumerable.Range(0, 5000).Select(i => (char)('a' + i % 26)));
        await PutKmsAsync(bucket, "range.txt", body, key.KeyId);

        var get = await S3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "range.txt", ByteRange = new ByteRange(1000, 2999) });
        var status = get.HttpStatusCode;
        var length = get.ContentLength;
        var algorithm = get.ServerSideEncryptionMethod;
        var content = await ReadAsync(get);

        Assert.That(status, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(length, Is.EqualTo(2000));
        Assert.That(algorithm, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(content, Is.EqualTo(body.Substring(1000, 2000)));
    }

    [Test]
    public async Task The_random_ETag_of_an_SSE_KMS_object_is_the_same_in_listings_and_on_head()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();
        var put = await PutKmsAsync(bucket, "listed.txt", NewBody(), key.KeyId);

        var listed = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        var head = await HeadAsync(bucket, "listed.txt");

        Assert.That(listed.S3Objects.Single().ETag, Is.EqualTo(put.ETag));
        Assert.That(head.ETag, Is.EqualTo(put.ETag));
    }

    [Test]
    public async Task A_put_with_aws_kms_dsse_is_echoed_as_dsse_with_the_key_ARN()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();
        var body = NewBody();

        var put = await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "dsse.txt", ContentBody = body,
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMSDSSE,
            ServerSideEncryptionKeyManagementServiceKeyId = key.KeyId,
        });
        var head = await HeadAsync(bucket, "dsse.txt");

        Assert.That(put.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMSDSSE));
        Assert.That(put.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(key.Arn));
        Assert.That(head.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMSDSSE));
        Assert.That(await GetTextAsync(bucket, "dsse.txt"), Is.EqualTo(body));
    }

    private async Task ExpectKeyArnEverywhereAsync(string keyIdInRequest, string expectedArn)
    {
        var bucket = await CreateBucketAsync();
        var body = NewBody();

        var put = await PutKmsAsync(bucket, "kms.txt", body, keyIdInRequest);
        var get = await S3.GetObjectAsync(bucket, "kms.txt");
        var (getAlgorithm, getKeyId) = (get.ServerSideEncryptionMethod, get.ServerSideEncryptionKeyManagementServiceKeyId);
        var content = await ReadAsync(get);
        var head = await HeadAsync(bucket, "kms.txt");

        Assert.That(expectedArn, Does.Match("^arn:aws:kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-f-]{36}$"));
        Assert.That(put.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(put.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(expectedArn));
        Assert.That(getAlgorithm, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(getKeyId, Is.EqualTo(expectedArn));
        Assert.That(head.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(head.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(expectedArn));
        Assert.That(content, Is.EqualTo(body));
    }
}
