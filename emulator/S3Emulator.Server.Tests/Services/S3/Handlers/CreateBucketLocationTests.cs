using S3Emulator.Core.Errors;
using S3Emulator.Server.Services.S3.Routing;
using S3Emulator.Server.Tests.Protocol;

namespace S3Emulator.Server.Tests.Services.S3.Handlers;

/// <summary>
/// CreateBucket's location constraint: an empty body is told apart before any XML is parsed (so a host that never
/// parses XML loads none), and a body goes through the XML reader as before.
/// </summary>
public sealed class CreateBucketLocationTests
{
    private const string Us = "us-east-1";

    [Test]
    public async Task CreateBucket_WithoutABody_PlacesTheBucketInTheEmulatorsRegion()
    {
        var kit = new ProtocolTestKit();

        await kit.DispatchAsync(S3Operation.CreateBucket, "plain", null);

        Assert.That(await RegionOf(kit, "plain"), Is.EqualTo(Us));
    }

    [TestCase("eu-central-1", "eu-central-1")]
    [TestCase("EU", "eu-west-1")]
    [TestCase("", Us)]
    public async Task CreateBucket_WithALocationConstraint_PlacesTheBucketInThatRegion(string constraint, string region)
    {
        var kit = new ProtocolTestKit();

        await kit.DispatchAsync(S3Operation.CreateBucket, "placed", null, body: Configuration(constraint));

        Assert.That(await RegionOf(kit, "placed"), Is.EqualTo(region));
    }

    [Test]
    public async Task CreateBucket_WithAnEmptyConfiguration_PlacesTheBucketInTheEmulatorsRegion()
    {
        var kit = new ProtocolTestKit();

        await kit.DispatchAsync(S3Operation.CreateBucket, "empty-config", null,
            body: "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>");

        Assert.That(await RegionOf(kit, "empty-config"), Is.EqualTo(Us));
    }

    [TestCase("us-east-1")]
    [TestCase("Not A Region")]
    public async Task CreateBucket_WithAnExplicitUsEast1OrAMalformedRegion_IsInvalidLocationConstraint(string constraint)
    {
        var kit = new ProtocolTestKit();

        var refusal = await Assert.ThrowsAsync<S3Exception>(() =>
            kit.DispatchAsync(S3Operation.CreateBucket, "refused", null, body: Configuration(constraint)));

        Assert.That(refusal!.Error.Code, Is.EqualTo("InvalidLocationConstraint"));
        Assert.That(await kit.Store.GetBucketAsync("refused", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task CreateBucket_WithABodyThatIsNotXml_IsMalformedXml()
    {
        var kit = new ProtocolTestKit();

        var refusal = await Assert.ThrowsAsync<S3Exception>(() =>
            kit.DispatchAsync(S3Operation.CreateBucket, "garbled", null, body: "<CreateBucketConfiguration><LocationConstraint>"));

        Assert.That(refusal!.Error.Code, Is.EqualTo("MalformedXML"));
    }

    private static string Configuration(string constraint) =>
        $"<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>{constraint}</LocationConstraint></CreateBucketConfiguration>";

    private static async Task<string?> RegionOf(ProtocolTestKit kit, string bucket) =>
        (await kit.Store.GetBucketAsync(bucket, CancellationToken.None))?.Region;
}
