using System.Net;
using Amazon.KeyManagementService.Model;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.Encryption;

/// <summary>KMS failures seen through S3: unknown keys and key states, as S3 errors coded KMS.* (spec/sse.md §2, kms.md §5).</summary>
public sealed class SseKmsKeyErrorTests(Transport transport) : SseKmsTestBase(transport)
{
    [Test]
    public async Task A_put_naming_a_key_id_that_is_not_a_UUID_fails_with_KMS_NotFoundException()
    {
        var bucket = await CreateBucketAsync();

        var error = await ExpectS3ErrorAsync(() => PutKmsAsync(bucket, "k.txt", "x", "fake-key-id"));

        Assert.That(error.ErrorCode, Is.EqualTo("KMS.NotFoundException"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.Message, Does.Contain("Invalid keyId 'fake-key-id'"));
        await ExpectNoObjectAsync(bucket, "k.txt");
    }

    [Test]
    public async Task A_put_naming_a_UUID_that_is_no_key_fails_with_KMS_NotFoundException()
    {
        var bucket = await CreateBucketAsync();
        var missing = Guid.NewGuid().ToString("D");

        var error = await ExpectS3ErrorAsync(() => PutKmsAsync(bucket, "k.txt", "x", missing));

        Assert.That(error.ErrorCode, Is.EqualTo("KMS.NotFoundException"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.Message, Does.Contain($"Key '{KeyArn(missing)}' does not exist"));
        await ExpectNoObjectAsync(bucket, "k.txt");
    }

    [Test]
    public async Task A_put_naming_a_key_ARN_in_another_region_fails_with_KMS_NotFoundException()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();
        var otherRegion = Emulator.Options.Region == "us-west-2" ? "eu-west-1" : "us-west-2";
        var elsewhere = $"arn:aws:kms:{otherRegion}:{Emulator.Options.AccountId}:key/{key.KeyId}";

        var error = await ExpectS3ErrorAsync(() => PutKmsAsync(bucket, "k.txt", "x", elsewhere));

        Assert.That(error.ErrorCode, Is.EqualTo("KMS.NotFoundException"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.Message, Does.Contain($"Invalid arn {otherRegion}"));
    }

    [Test]
    public async Task Creating_a_multipart_upload_or_a_copy_with_an_unknown_key_fails_with_KMS_NotFoundException()
    {
        var bucket = await CreateBucketAsync();
        await PutTextAsync(bucket, "source.txt", "x");

        var initiate = await ExpectS3ErrorAsync(() => S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = bucket, Key = "m.txt",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = "fake-key-id",
        }));
        var copy = await ExpectS3ErrorAsync(() => S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "source.txt", DestinationBucket = bucket, DestinationKey = "c.txt",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = Guid.NewGuid().ToString("D"),
        }));

        Assert.That(initiate.ErrorCode, Is.EqualTo("KMS.NotFoundException"));
        Assert.That(copy.ErrorCode, Is.EqualTo("KMS.NotFoundException"));
        await ExpectNoObjectAsync(bucket, "c.txt");
    }

    [Test]
    public async Task A_put_under_a_disabled_key_fails_with_KMS_DisabledException()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();
        await Kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });

        var error = await ExpectS3ErrorAsync(() => PutKmsAsync(bucket, "k.txt", "x", key.KeyId));

        Assert.That(error.ErrorCode, Is.EqualTo("KMS.DisabledException"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.Message, Does.Contain($"{KeyArn(key.KeyId)} is disabled."));
        await ExpectNoObjectAsync(bucket, "k.txt");
    }

    [Test]
    public async Task Disabling_the_key_makes_gets_fail_with_KMS_DisabledException_until_it_is_enabled_again()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();
        var body = NewBody();
        await PutKmsAsync(bucket, "k.txt", body, key.KeyId);

        await Kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });
        var error = await ExpectS3ErrorAsync(() => GetTextAsync(bucket, "k.txt"));
        await Kms.EnableKeyAsync(new EnableKeyRequest { KeyId = key.KeyId });
        var afterEnable = await GetTextAsync(bucket, "k.txt");

        Assert.That(error.ErrorCode, Is.EqualTo("KMS.DisabledException"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.Message, Does.Contain($"{KeyArn(key.KeyId)} is disabled."));
        Assert.That(afterEnable, Is.EqualTo(body));
    }

    [Test]
    public async Task A_get_under_a_key_pending_deletion_fails_with_KMS_KMSInvalidStateException()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();
        await PutKmsAsync(bucket, "k.txt", "doomed", key.KeyId);

        await Kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = key.KeyId, PendingWindowInDays = 7 });
        var error = await ExpectS3ErrorAsync(() => GetTextAsync(bucket, "k.txt"));

        Assert.That(error.ErrorCode, Is.EqualTo("KMS.KMSInvalidStateException"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.Message, Does.Contain($"{KeyArn(key.KeyId)} is pending deletion."));
    }

    [Test]
    public async Task Cancelling_the_deletion_and_enabling_the_key_makes_the_object_readable_again()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();
        var body = NewBody();
        await PutKmsAsync(bucket, "k.txt", body, key.KeyId);
        await Kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = key.KeyId, PendingWindowInDays = 7 });

        await Kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = key.KeyId });
        await Kms.EnableKeyAsync(new EnableKeyRequest { KeyId = key.KeyId });

        Assert.That(await GetTextAsync(bucket, "k.txt"), Is.EqualTo(body));
    }

    [Test]
    public async Task A_KMS_key_id_without_the_aws_kms_algorithm_is_rejected_with_InvalidArgument()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();

        var error = await ExpectS3ErrorAsync(() => S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "k.txt", ContentBody = "x", ServerSideEncryptionKeyManagementServiceKeyId = key.KeyId,
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidArgument"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        await ExpectNoObjectAsync(bucket, "k.txt");
    }

    [Test]
    public async Task A_head_needs_no_data_key_so_it_still_works_while_the_key_is_disabled()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();
        await PutKmsAsync(bucket, "k.txt", "x", key.KeyId);

        await Kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });
        var head = await HeadAsync(bucket, "k.txt");

        Assert.That(head.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo(key.Arn));
    }

    [Test]
    public async Task Copying_an_object_whose_KMS_key_is_disabled_fails_with_KMS_DisabledException()
    {
        var bucket = await CreateBucketAsync();
        var key = await CreateKeyAsync();
        await PutKmsAsync(bucket, "k.txt", "x", key.KeyId);

        await Kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });
        var error = await ExpectS3ErrorAsync(() => S3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "k.txt", DestinationBucket = bucket, DestinationKey = "copy.txt",
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("KMS.DisabledException"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        await ExpectNoObjectAsync(bucket, "copy.txt");
    }

    private async Task ExpectNoObjectAsync(string bucket, string key)
    {
        var error = await ExpectS3ErrorAsync(() => S3.GetObjectMetadataAsync(bucket, key));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a failed write leaves no object behind");
    }
}
