using System.Xml.Linq;
using S3Emulator.Server.Routing;

namespace S3Emulator.Server.Tests.Protocol;

/// <summary>ListBucketResult (V1 and V2) against TestData/Xml/ListObjects*.xml.</summary>
public sealed class ListObjectsXmlTests
{
    [Test]
    public async Task ListObjects_WithDelimiterAndTruncation_MatchesGoldenXml()
    {
        var kit = await SeedPhotosAsync();

        // max-keys=3 stops after February/, January/ and a.jpg: two common prefixes, one key, more to come.
        var result = await kit.DispatchAsync(S3Operation.ListObjects, "photos", null, "prefix=photos%2F2006%2F&delimiter=%2F&max-keys=3");

        GoldenXml.AssertMatches(await ProtocolTestKit.BodyAsync(result), "ListObjects.DelimiterTruncated");
    }

    [Test]
    public async Task ListObjectsV2_WithDelimiterContinuationAndFetchOwner_MatchesGoldenXml()
    {
        var kit = await SeedPhotosAsync();
        const string query = "list-type=2&prefix=photos%2F2006%2F&delimiter=%2F&fetch-owner=true";
        var firstPage = XDocument.Parse(await ProtocolTestKit.BodyAsync(
            await kit.DispatchAsync(S3Operation.ListObjectsV2, "photos", null, query + "&max-keys=1")));
        var token = firstPage.Root!.Elements().Single(e => e.Name.LocalName == "NextContinuationToken").Value;

        // The second page: January/ and a.jpg, still truncated because z.jpg remains.
        var result = await kit.DispatchAsync(S3Operation.ListObjectsV2, "photos", null,
            query + "&max-keys=2&continuation-token=" + Uri.EscapeDataString(token));

        GoldenXml.AssertMatches(await ProtocolTestKit.BodyAsync(result), "ListObjectsV2.DelimiterContinuationFetchOwner");
    }

    [Test]
    public async Task ListObjectsV2_WithEncodingTypeUrlAndStartAfter_MatchesGoldenXml()
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync("docs");
        // Characters that must be percent-encoded: '&', '+' and a non-ASCII letter. No spaces: whether S3
        // writes a space as %20 or + is not settled by its documentation.
        await kit.PutObjectAsync("docs", "docs/a&b.txt", "amp");
        await kit.PutObjectAsync("docs", "docs/c+d.txt", "plus");
        await kit.PutObjectAsync("docs", "docs/é.txt", "accent");

        var result = await kit.DispatchAsync(S3Operation.ListObjectsV2, "docs", null,
            "list-type=2&prefix=docs%2F&delimiter=%2F&encoding-type=url&start-after=docs%2Fa%26b.txt");

        GoldenXml.AssertMatches(await ProtocolTestKit.BodyAsync(result), "ListObjectsV2.EncodingTypeUrl");
    }

    /// <summary>
    /// Under photos/2006/ with delimiter '/', S3 key order gives: February/ (prefix), January/ (prefix),
    /// a.jpg, z.jpg. a.jpg is written later so its LastModified differs from the clock's start.
    /// </summary>
    private static async Task<ProtocolTestKit> SeedPhotosAsync()
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync("photos");
        await kit.PutObjectAsync("photos", "photos/2006/February/x.jpg", "February photo");
        await kit.PutObjectAsync("photos", "photos/2006/January/y.jpg", "January photo");
        await kit.PutObjectAsync("photos", "photos/2006/z.jpg", "z");
        kit.SetTime("2026-01-02T04:00:00.000Z");
        await kit.PutObjectAsync("photos", "photos/2006/a.jpg", "a");
        return kit;
    }
}
