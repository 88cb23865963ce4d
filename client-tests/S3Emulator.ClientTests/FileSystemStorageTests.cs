using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.Server.Hosting;

namespace S3Emulator.ClientTests;

/// <summary>The same client scenarios with the file-system store behind the server, and a restart in between.</summary>
public sealed class FileSystemStorageTests(Transport transport) : EmulatorTestBase(transport)
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "s3emulator-tests-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureEmulator(S3EmulatorOptions options) => options.DataPath = _dataPath;

    [OneTimeTearDown]
    public void DeleteDataFolder()
    {
        if (Directory.Exists(_dataPath)) Directory.Delete(_dataPath, recursive: true);
    }

    [Test]
    public async Task Objects_Tags_AndUnfinishedUploads_SurviveARestart()
    {
        var bucket = await CreateBucketAsync();
        await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "a/../kept", ContentBody = "kept across restarts", ContentType = "text/plain",
            TagSet = [new Tag { Key = "k", Value = "v" }], ChecksumAlgorithm = ChecksumAlgorithm.SHA256,
        });
        var upload = await S3.InitiateMultipartUploadAsync(bucket, "pending");
        await S3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket, Key = "pending", UploadId = upload.UploadId, PartNumber = 1, InputStream = new MemoryStream([1, 2, 3]),
        });

        await using var restarted = await EmulatorFactory.StartAsync(Transport, ConfigureEmulator);
        using var s3 = restarted.CreateS3Client();

        using var get = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "a/../kept", ChecksumMode = ChecksumMode.ENABLED });
        Assert.That(await new StreamReader(get.ResponseStream).ReadToEndAsync(), Is.EqualTo("kept across restarts"));
        Assert.That(get.Headers.ContentType, Is.EqualTo("text/plain"));
        Assert.That(get.ChecksumSHA256, Is.Not.Null.And.Not.Empty);
        var tags = await s3.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = bucket, Key = "a/../kept" });
        Assert.That(tags.Tagging.Single().Value, Is.EqualTo("v"));
        var parts = await s3.ListPartsAsync(bucket, "pending", upload.UploadId);
        Assert.That(parts.Parts.Single().Size, Is.EqualTo(3));
    }

    [Test]
    public async Task CompleteMultipartUpload_RetriedAfterARestart_AnswersTheSameResult()
    {
        var bucket = await CreateBucketAsync();
        var upload = await S3.InitiateMultipartUploadAsync(bucket, "assembled");
        var part = await S3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket, Key = "assembled", UploadId = upload.UploadId, PartNumber = 1, InputStream = new MemoryStream([4, 5, 6]),
        });
        var complete = new CompleteMultipartUploadRequest
        {
            BucketName = bucket, Key = "assembled", UploadId = upload.UploadId, PartETags = [new PartETag(1, part.ETag)],
        };
        var first = await S3.CompleteMultipartUploadAsync(complete);

        await using var restarted = await EmulatorFactory.StartAsync(Transport, ConfigureEmulator);
        using var s3 = restarted.CreateS3Client();
        var retry = await s3.CompleteMultipartUploadAsync(complete);

        Assert.That(retry.ETag, Is.EqualTo(first.ETag));
        Assert.That(retry.ChecksumCRC64NVME, Is.EqualTo(first.ChecksumCRC64NVME));
    }

    [Test]
    public async Task ConcurrentWritersToOneKey_LeaveExactlyOneCompleteObject()
    {
        var bucket = await CreateBucketAsync();
        var payloads = Enumerable.Range(0, 8).Select(i => new string((char)('a' + i), 256 * 1024 + i)).ToArray();

        await Task.WhenAll(payloads.Select(p => S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "contended", ContentBody = p })));
        var head = await S3.GetObjectMetadataAsync(bucket, "contended");
        var body = await GetTextAsync(bucket, "contended");

        Assert.That(payloads, Does.Contain(body));
        Assert.That(head.ContentLength, Is.EqualTo(body.Length));
        Assert.That(head.ETag.Trim('"'), Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(body)))));
    }

    [Test]
    public async Task FailedUpload_LeavesThePreviousVersion()
    {
        var bucket = await CreateBucketAsync();
        await PutTextAsync(bucket, "k", "original");

        var error = await ExpectS3ErrorAsync(() => S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "k", ContentBody = "replacement", ChecksumSHA256 = Convert.ToBase64String(new byte[32]),
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("BadDigest"));
        Assert.That(await GetTextAsync(bucket, "k"), Is.EqualTo("original"));
    }

    [Test]
    public async Task PutObject_WhenTheStoreCannotWriteIntoItsFolder_AnswersInternalError_AndLogsTheFailure()
    {
        var bucket = await CreateBucketAsync();
        // A real refusal from the file system, whoever runs the tests (root ignores permissions): the folder the
        // store moves finished objects into is a file now.
        var content = Path.Combine(_dataPath, "buckets", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(bucket))), "objects");
        Directory.Delete(content, recursive: true);
        await File.WriteAllTextAsync(content, "not a folder");

        var error = await ExpectS3ErrorAsync(() => S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "body" }));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(error.ErrorCode, Is.EqualTo("InternalError"));
        Assert.That(Logs.All, Does.Contain("Unhandled failure in PutObject").And.Contain("System.IO."));
    }
}
