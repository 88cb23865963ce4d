using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Tests.Protocol;

/// <summary>CopyObjectResult, DeleteResult and Tagging against TestData/Xml.</summary>
public sealed class ObjectXmlTests
{
    /// <summary>One byte over S3's 1024-byte key limit: the one way to get an Error entry into a DeleteResult here.</summary>
    private static readonly string TooLongKey = new('k', 1025);

    [Test]
    public async Task CopyObject_MatchesGoldenXml()
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync("docs");
        await kit.PutObjectAsync("docs", "src/data.txt", "copy me");
        kit.SetTime("2026-01-02T03:30:00.000Z");

        var result = await kit.DispatchAsync(S3Operation.CopyObject, "docs", "dst/data.txt",
            headers: ("x-amz-copy-source", "docs/src/data.txt"));

        GoldenXml.AssertMatches(await ProtocolTestKit.BodyAsync(result), "CopyObject.Basic");
    }

    [TestCase(false, "DeleteObjects.NotQuiet")]
    [TestCase(true, "DeleteObjects.Quiet")]
    public async Task DeleteObjects_MatchesGoldenXml(bool quiet, string golden)
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync("docs");
        await kit.PutObjectAsync("docs", "a.txt", "a");
        // A missing key counts as deleted; the over-long key fails alone and comes last, after the successes.
        var request = $"""
            <Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Quiet>{(quiet ? "true" : "false")}</Quiet>
              <Object><Key>a.txt</Key></Object>
              <Object><Key>missing.txt</Key></Object>
              <Object><Key>{TooLongKey}</Key></Object>
            </Delete>
            """;

        var result = await kit.DispatchAsync(S3Operation.DeleteObjects, "docs", null, "delete", request);

        GoldenXml.AssertMatches(await ProtocolTestKit.BodyAsync(result), golden);
    }

    [Test]
    public async Task GetObjectTagging_MatchesGoldenXml()
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync("docs");
        await kit.PutObjectAsync("docs", "tagged.txt", "tagged", ("x-amz-tagging", "project=alpha&team=storage"));

        var result = await kit.DispatchAsync(S3Operation.GetObjectTagging, "docs", "tagged.txt", "tagging");

        GoldenXml.AssertMatches(await ProtocolTestKit.BodyAsync(result), "GetObjectTagging.TwoTags");
    }
}
