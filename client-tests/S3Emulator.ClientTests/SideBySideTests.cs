using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests;

/// <summary>Emulators in one process share nothing: stores, credentials, regions and journals stay apart.</summary>
public sealed class SideBySideTests(Transport transport) : EmulatorTestBase(transport)
{
    [Test]
    public async Task TwoEmulators_InOneProcess_KeepTheirOwnState()
    {
        var otherCredentials = new BasicAWSCredentials("AKIAOTHEREMULATOR000", "other-secret");
        await using var other = await EmulatorFactory.StartAsync(Transport, o =>
        {
            o.Region = "eu-central-1";
            o.Credentials.Add(new() { AccessKeyId = otherCredentials.GetCredentials().AccessKey, SecretAccessKey = "other-secret" });
        });
        using var otherS3 = other.CreateS3Client();
        var bucket = await CreateBucketAsync();
        await PutTextAsync(bucket, "only-here", "v");
        await otherS3.PutBucketAsync(new PutBucketRequest { BucketName = "only-there" });

        var otherBuckets = await otherS3.ListBucketsAsync(new ListBucketsRequest { MaxBuckets = 10 });
        using var otherKeyAgainstFirst = new AmazonS3Client(otherCredentials, (AmazonS3Config)S3.Config);
        var refused = await ExpectS3ErrorAsync(() => otherKeyAgainstFirst.ListBucketsAsync(new ListBucketsRequest()));

        Assert.That(otherBuckets.Buckets.Select(b => b.BucketName), Is.EqualTo(new[] { "only-there" }));
        Assert.That(otherBuckets.Buckets.Single().BucketRegion, Is.EqualTo("eu-central-1"));
        Assert.That(refused.ErrorCode, Is.EqualTo("InvalidAccessKeyId"));
        Assert.That(other.Journal.Entries.Select(e => e.Bucket), Does.Not.Contain(bucket));
        Assert.That(Emulator.Journal.Entries.Select(e => e.Bucket), Does.Contain(bucket).And.Not.Contain("only-there"));
    }
}
