using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Tests.Protocol;

/// <summary>
/// InitiateMultipartUploadResult, ListPartsResult, ListMultipartUploadsResult and CompleteMultipartUploadResult
/// against TestData/Xml. Uploads go through the handlers, so their ids are random and masked before comparing.
/// </summary>
public sealed class MultipartXmlTests
{
    private const string Bucket = "uploads";
    private const string Key = "videos/movie.m2ts";

    [Test]
    public async Task CreateMultipartUpload_MatchesGoldenXml()
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync(Bucket);

        var body = await ProtocolTestKit.BodyAsync(await kit.DispatchAsync(S3Operation.CreateMultipartUpload, Bucket, Key, "uploads"));

        // The id is random: check it is the upload the store now holds, then mask it.
        var uploadId = System.Xml.Linq.XDocument.Parse(body).Root!.Elements().Single(e => e.Name.LocalName == "UploadId").Value;
        Assert.That(await kit.Store.GetMultipartUploadAsync(Bucket, uploadId, CancellationToken.None), Is.Not.Null);
        GoldenXml.AssertMatches(GoldenXml.MaskUploadIds(body, (uploadId, "{UploadId}")), "CreateMultipartUpload.Basic");
    }

    [Test]
    public async Task ListParts_WithMarkerAndMaxParts_MatchesGoldenXml()
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync(Bucket);
        var uploadId = await kit.CreateMultipartUploadAsync(Bucket, Key);
        string[] parts = ["part one", "part two", "part three", "part four"];
        for (var i = 0; i < parts.Length; i++)
        {
            kit.SetTime($"2026-01-02T03:1{i + 1}:00.000Z");
            await kit.UploadPartAsync(Bucket, Key, uploadId, i + 1, parts[i]);
        }

        // The same page as the AWS example: after part 1, two parts, truncated, next marker 3.
        var result = await kit.DispatchAsync(S3Operation.ListParts, Bucket, Key,
            $"uploadId={Uri.EscapeDataString(uploadId)}&max-parts=2&part-number-marker=1");

        var body = GoldenXml.MaskUploadIds(await ProtocolTestKit.BodyAsync(result), (uploadId, "{UploadId}"));
        GoldenXml.AssertMatches(body, "ListParts.Truncated");
    }

    [Test]
    public async Task ListMultipartUploads_WithEncodingTypeUrl_MatchesGoldenXml()
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync(Bucket);
        await kit.CreateMultipartUploadAsync(Bucket, "a b/1");
        var second = await kit.CreateMultipartUploadAsync(Bucket, "a b/é");
        await kit.CreateMultipartUploadAsync(Bucket, "a b/c d/2");

        // Keys, prefixes, delimiter and key markers are encoded; upload ids are not.
        var result = await kit.DispatchAsync(S3Operation.ListMultipartUploads, Bucket, null,
            "uploads&prefix=a%20b%2F&delimiter=%2F&encoding-type=url&key-marker=a%20b%2F1");

        var body = await ProtocolTestKit.BodyAsync(result);
        GoldenXml.AssertMatches(GoldenXml.MaskUploadIds(body, (second, "{UploadId:a b/é}")), "ListMultipartUploads.EncodingTypeUrl");
    }

    [Test]
    public async Task ListMultipartUploads_WithDelimiter_MatchesGoldenXml()
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync(Bucket);
        // The keys of the AWS delimiter example: one upload at the top level, two rolled up under photos/ and videos/.
        var photos = await kit.CreateMultipartUploadAsync(Bucket, "photos/2006/a.jpg");
        kit.SetTime("2026-01-02T05:00:00.000Z");
        var sample = await kit.CreateMultipartUploadAsync(Bucket, "sample.jpg");
        kit.SetTime("2026-01-02T06:00:00.000Z");
        var videos = await kit.CreateMultipartUploadAsync(Bucket, "videos/b.mp4");

        var result = await kit.DispatchAsync(S3Operation.ListMultipartUploads, Bucket, null, "uploads&delimiter=%2F");

        var body = await ProtocolTestKit.BodyAsync(result);
        Assert.That(body, Does.Not.Contain(photos).And.Not.Contain(videos), "rolled-up uploads are listed only as common prefixes");
        GoldenXml.AssertMatches(GoldenXml.MaskUploadIds(body, (sample, "{UploadId:sample.jpg}")), "ListMultipartUploads.Delimiter");
    }

    [Test]
    public async Task CompleteMultipartUpload_WithOnePart_MatchesGoldenXml()
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync(Bucket);
        var uploadId = await kit.CreateMultipartUploadAsync(Bucket, Key);
        await kit.UploadPartAsync(Bucket, Key, uploadId, 1, "hello multipart");
        const string request = """
            <CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Part><PartNumber>1</PartNumber><ETag>"6ffda3764fa96f759cb699bd25b11694"</ETag></Part>
            </CompleteMultipartUpload>
            """;

        var result = await kit.DispatchAsync(S3Operation.CompleteMultipartUpload, Bucket, Key,
            $"uploadId={Uri.EscapeDataString(uploadId)}", request);

        // The result names no upload id; masking would only hide a leak of one.
        var body = await ProtocolTestKit.BodyAsync(result);
        Assert.That(body, Does.Not.Contain(uploadId));
        GoldenXml.AssertMatches(body, "CompleteMultipartUpload.SinglePart");
    }
}
