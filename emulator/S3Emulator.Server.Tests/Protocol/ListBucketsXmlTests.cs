using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Tests.Protocol;

/// <summary>ListAllMyBucketsResult against TestData/Xml/ListBuckets.*.xml.</summary>
public sealed class ListBucketsXmlTests
{
    [Test]
    public async Task ListBuckets_WithoutParameters_MatchesGoldenXml()
    {
        var kit = await SeedAsync();

        var result = await kit.DispatchAsync(S3Operation.ListBuckets, null, null);

        GoldenXml.AssertMatches(await ProtocolTestKit.BodyAsync(result), "ListBuckets.NoParameters");
    }

    [Test]
    public async Task ListBuckets_WithPrefixAndMaxBuckets_MatchesGoldenXml()
    {
        var kit = await SeedAsync();

        var result = await kit.DispatchAsync(S3Operation.ListBuckets, null, null, "prefix=al&max-buckets=1");

        GoldenXml.AssertMatches(await ProtocolTestKit.BodyAsync(result), "ListBuckets.Paginated");
    }

    [Test]
    public async Task ListBuckets_WithBucketRegion_MatchesGoldenXml()
    {
        var kit = await SeedAsync();

        var result = await kit.DispatchAsync(S3Operation.ListBuckets, null, null, "bucket-region=us-east-1");

        GoldenXml.AssertMatches(await ProtocolTestKit.BodyAsync(result), "ListBuckets.BucketRegion");
    }

    /// <summary>Three buckets of ours in two regions, and one of another account that must not be listed.</summary>
    private static async Task<ProtocolTestKit> SeedAsync()
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync("alpha", "eu-west-1");
        kit.SetTime("2026-01-03T00:00:00.000Z");
        await kit.CreateBucketAsync("alpine");
        await kit.CreateBucketAsync("beta");
        await kit.CreateBucketAsync("bravo-not-ours", owner: "210987654321");
        return kit;
    }
}
