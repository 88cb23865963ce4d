using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.AccessPoints;

/// <summary>
/// Objects through an access point, addressed as AWSSDK.S3 addresses it: by ARN (the SDK builds
/// <c>{name}-{account}.localhost</c>) and by alias (path-style and virtual-hosted), over every transport.
/// </summary>
public sealed class AccessPointDataPlaneTests(Transport transport) : EmulatorTestBase(transport)
{
    private const string Account = "123456789012";

    private S3ControlTestClient _control = null!;
    private AmazonS3Client _virtualHosted = null!;

    [OneTimeSetUp]
    public void CreateClients()
    {
        _control = new S3ControlTestClient(Emulator, Account, Emulator.DefaultCredentials.GetCredentials());
        _virtualHosted = Emulator.CreateS3Client(c => c.ForcePathStyle = false);
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        _control?.Dispose();
        _virtualHosted?.Dispose();
    }

    [Test]
    public async Task PutAndGet_ByAccessPointArn_ActOnTheAccessPointsBucket()
    {
        var (bucket, arn, _) = await CreateAccessPointAsync();

        await _virtualHosted.PutObjectAsync(new PutObjectRequest { BucketName = arn, Key = "dir/a b+c.txt", ContentBody = "through the arn" });
        using var read = await _virtualHosted.GetObjectAsync(arn, "dir/a b+c.txt");
        using var reader = new StreamReader(read.ResponseStream);

        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("through the arn"));
        Assert.That(await GetTextAsync(bucket, "dir/a b+c.txt"), Is.EqualTo("through the arn"));
        var entry = Emulator.Journal.Entries.Last(e => e.Operation == "GetObject");
        Assert.That(entry.Bucket, Is.EqualTo(bucket));
    }

    [Test]
    public async Task ListObjectsV2_ByAccessPointArn_ListsTheBucket()
    {
        var (bucket, arn, _) = await CreateAccessPointAsync();
        await PutTextAsync(bucket, "docs/one", "1");
        await PutTextAsync(bucket, "docs/two", "2");

        var listed = await _virtualHosted.ListObjectsV2Async(new ListObjectsV2Request { BucketName = arn, Prefix = "docs/" });

        Assert.That(listed.S3Objects.Select(o => o.Key), Is.EqualTo(new[] { "docs/one", "docs/two" }));
    }

    [Test]
    public async Task PutGetListDelete_ByAliasPathStyle_ActOnTheBucket()
    {
        var (bucket, _, alias) = await CreateAccessPointAsync();

        await S3.PutObjectAsync(new PutObjectRequest { BucketName = alias, Key = "k", ContentBody = "through the alias" });
        var text = await GetTextAsync(alias, "k");
        var listed = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = alias });
        await S3.DeleteObjectAsync(alias, "k");
        var afterDelete = await ExpectS3ErrorAsync(() => S3.GetObjectAsync(bucket, "k"));

        Assert.That((text, listed.S3Objects.Single().Key, afterDelete.ErrorCode), Is.EqualTo(("through the alias", "k", "NoSuchKey")));
    }

    [Test]
    public async Task Get_ByAliasVirtualHosted_ReadsTheBucketsObject()
    {
        var (bucket, _, alias) = await CreateAccessPointAsync();
        await PutTextAsync(bucket, "k", "virtual");

        using var read = await _virtualHosted.GetObjectAsync(alias, "k");
        using var reader = new StreamReader(read.ResponseStream);

        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("virtual"));
    }

    [TestCase("a/../b c%2F+x")]
    [TestCase("dir//double/./dot")]
    [TestCase("ünïcödé ✓")]
    public async Task Keys_RoundTripByteForByte_ThroughTheAlias(string key)
    {
        var (bucket, _, alias) = await CreateAccessPointAsync();

        await S3.PutObjectAsync(new PutObjectRequest { BucketName = alias, Key = key, ContentBody = "x" });
        var listed = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.That(listed.S3Objects.Single().Key, Is.EqualTo(key));
    }

    [Test]
    public async Task BucketOperations_ThroughAnAccessPoint_AreRefused()
    {
        var (bucket, arn, alias) = await CreateAccessPointAsync();

        var deleteBucket = await ExpectS3ErrorAsync(() => S3.DeleteBucketAsync(alias));
        var putEncryption = await ExpectS3ErrorAsync(() => _virtualHosted.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
        {
            BucketName = arn,
            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
            {
                ServerSideEncryptionRules = [new ServerSideEncryptionRule { ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault { ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AES256 } }],
            },
        }));

        Assert.That((deleteBucket.StatusCode, deleteBucket.ErrorCode, putEncryption.ErrorCode),
            Is.EqualTo((HttpStatusCode.BadRequest, "InvalidRequest", "InvalidRequest")));
        Assert.That((await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket })).HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AHostLabelThatNamesNoAccessPoint_IsAnOrdinaryBucket()
    {
        var bucket = $"plain-{Account}";
        await S3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        await PutTextAsync(bucket, "k", "plain");

        using var read = await _virtualHosted.GetObjectAsync(bucket, "k");
        using var reader = new StreamReader(read.ResponseStream);

        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("plain"));
    }

    [Test]
    public async Task AnAliasThatNamesNoAccessPoint_IsNoSuchBucket()
    {
        var alias = "gone-" + new string('a', 34) + "-s3alias";

        var error = await ExpectS3ErrorAsync(() => S3.GetObjectAsync(alias, "k"));

        Assert.That(error.ErrorCode, Is.EqualTo("NoSuchBucket"));
    }

    private async Task<(string Bucket, string Arn, string Alias)> CreateAccessPointAsync()
    {
        var bucket = await CreateBucketAsync("ap");
        var name = "ap-" + Guid.NewGuid().ToString("N")[..12];
        var created = (await _control.CreateAccessPointAsync(name, bucket)).Succeeded();
        return (bucket, created.Value("AccessPointArn")!, created.Value("Alias")!);
    }
}
