using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.Server.Hosting;

namespace S3Emulator.ClientTests.Encryption;

/// <summary>
/// What lands on disk: with the file-system store, no file in the data folder holds the plaintext of any
/// object, whatever its encryption, nor an SSE-C key; and tampered bytes give an error, never wrong data.
/// </summary>
public sealed class EncryptionAtRestTests(Transport transport) : EmulatorTestBase(transport)
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "s3emulator-at-rest-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureEmulator(S3EmulatorOptions options) => options.DataPath = _dataPath;

    [OneTimeTearDown]
    public void DeleteDataFolder()
    {
        if (Directory.Exists(_dataPath)) Directory.Delete(_dataPath, recursive: true);
    }

    [Test]
    public async Task NoFile_HoldsThePlaintextOfAnyObject_OrTheCustomerKey()
    {
        var marker = "PLAINTEXT-MARKER-" + Guid.NewGuid().ToString("N");
        var body = string.Concat(Enumerable.Repeat(marker + " ", 2000));
        var bucket = await CreateBucketAsync("rest");
        await SseCTestKit.AllowSseCAsync(S3, bucket);
        var customer = new SseCTestKit();

        await SecureS3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "sse-s3", ContentBody = body });
        await SecureS3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "sse-kms", ContentBody = body, ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS });
        await SecureS3.PutObjectAsync(customer.On(new PutObjectRequest { BucketName = bucket, Key = "sse-c", ContentBody = body }));
        await SecureS3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = bucket, SourceKey = "sse-s3", DestinationBucket = bucket, DestinationKey = "copy" });
        await UploadInTwoPartsAsync(bucket, "multipart", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(marker, 200_000))));
        var pending = await SecureS3.InitiateMultipartUploadAsync(bucket, "pending");
        await SecureS3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket, Key = "pending", UploadId = pending.UploadId, PartNumber = 1, InputStream = new MemoryStream(Encoding.UTF8.GetBytes(body)),
        });

        Assert.That(await GetTextAsync(bucket, "copy"), Is.EqualTo(body), "the objects must be readable, or the scan proves nothing");
        var files = Directory.EnumerateFiles(_dataPath, "*", SearchOption.AllDirectories).ToList();
        Assert.That(files, Has.Count.GreaterThan(5));
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.That(Contains(bytes, Encoding.UTF8.GetBytes(marker)), Is.False, $"{file} holds plaintext");
            Assert.That(Contains(bytes, customer.Key) || Contains(bytes, Encoding.ASCII.GetBytes(customer.KeyBase64)), Is.False, $"{file} holds the SSE-C key");
        }
    }

    [Test]
    public async Task TamperedContentOnDisk_FailsTheRead_InsteadOfReturningWrongData()
    {
        // An emulator of its own, so that its data folder holds exactly one object.
        var folder = Path.Combine(_dataPath, "tamper");
        await using var emulator = await EmulatorFactory.StartAsync(Transport, o => o.DataPath = folder);
        using var s3 = emulator.CreateS3Client();
        await PutVictimAndFlipAStoredBitAsync(s3, folder, offset: 100_000);

        var read = () => ReadVictimAsync(s3);

        Assert.That(read, Throws.Exception);
        using var untouched = await s3.GetObjectAsync(new GetObjectRequest { BucketName = "tamper", Key = "victim", ByteRange = new ByteRange(0, 9) });
        Assert.That(await new StreamReader(untouched.ResponseStream).ReadToEndAsync(), Is.EqualTo("xxxxxxxxxx"),
            "frames the damage does not touch still read");
    }

    [Test]
    public async Task TamperedFirstFrameOnDisk_IsAnsweredWithAnErrorResponse_NotWithTheStartOfTheObject()
    {
        // Over a socket the GET writes a large first frame only after the response started: it must still verify it first.
        var folder = Path.Combine(_dataPath, "tamper-first");
        await using var emulator = await EmulatorFactory.StartAsync(Transport, o => o.DataPath = folder);
        using var s3 = emulator.CreateS3Client();
        await PutVictimAndFlipAStoredBitAsync(s3, folder, offset: 1_000);

        var read = () => ReadVictimAsync(s3);

        Assert.That(read, Throws.TypeOf<AmazonS3Exception>().With.Property(nameof(AmazonS3Exception.StatusCode)).EqualTo(System.Net.HttpStatusCode.InternalServerError));
    }

    /// <summary>
    /// Puts 200,000 bytes as "victim" in a new bucket "tamper" of the emulator whose data folder is <paramref name="folder"/>
    /// (its only object), then flips one bit of the stored content at <paramref name="offset"/>.
    /// </summary>
    private static async Task PutVictimAndFlipAStoredBitAsync(IAmazonS3 s3, string folder, long offset)
    {
        await s3.PutBucketAsync("tamper");
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "tamper", Key = "victim", ContentBody = new string('x', 200_000) });
        var content = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f)).MaxBy(f => f.Length)!;
        Assert.That(content.Length, Is.GreaterThan(200_000), "the stored content is the largest file");
        await using var file = File.Open(content.FullName, FileMode.Open, FileAccess.ReadWrite);
        file.Position = offset;
        var original = file.ReadByte();
        file.Position = offset;
        file.WriteByte((byte)(original ^ 0x01));
    }

    private static async Task<string> ReadVictimAsync(IAmazonS3 s3)
    {
        using var response = await s3.GetObjectAsync("tamper", "victim");
        return await new StreamReader(response.ResponseStream).ReadToEndAsync();
    }

    private async Task UploadInTwoPartsAsync(string bucket, string key, byte[] data)
    {
        var create = await SecureS3.InitiateMultipartUploadAsync(bucket, key);
        var split = 5 * 1024 * 1024;
        var first = await SecureS3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket, Key = key, UploadId = create.UploadId, PartNumber = 1, InputStream = new MemoryStream(data, 0, split),
        });
        var second = await SecureS3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket, Key = key, UploadId = create.UploadId, PartNumber = 2, InputStream = new MemoryStream(data, split, data.Length - split),
        });
        await SecureS3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket, Key = key, UploadId = create.UploadId, PartETags = [new PartETag(1, first.ETag), new PartETag(2, second.ETag)],
        });
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
