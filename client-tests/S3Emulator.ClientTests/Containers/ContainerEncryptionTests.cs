using System.Text;
using Amazon.KeyManagementService.Model;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.ClientTests.Encryption;
using S3Emulator.Server.Hosting;
using Testcontainers.S3Emulator;

namespace S3Emulator.ClientTests.Containers;

/// <summary>
/// Encryption against an emulator in a container: SSE-S3, SSE-KMS with a KMS key given to the builder (and the KMS API
/// through the container's KMS client), SSE-C over the HTTPS port, and what lands in the container's <c>/data</c>:
/// ciphertext only, never the plaintext or a customer key.
/// </summary>
[Category("Docker")]
public sealed class ContainerEncryptionTests : ContainerTestBase
{
    private const string KeyId = "0c7e1a2b-3d4e-4f50-8a6b-7c8d9e0f1a2b";
    private const string KeyAlias = "alias/container-key";

    private readonly SseCTestKit _customerKey = new();

    protected override S3EmulatorBuilder Configure(S3EmulatorBuilder builder) => builder
        .WithKmsKeys(new KmsKeyOptions { KeyId = KeyId, Aliases = [KeyAlias], Description = "given to the builder" })
        // A bool that is not the default reaches the container as well: new buckets accept SSE-C here.
        .WithOptions(o => o.BlockSseCOnNewBuckets = false)
        .WithHttps();

    [Test]
    public async Task SseS3_Object_ReportsAes256AndReadsBackAsPlaintext()
    {
        var bucket = await CreateBucketAsync();

        await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "s3", ContentBody = "sse-s3 body", ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256,
        });
        var head = await S3.GetObjectMetadataAsync(bucket, "s3");
        using var get = await S3.GetObjectAsync(bucket, "s3");

        Assert.That(head.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AES256));
        Assert.That(await ReadTextAsync(get), Is.EqualTo("sse-s3 body"));
    }

    [Test]
    public async Task SseKms_WithTheAliasOfAConfiguredKey_EncryptsUnderThatKeysArn()
    {
        var bucket = await CreateBucketAsync();

        await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "kms", ContentBody = "sse-kms body",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = KeyAlias,
        });
        var head = await S3.GetObjectMetadataAsync(bucket, "kms");
        using var get = await S3.GetObjectAsync(bucket, "kms");

        Assert.That(head.ServerSideEncryptionMethod, Is.EqualTo(ServerSideEncryptionMethod.AWSKMS));
        Assert.That(head.ServerSideEncryptionKeyManagementServiceKeyId, Is.EqualTo($"arn:aws:kms:us-east-1:123456789012:key/{KeyId}"));
        Assert.That(await ReadTextAsync(get), Is.EqualTo("sse-kms body"));
    }

    [Test]
    public async Task KmsClient_FindsTheConfiguredKeyByAlias_AndRoundTripsEncryptDecrypt()
    {
        using var kms = Container.CreateKmsClient();

        var described = await kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = KeyAlias });
        var encrypted = await kms.EncryptAsync(new EncryptRequest { KeyId = KeyAlias, Plaintext = new MemoryStream("secret"u8.ToArray()) });
        var decrypted = await kms.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob });

        Assert.That(described.KeyMetadata.KeyId, Is.EqualTo(KeyId));
        Assert.That(described.KeyMetadata.Description, Is.EqualTo("given to the builder"));
        Assert.That(Encoding.UTF8.GetString(decrypted.Plaintext.ToArray()), Is.EqualTo("secret"));
        Assert.That(decrypted.KeyId, Does.EndWith(KeyId));
    }

    [Test]
    public async Task SseC_OverTheHttpsPort_ReadsBackOnlyWithTheSameKey()
    {
        var bucket = await CreateBucketAsync();
        var otherKey = new SseCTestKit();

        // WithHttps: the container's clients use its HTTPS port, which SSE-C requires.
        await S3.PutObjectAsync(_customerKey.On(new PutObjectRequest { BucketName = bucket, Key = "c", ContentBody = "sse-c body" }));
        using var get = await S3.GetObjectAsync(_customerKey.On(new GetObjectRequest { BucketName = bucket, Key = "c" }));
        var withoutKey = await ExpectS3ErrorAsync(() => S3.GetObjectAsync(bucket, "c"));
        var withOtherKey = await ExpectS3ErrorAsync(() => S3.GetObjectAsync(otherKey.On(new GetObjectRequest { BucketName = bucket, Key = "c" })));

        Assert.That(Container.GetClientUrl().Scheme, Is.EqualTo("https"));
        Assert.That(await ReadTextAsync(get), Is.EqualTo("sse-c body"));
        Assert.That(withoutKey.ErrorCode, Is.EqualTo("InvalidRequest"));
        Assert.That(withOtherKey.ErrorCode, Is.EqualTo("AccessDenied"));
    }

    [Test]
    public async Task SseC_OverThePlainHttpPort_IsRefused()
    {
        var bucket = await CreateBucketAsync();
        using var plain = Container.CreateS3Client(c => c.ServiceURL = Container.GetServiceUrl().ToString());

        var error = await ExpectS3ErrorAsync(() => plain.PutObjectAsync(_customerKey.On(new PutObjectRequest { BucketName = bucket, Key = "c", ContentBody = "v" })));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidRequest"));
        Assert.That(error.Message, Does.Contain("secure connection"));
    }

    [Test]
    public async Task DataVolume_HoldsNeitherThePlaintextOfAnyObjectNorTheCustomerKey()
    {
        var marker = "PLAINTEXT-MARKER-" + Guid.NewGuid().ToString("N");
        var body = string.Concat(Enumerable.Repeat(marker + " ", 2000));
        var bucket = await CreateBucketAsync("rest");

        await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "sse-s3", ContentBody = body });
        await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "sse-kms", ContentBody = body,
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = KeyId,
        });
        await S3.PutObjectAsync(_customerKey.On(new PutObjectRequest { BucketName = bucket, Key = "sse-c", ContentBody = body }));
        using (var get = await S3.GetObjectAsync(bucket, "sse-kms"))
        {
            Assert.That(await ReadTextAsync(get), Is.EqualTo(body), "the objects must be readable, or the scan proves nothing");
        }

        var files = await DockerEngine.ReadFolderAsync(Container.Id, "/data");

        Assert.That(files.Sum(f => f.Content.Length), Is.GreaterThan(3 * body.Length), "the three objects' content is in /data");
        foreach (var (name, content) in files)
        {
            Assert.That(Contains(content, Encoding.UTF8.GetBytes(marker)), Is.False, $"{name} holds plaintext");
            Assert.That(Contains(content, _customerKey.Key) || Contains(content, Encoding.ASCII.GetBytes(_customerKey.KeyBase64)), Is.False,
                $"{name} holds the SSE-C key");
        }
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
