using System.Xml.Linq;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Services.S3.Handlers.Listing;
using S3Emulator.Server.Services.S3.Routing;

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

    [Test]
    public async Task ListObjects_WithEncodingTypeUrl_MatchesGoldenXml()
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync("docs");
        await kit.PutObjectAsync("docs", "a b/1", "1");
        await kit.PutObjectAsync("docs", "a b/c d/2", "2");
        await kit.PutObjectAsync("docs", "a b/é", "3");

        // max-keys=2 stops after "a b/1" and the common prefix "a b/c d/": NextMarker names the prefix.
        var result = await kit.DispatchAsync(S3Operation.ListObjects, "docs", null,
            "prefix=a%20b%2F&delimiter=%2F&encoding-type=url&marker=a%20b%2F0&max-keys=2");

        GoldenXml.AssertMatches(await ProtocolTestKit.BodyAsync(result), "ListObjects.EncodingTypeUrl");
    }

    [TestCase(S3Operation.ListObjects, "\n")]
    [TestCase(S3Operation.ListObjectsV2, "%0A")]
    public async Task ListObjects_WithEncodingTypeUrlAndANewlinePrefix_EncodesThePrefixOnlyInV2(S3Operation operation, string expected)
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync("docs");
        await kit.PutObjectAsync("docs", "\nkey", "1");

        var result = await kit.DispatchAsync(operation, "docs", null,
            (operation == S3Operation.ListObjectsV2 ? "list-type=2&" : "") + "prefix=%0A&encoding-type=url");

        var root = XDocument.Parse(await ProtocolTestKit.BodyAsync(result), LoadOptions.PreserveWhitespace).Root!;
        Assert.That(root.Elements().Single(e => e.Name.LocalName == "Prefix").Value, Is.EqualTo(expected));
        Assert.That(root.Descendants().Single(e => e.Name.LocalName == "Key").Value, Is.EqualTo("%0Akey"));
    }

    [Test]
    public void ContinuationToken_Empty_IsRefusedAsS3RefusesIt_NamingTheArgumentOnly()
    {
        var refusal = Assert.Throws<S3Exception>(() => ContinuationToken.Decode(""));

        Assert.That(refusal!.Error.Code, Is.EqualTo("InvalidArgument"));
        Assert.That(refusal.Error.Message, Is.EqualTo("The continuation token provided is incorrect"));
        // S3's answer names the argument but does not echo its value.
        Assert.That(refusal.Details, Is.EqualTo(new[] { S3Exception.Detail("ArgumentName", "continuation-token") }));
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
