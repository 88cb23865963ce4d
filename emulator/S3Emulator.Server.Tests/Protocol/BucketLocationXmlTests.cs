using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Tests.Protocol;

/// <summary>LocationConstraint against TestData/Xml/GetBucketLocation.*.xml.</summary>
public sealed class BucketLocationXmlTests
{
    // us-east-1 is the region S3 reports as an empty constraint; every other region by name.
    [TestCase("us-east-1", "GetBucketLocation.UsEast1")]
    [TestCase("eu-west-1", "GetBucketLocation.EuWest1")]
    public async Task GetBucketLocation_MatchesGoldenXml(string region, string golden)
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync("placed", region);

        var result = await kit.DispatchAsync(S3Operation.GetBucketLocation, "placed", null, "location");

        GoldenXml.AssertMatches(await ProtocolTestKit.BodyAsync(result), golden);
    }
}
