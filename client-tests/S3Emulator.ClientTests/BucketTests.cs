using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests;

public sealed class BucketTests(Transport transport) : EmulatorTestBase(transport)
{
    [Test]
    public async Task CreateBucket_ThenListBucketsWithMaxBuckets_ShowsItWithRegion()
    {
        var bucket = await CreateBucketAsync();

        var response = await S3.ListBucketsAsync(new ListBucketsRequest { MaxBuckets = 1000 });

        var listed = response.Buckets.Single(b => b.BucketName == bucket);
        Assert.That(listed.CreationDate, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
        Assert.That(listed.BucketRegion, Is.EqualTo("us-east-1"));
        Assert.That(response.Owner.Id, Has.Length.EqualTo(64));
    }

    [Test]
    public async Task ListBuckets_WithBucketRegion_ListsOnlyTheBucketsInThatRegion()
    {
        var home = await CreateBucketAsync();
        var away = $"eu-{Guid.NewGuid():N}";
        await S3.PutBucketAsync(new PutBucketRequest { BucketName = away, BucketRegionName = "eu-west-1" });

        var europe = await S3.ListBucketsAsync(new ListBucketsRequest { BucketRegion = "eu-west-1" });
        var virginia = await S3.ListBucketsAsync(new ListBucketsRequest { BucketRegion = "us-east-1" });

        Assert.That(europe.Buckets.Select(b => b.BucketName), Does.Contain(away).And.Not.Contain(home));
        Assert.That(europe.Buckets.Select(b => b.BucketRegion), Is.All.EqualTo("eu-west-1"));
        Assert.That(virginia.Buckets.Select(b => b.BucketName), Does.Contain(home).And.Not.Contain(away));
    }

    [TestCase("ab")]
    [TestCase("Upper-Case")]
    [TestCase("under_score")]
    [TestCase("192.168.5.4")]
    [TestCase("double..dot")]
    [TestCase("-starts-with-dash")]
    [TestCase("xn--reserved-prefix")]
    [TestCase("ends-with-s3alias-s3alias")]
    [TestCase("a.-b")]
    [TestCase("a-.b")]
    [TestCase("foo-.bar")]
    [TestCase("foo.-bar")]
    [TestCase("ends-with-dash-")]
    [TestCase("ends-with-dot.")]
    [TestCase(".starts-with-dot")]
    [TestCase("10.0.0.1")]
    [TestCase("sthree-reserved")]
    [TestCase("sthree-configurator-reserved")]
    [TestCase("amzn-s3-demo-reserved")]
    [TestCase("reserved--ol-s3")]
    [TestCase("reserved.mrap")]
    [TestCase("reserved--table-s3")]
    // "--x-s3" (directory buckets) is refused too, but AWSSDK.S3 sends such names elsewhere: BucketNameRulesTests.
    [TestCase("sixty-four-characters-long-is-one-too-many-for-s3-bucket-names-x")]
    public async Task CreateBucket_WithInvalidName_ReturnsInvalidBucketName(string name)
    {
        var error = await ExpectS3ErrorAsync(() => S3.PutBucketAsync(name));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidBucketName"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    // Names near a rule without breaking it: only a dotted quad is "formatted as an IP address".
    [TestCase("123")]
    [TestCase("1.2.3")]
    [TestCase("1.2.3.4.5")]
    [TestCase("a-b.c-d")]
    [TestCase("xn-single-dash")]
    [TestCase("sthree")]
    [TestCase("s3alias-at-the-start")]
    [TestCase("sixty-three-characters-long-is-the-most-s3-allows-for-a-bucket")]
    public async Task CreateBucket_WithUnusualButValidName_Succeeds(string name)
    {
        var response = await S3.PutBucketAsync(name);

        Assert.That(response.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task CreateBucket_AgainInUsEast1_SucceedsAsS3DoesForLegacyCompatibility()
    {
        var bucket = await CreateBucketAsync();

        var response = await S3.PutBucketAsync(bucket);

        Assert.That(response.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task CreateBucket_AgainInOtherRegion_ReturnsBucketAlreadyOwnedByYou()
    {
        var bucket = $"eu-{Guid.NewGuid():N}";
        var request = new PutBucketRequest { BucketName = bucket, BucketRegionName = "eu-west-1" };
        await S3.PutBucketAsync(request);

        var error = await ExpectS3ErrorAsync(() => S3.PutBucketAsync(request));

        Assert.That(error.ErrorCode, Is.EqualTo("BucketAlreadyOwnedByYou"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var location = await S3.GetBucketLocationAsync(bucket);
        Assert.That(location.Location.Value, Is.EqualTo("eu-west-1"));
    }

    [Test]
    public async Task GetBucketLocation_InUsEast1_IsEmpty()
    {
        var bucket = await CreateBucketAsync();

        var location = await S3.GetBucketLocationAsync(bucket);

        Assert.That(location.Location?.Value ?? "", Is.Empty);
    }

    [Test]
    public async Task HeadBucket_ForMissingBucket_Returns404()
    {
        var error = await ExpectS3ErrorAsync(() => S3.HeadBucketAsync(new HeadBucketRequest { BucketName = "no-such-bucket-here" }));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task HeadBucket_ForExistingBucket_ReportsRegion()
    {
        var bucket = await CreateBucketAsync();

        var response = await S3.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket });

        Assert.That(response.BucketRegion, Is.EqualTo("us-east-1"));
    }

    [Test]
    public async Task DeleteBucket_WithObjects_ReturnsBucketNotEmpty_AndEmptyBucketThenDeletes()
    {
        var bucket = await CreateBucketAsync();
        await PutTextAsync(bucket, "k", "v");

        var error = await ExpectS3ErrorAsync(() => S3.DeleteBucketAsync(bucket));
        Assert.That(error.ErrorCode, Is.EqualTo("BucketNotEmpty"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));

        await S3.DeleteObjectAsync(bucket, "k");
        var deleted = await S3.DeleteBucketAsync(bucket);
        Assert.That(deleted.HttpStatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var missing = await ExpectS3ErrorAsync(() => S3.DeleteBucketAsync(bucket));
        Assert.That(missing.ErrorCode, Is.EqualTo("NoSuchBucket"));
    }

    [Test]
    public async Task PutObject_IntoMissingBucket_ReturnsNoSuchBucket()
    {
        var error = await ExpectS3ErrorAsync(() => PutTextAsync("no-such-bucket-here", "k", "v"));

        Assert.That(error.ErrorCode, Is.EqualTo("NoSuchBucket"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task UnsupportedOperation_ReturnsNotImplementedNamingIt()
    {
        var bucket = await CreateBucketAsync();

        var error = await ExpectS3ErrorAsync(() => S3.GetBucketWebsiteAsync(bucket));

        Assert.That(error.ErrorCode, Is.EqualTo("NotImplemented"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotImplemented));
        Assert.That(error.Message, Does.Contain("GetBucketWebsite"));
    }
}
