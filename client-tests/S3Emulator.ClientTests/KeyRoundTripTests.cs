using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests;

/// <summary>
/// Keys that a normalising server would change. Each must come back byte for byte from GET, HEAD,
/// a listing and DELETE, in path-style and virtual-hosted-style addressing.
/// </summary>
public sealed class KeyRoundTripTests(Transport transport) : EmulatorTestBase(transport)
{
    public static IEnumerable<TestCaseData> Keys() => Cases(
    [
        "a/../b", "./x", "../up", "a/./b", "a//b", "trailing/", "%2F", "a%2Fb", "100%", "a+b", "a b", " lead and trail ",
        "ünïcödé/ключ/鍵", "emoji 😀", "?question", "#hash", "&amp;", "semi;colon=equals", "tilde~star*", "back\\slash",
        "quote\"'", "brackets[]{}<>", "..", ".", new string('k', 1024), "ü" + new string('x', 1022),
    ]);

    /// <summary>
    /// Keys that start with '/'. AWSSDK.S3 4.1 cannot send them path-style: the path it sends drops one
    /// leading slash of the key and no longer matches the path it signed, so Amazon S3 would reject that
    /// request too. Virtual-hosted style carries them intact.
    /// </summary>
    public static IEnumerable<TestCaseData> LeadingSlashKeys() => Cases(["//leading", "/single", "//double//slash"]);

    [TestCaseSource(nameof(Keys))]
    public async Task Key_RoundTripsThroughPutGetHeadListAndDelete_PathStyle(string key) => await RoundTripAsync(S3, key);

    [TestCaseSource(nameof(Keys))]
    [TestCaseSource(nameof(LeadingSlashKeys))]
    public async Task Key_RoundTripsThroughPutGetHeadListAndDelete_VirtualHosted(string key)
    {
        using var client = Emulator.CreateS3Client(config => config.ForcePathStyle = false);
        await RoundTripAsync(client, key);
    }

    [Test]
    public async Task Key_Of1025Bytes_ReturnsKeyTooLongError()
    {
        var bucket = await CreateBucketAsync();

        var error = await ExpectS3ErrorAsync(() => PutTextAsync(bucket, new string('k', 1025), "v"));

        Assert.That(error.ErrorCode, Is.EqualTo("KeyTooLongError"));
    }

    private static IEnumerable<TestCaseData> Cases(string[] keys) =>
        keys.Select(key => new TestCaseData(key).SetArgDisplayNames(key.Length > 40 ? $"{key[..10]}…({key.Length})" : key));

    private async Task RoundTripAsync(AmazonS3Client client, string key)
    {
        var bucket = await CreateBucketAsync();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "body of " + key });
        // A neighbour that a collapsed or normalised key would hit instead.
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "b", ContentBody = "neighbour" });

        using var get = await client.GetObjectAsync(bucket, key);
        var head = await client.GetObjectMetadataAsync(bucket, key);
        var list = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.That(await new StreamReader(get.ResponseStream).ReadToEndAsync(), Is.EqualTo("body of " + key));
        Assert.That(head.ContentLength, Is.EqualTo(System.Text.Encoding.UTF8.GetByteCount("body of " + key)));
        Assert.That(list.S3Objects.Select(o => o.Key), Does.Contain(key));
        await client.DeleteObjectAsync(bucket, key);
        var after = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        Assert.That(after.S3Objects.Select(o => o.Key), Is.EqualTo(new[] { "b" }));
    }
}
