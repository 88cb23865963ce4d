using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.ClientTests.Encryption;

namespace S3Emulator.ClientTests.Containers;

/// <summary>
/// The local-development loop of the README: <c>docker-compose up</c> with the seed of fixtures/data/compose, objects
/// written in every encryption mode, then <c>down</c> (the data volume kept) and <c>up</c> again. Everything written,
/// created or generated before (objects, the KMS key made through the API, the master key, the certificate, the
/// bucket's configuration) is there after, and the seed (user and policy, access point, Object Lambda access point
/// with the plug-in transform) serves as before.
/// </summary>
[NonParallelizable]
public sealed class ComposeRestartTests
{
    private const string SeededKeyAlias = "alias/s3emulator-local";
    private const string SeededKeyId = "0d9c4a5e-5b9b-4f0e-9a8b-3c2f1e0d7a61";
    private const string DeveloperAccessKey = "AKIAS3EMULATORDEVELO";
    private const string DeveloperSecretKey = "developer/K7MDENG/bPxRfiCYDEVELOPERKEY";
    private const string ObjectLambdaArn = "arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/docs-upper";
    private const string AccessPointArn = "arn:aws:s3:us-east-1:123456789012:accesspoint/docs-ap";
    private const string Bucket = "compose-restart";

    private readonly SseCTestKit _customerKey = new();
    private readonly Dictionary<string, byte[]> _written = [];
    private ComposeStack? _stack;
    private string _certificateBefore = "";
    private string _createdKeyId = "";
    private string _transformedBefore = "";

    [OneTimeSetUp]
    public async Task BringUpWriteAndRestart()
    {
        _stack = await ComposeStack.CreateAsync();
        await _stack.UpAsync();
        _certificateBefore = _stack.Certificate.GetCertHashString();

        using (var s3 = _stack.CreateS3Client())
        using (var kms = _stack.CreateKmsClient())
        {
            await s3.PutBucketAsync(Bucket);
            await SseCTestKit.AllowSseCAsync(s3, Bucket);
            _createdKeyId = (await kms.CreateKeyAsync(new CreateKeyRequest { Description = "made through the API" })).KeyMetadata.KeyId;

            await PutAsync(s3, new PutObjectRequest { BucketName = Bucket, Key = "plain.bin" });
            await PutAsync(s3, new PutObjectRequest { BucketName = Bucket, Key = "sse-s3.bin", ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256 });
            await PutAsync(s3, new PutObjectRequest
            {
                BucketName = Bucket, Key = "sse-kms-seeded.bin",
                ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = SeededKeyAlias,
            });
            await PutAsync(s3, new PutObjectRequest
            {
                BucketName = Bucket, Key = "sse-kms-created.bin",
                ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = _createdKeyId,
            });
            await PutAsync(s3, _customerKey.On(new PutObjectRequest { BucketName = Bucket, Key = "sse-c.bin" }));
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = "docs", Key = "note.txt", ContentBody = "hello from compose" });
            _transformedBefore = await ReadObjectLambdaAsync();
        }

        await _stack.DownAsync();
        await _stack.UpAsync();
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        if (_stack is not null) await _stack.DisposeAsync();
    }

    [TestCase("plain.bin", null)]
    [TestCase("sse-s3.bin", "AES256")]
    [TestCase("sse-kms-seeded.bin", "aws:kms")]
    [TestCase("sse-kms-created.bin", "aws:kms")]
    public async Task AnObjectWrittenBeforeDown_ReadsBackByteForByteAfterUp(string key, string? encryption)
    {
        using var s3 = Stack.CreateS3Client();

        using var read = await s3.GetObjectAsync(Bucket, key);

        Assert.That(await BytesAsync(read), Is.EqualTo(_written[key]));
        Assert.That(read.ServerSideEncryptionMethod?.Value, Is.EqualTo(encryption ?? "AES256"), "every object is stored encrypted; SSE-S3 is the default");
    }

    [Test]
    public async Task AnSseKmsObject_NamesTheSameKeyAfterUp()
    {
        using var s3 = Stack.CreateS3Client();

        var seeded = await s3.GetObjectMetadataAsync(Bucket, "sse-kms-seeded.bin");
        var created = await s3.GetObjectMetadataAsync(Bucket, "sse-kms-created.bin");

        Assert.That(seeded.ServerSideEncryptionKeyManagementServiceKeyId, Does.EndWith($":key/{SeededKeyId}"));
        Assert.That(created.ServerSideEncryptionKeyManagementServiceKeyId, Does.EndWith($":key/{_createdKeyId}"));
    }

    [Test]
    public async Task AKmsKeyCreatedThroughTheApi_IsStillThereAfterUp()
    {
        using var kms = Stack.CreateKmsClient();

        var described = await kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = _createdKeyId });

        Assert.That(described.KeyMetadata.Description, Is.EqualTo("made through the API"));
    }

    [Test]
    public async Task AnSseCObject_ReadsBackOverHttpsWithItsKeyAfterUp()
    {
        using var s3 = Stack.CreateS3Client();

        using var read = await s3.GetObjectAsync(_customerKey.On(new GetObjectRequest { BucketName = Bucket, Key = "sse-c.bin" }));

        Assert.That(await BytesAsync(read), Is.EqualTo(_written["sse-c.bin"]));
        Assert.That(read.ServerSideEncryptionCustomerMethod, Is.EqualTo(ServerSideEncryptionCustomerMethod.AES256));
    }

    [Test]
    public async Task AnSseCObject_IsRefusedWithoutItsKeyAfterUp()
    {
        using var s3 = Stack.CreateS3Client();

        var refused = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectAsync(Bucket, "sse-c.bin"));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public void TheCertificate_IsTheOneCreatedOnTheFirstUp()
    {
        Assert.That(Stack.Certificate.GetCertHashString(), Is.EqualTo(_certificateBefore));
    }

    [Test]
    public async Task TheSeededAccessPoint_ServesTheBucketsObjectAfterUp()
    {
        using var s3 = Stack.CreateS3Client(configure: c => c.ForcePathStyle = false);

        using var read = await s3.GetObjectAsync(AccessPointArn, "note.txt");

        Assert.That(Encoding.UTF8.GetString(await BytesAsync(read)), Is.EqualTo("hello from compose"));
    }

    [Test]
    public async Task TheSeededObjectLambdaAccessPoint_RunsThePlugInTransformBeforeAndAfterUp()
    {
        var transformed = await ReadObjectLambdaAsync();

        Assert.That(_transformedBefore, Is.EqualTo("HELLO FROM COMPOSE"));
        Assert.That(transformed, Is.EqualTo("HELLO FROM COMPOSE"));
    }

    [Test]
    public async Task TheSeededUser_WritesToUploadsWithTheSeededKeyButIsDeniedOnDocs()
    {
        using var developer = Stack.CreateS3Client(new BasicAWSCredentials(DeveloperAccessKey, DeveloperSecretKey));

        await developer.PutObjectAsync(new PutObjectRequest
        {
            BucketName = "uploads", Key = "mine.txt", ContentBody = "ok",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = SeededKeyAlias,
        });
        var denied = await Assert.ThrowsAsync<AmazonS3Exception>(() => developer.GetObjectAsync("docs", "note.txt"));

        Assert.That(denied!.ErrorCode, Is.EqualTo("AccessDenied"));
        Assert.That(denied.Message, Does.Contain("arn:aws:iam::123456789012:user/developer"));
    }

    [Test]
    public async Task TheComposeHealthcheck_ReportsHealthy()
    {
        var status = "";
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(40); await Task.Delay(500))
        {
            status = await Stack.HealthAsync();
            if (status is "healthy" or "unhealthy") break;
        }

        Assert.That(status, Is.EqualTo("healthy"));
    }

    private ComposeStack Stack => _stack ?? throw new InvalidOperationException("The stack did not come up.");

    private async Task PutAsync(AmazonS3Client s3, PutObjectRequest request)
    {
        var content = RandomNumberGenerator.GetBytes(256 * 1024 + 17);
        request.InputStream = new MemoryStream(content);
        await s3.PutObjectAsync(request);
        _written[request.Key] = content;
    }

    private async Task<string> ReadObjectLambdaAsync()
    {
        using var s3 = Stack.CreateS3Client(configure: c => c.ForcePathStyle = false);
        using var read = await s3.GetObjectAsync(ObjectLambdaArn, "note.txt");
        return Encoding.UTF8.GetString(await BytesAsync(read));
    }

    private static async Task<byte[]> BytesAsync(GetObjectResponse response)
    {
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
