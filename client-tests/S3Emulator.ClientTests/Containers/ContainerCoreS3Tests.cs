using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Testcontainers.S3Emulator;

namespace S3Emulator.ClientTests.Containers;

/// <summary>
/// Core S3 against an emulator in a container: buckets, objects, listings and multipart uploads through AWSSDK.S3, path-
/// style and virtual-hosted-style, over HTTP and HTTPS, with keys a normalising server or a file-system store would
/// change coming back byte for byte.
/// </summary>
[Category("Docker")]
public sealed class ContainerCoreS3Tests : ContainerTestBase
{
    public static IEnumerable<TestCaseData> Keys() =>
        new[] { "a/../b", "..", ".", "./x", "a//b", "%2F", "a%2Fb", "a b", " lead and trail ", "a+b", "100%", "ünïcödé/ключ", "trailing/", new string('k', 1024) }
            .Select(key => new TestCaseData(key).SetArgDisplayNames(key.Length > 40 ? $"{key[..10]}…({key.Length})" : key));

    protected override S3EmulatorBuilder Configure(S3EmulatorBuilder builder) => builder.WithInitialBuckets("seeded").WithBaseDomains("s3.test");

    [Test]
    public async Task InitialBuckets_GivenToTheBuilder_ExistWhenTheContainerIsHealthy()
    {
        var buckets = await S3.ListBucketsAsync();

        Assert.That(buckets.Buckets.Select(b => b.BucketName), Does.Contain("seeded"));
    }

    [Test]
    public void PublicUrl_IsTheHttpsPortPublishedOnThisMachine()
    {
        // What a function in the test process fetches inputS3Url from: the address this process sees, not the container's.
        Assert.That(new Uri(Container.Options.PublicUrl!), Is.EqualTo(Container.GetHttpsUrl()));
    }

    [Test]
    public async Task CreatedBucket_IsListedAndHasTheContainersRegion()
    {
        var bucket = await CreateBucketAsync();

        var buckets = await S3.ListBucketsAsync();
        var location = await S3.GetBucketLocationAsync(bucket);

        Assert.That(buckets.Buckets.Select(b => b.BucketName), Does.Contain(bucket));
        Assert.That(location.Location.Value, Is.Empty.Or.EqualTo("us-east-1"));
    }

    [TestCaseSource(nameof(Keys))]
    public async Task Key_RoundTripsThroughPutGetListAndDelete_PathStyle(string key) => await RoundTripAsync(S3, key);

    [TestCaseSource(nameof(Keys))]
    public async Task Key_RoundTripsThroughPutGetListAndDelete_VirtualHosted(string key)
    {
        using var client = Container.CreateS3Client(c => c.ForcePathStyle = false);
        await RoundTripAsync(client, key);
    }

    [Test]
    public async Task Object_RoundTripsOverHttpsWithTheContainersCertificatePinned()
    {
        var bucket = await CreateBucketAsync();
        using var secure = Container.CreateS3Client(c => c.ServiceURL = Container.GetHttpsUrl().ToString());

        await secure.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "tls.txt", ContentBody = "over TLS" });
        using var get = await secure.GetObjectAsync(bucket, "tls.txt");

        Assert.That(Container.GetHttpsUrl().Scheme, Is.EqualTo("https"));
        Assert.That(await ReadTextAsync(get), Is.EqualTo("over TLS"));
    }

    [Test]
    public async Task BaseDomainGivenToTheBuilder_ServesVirtualHostedRequests_BesideLocalhost()
    {
        var bucket = await CreateBucketAsync();
        using var custom = Container.CreateS3Client(c =>
        {
            c.ServiceURL = new UriBuilder(Container.GetServiceUrl()) { Host = "s3.test" }.Uri.ToString();
            c.ForcePathStyle = false;
        });

        await custom.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "domain.txt", ContentBody = "under s3.test" });
        using var get = await S3.GetObjectAsync(bucket, "domain.txt");

        Assert.That(await ReadTextAsync(get), Is.EqualTo("under s3.test"));
    }

    [Test]
    public async Task ClientWithTheAwsDefaultEndpoint_ReachesTheContainer()
    {
        var bucket = await CreateBucketAsync();
        // No service URL: the SDK builds {bucket}.s3.amazonaws.com over HTTPS on 443, which the handler takes to the container.
        using var aws = Container.CreateS3Client(c => c.RegionEndpoint = Amazon.RegionEndpoint.USEast1);

        await aws.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "aws.txt", ContentBody = "default endpoint" });
        using var get = await S3.GetObjectAsync(bucket, "aws.txt");

        Assert.That(aws.Config.ServiceURL, Is.Null);
        Assert.That(await ReadTextAsync(get), Is.EqualTo("default endpoint"));
    }

    [Test]
    public async Task ListObjectsV2_WithPrefixAndDelimiter_GroupsCommonPrefixes()
    {
        var bucket = await CreateBucketAsync();
        foreach (var key in new[] { "logs/2026/a", "logs/2026/b", "logs/2027/c", "logs/top", "other" })
        {
            await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = key });
        }

        var list = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "logs/", Delimiter = "/" });

        Assert.That(list.S3Objects.Select(o => o.Key), Is.EqualTo(new[] { "logs/top" }));
        Assert.That(list.CommonPrefixes, Is.EqualTo(new[] { "logs/2026/", "logs/2027/" }));
    }

    [Test]
    public async Task MultipartUpload_OfTwoParts_ReadsBackAsOneObjectWithAPartCountETag()
    {
        var bucket = await CreateBucketAsync();
        var first = RandomNumberGenerator.GetBytes(5 * 1024 * 1024);
        var second = RandomNumberGenerator.GetBytes(1234);
        var upload = await S3.InitiateMultipartUploadAsync(bucket, "big.bin");

        var part1 = await S3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket, Key = "big.bin", UploadId = upload.UploadId, PartNumber = 1, InputStream = new MemoryStream(first),
        });
        var part2 = await S3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket, Key = "big.bin", UploadId = upload.UploadId, PartNumber = 2, InputStream = new MemoryStream(second),
        });
        var complete = await S3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket, Key = "big.bin", UploadId = upload.UploadId,
            PartETags = [new PartETag(1, part1.ETag), new PartETag(2, part2.ETag)],
        });
        using var get = await S3.GetObjectAsync(bucket, "big.bin");
        using var body = new MemoryStream();
        await get.ResponseStream.CopyToAsync(body);

        Assert.That(complete.ETag, Does.EndWith("-2\""));
        Assert.That(body.ToArray(), Is.EqualTo(first.Concat(second).ToArray()));
    }

    [Test]
    public async Task PresignedGet_FromTheContainersClient_IsServedToAPlainHttpClient()
    {
        var bucket = await CreateBucketAsync();
        await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "shared.txt", ContentBody = "presigned" });
        var url = await S3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket, Key = "shared.txt", Verb = HttpVerb.GET, Expires = DateTime.UtcNow.AddMinutes(5), Protocol = Protocol.HTTP,
        });
        using var http = Container.CreateHttpClient();

        var text = await http.GetStringAsync(url);

        Assert.That(text, Is.EqualTo("presigned"));
    }

    [Test]
    public async Task Journal_OverHttp_RecordsTheOperationsThisFixtureRan()
    {
        var bucket = await CreateBucketAsync();
        await S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "journaled", ContentBody = "x" });
        using var http = Container.CreateHttpClient();

        var journal = await http.GetStringAsync("/_s3emulator/journal");

        Assert.That(journal, Does.Contain("PutObject").And.Contain(bucket));
    }

    private async Task RoundTripAsync(AmazonS3Client client, string key)
    {
        var bucket = await CreateBucketAsync();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "body of " + key });
        // A neighbour that a collapsed or normalised key would hit instead.
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "b", ContentBody = "neighbour" });

        using var get = await client.GetObjectAsync(bucket, key);
        var list = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.That(await ReadTextAsync(get), Is.EqualTo("body of " + key));
        Assert.That(list.S3Objects.Select(o => o.Key), Is.EquivalentTo(new[] { key, "b" }));
        await client.DeleteObjectAsync(bucket, key);
        var after = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        Assert.That(after.S3Objects.Select(o => o.Key), Is.EqualTo(new[] { "b" }));
    }
}
