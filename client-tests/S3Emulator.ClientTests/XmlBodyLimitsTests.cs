using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests;

/// <summary>
/// Hostile XML request bodies, for every operation that takes one: nesting far deeper than any S3 schema, a
/// DTD, a body past the size limit. Each is S3's error at once; the same body without the hostile part is
/// accepted, so the refusal is the hostile part's doing. Sent by hand: no SDK writes such bodies.
/// </summary>
public sealed class XmlBodyLimitsTests(Transport transport) : EmulatorTestBase(transport)
{
    public enum BodyKind
    {
        DeleteObjects,
        CompleteMultipartUpload,
        PutObjectTagging,
        PutBucketEncryption,
        CreateBucket,
    }

    [Test]
    public async Task WellFormedBody_IsAccepted([Values] BodyKind kind)
    {
        var (status, body) = await SendAsync(kind, extra: "");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.NoContent), body);
    }

    [Test]
    public async Task BodyNested1000Deep_IsMalformedXml([Values] BodyKind kind) =>
        await ExpectAsync(kind, extra: Nested(1000), HttpStatusCode.BadRequest, "MalformedXML");

    [Test]
    public async Task BodyNested100000Deep_IsMalformedXml([Values] BodyKind kind) =>
        await ExpectAsync(kind, extra: Nested(100_000), HttpStatusCode.BadRequest, "MalformedXML");

    [Test]
    public async Task BodyWithADtd_IsMalformedXml([Values] BodyKind kind) =>
        await ExpectAsync(kind, extra: "", HttpStatusCode.BadRequest, "MalformedXML",
            prolog: "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>");

    [Test]
    public async Task BodyOverTwoMebibytes_IsMaxMessageLengthExceeded([Values] BodyKind kind) =>
        await ExpectAsync(kind, extra: new string(' ', 2 * 1024 * 1024), HttpStatusCode.BadRequest, "MaxMessageLengthExceeded");

    // A key in an XML body cannot be other than UTF-8: XML forbids surrogate and NUL references outright.
    [TestCase("&#xD800;")]
    [TestCase("a&#xDFFF;b")]
    [TestCase("&#x0;")]
    public async Task DeleteObjects_KeyNamingACharacterXmlForbids_IsMalformedXml(string key) =>
        await ExpectAsync(BodyKind.DeleteObjects, extra: $"<Object><Key>{key}</Key></Object>", HttpStatusCode.BadRequest, "MalformedXML");

    private async Task ExpectAsync(BodyKind kind, string extra, HttpStatusCode status, string code, string prolog = "")
    {
        var (actualStatus, body) = await SendAsync(kind, extra, prolog);

        Assert.That(actualStatus, Is.EqualTo(status), body);
        Assert.That(body, Does.Contain($"<Code>{code}</Code>"));
    }

    private static string Nested(int depth) =>
        string.Concat(Enumerable.Repeat("<Nested>", depth)) + string.Concat(Enumerable.Repeat("</Nested>", depth));

    /// <summary>Sends the operation's valid body with <paramref name="extra"/> inside its root element.</summary>
    private async Task<(HttpStatusCode Status, string Body)> SendAsync(BodyKind kind, string extra, string prolog = "")
    {
        var bucket = await CreateBucketAsync("xml");
        var (method, path, query, root) = kind switch
        {
            BodyKind.DeleteObjects => (HttpMethod.Post, $"/{bucket}", "delete=",
                "<Delete><Object><Key>k</Key></Object>{0}</Delete>"),
            BodyKind.CompleteMultipartUpload => await CompleteTargetAsync(bucket),
            BodyKind.PutObjectTagging => await TaggingTargetAsync(bucket),
            BodyKind.PutBucketEncryption => (HttpMethod.Put, $"/{bucket}", "encryption=",
                "<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
                + "</ApplyServerSideEncryptionByDefault></Rule>{0}</ServerSideEncryptionConfiguration>"),
            BodyKind.CreateBucket => (HttpMethod.Put, $"/{bucket}-new", "",
                "<CreateBucketConfiguration>{0}</CreateBucketConfiguration>"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var content = Encoding.UTF8.GetBytes(prolog + string.Format(System.Globalization.CultureInfo.InvariantCulture, root, extra));
        using var request = RawS3Request.Create(method, Emulator.ServiceUrl, Emulator.Options.Region, path, query, content,
            new Dictionary<string, string> { ["content-md5"] = Convert.ToBase64String(MD5.HashData(content)) });
        using var http = Emulator.CreateHttpClient();
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<(HttpMethod, string, string, string)> CompleteTargetAsync(string bucket)
    {
        var upload = await S3.InitiateMultipartUploadAsync(bucket, "mpu");
        var part = await S3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket, Key = "mpu", UploadId = upload.UploadId, PartNumber = 1, InputStream = new MemoryStream("part"u8.ToArray()),
        });
        return (HttpMethod.Post, $"/{bucket}/mpu", "uploadId=" + Uri.EscapeDataString(upload.UploadId),
            $"<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>{part.ETag}</ETag></Part>{{0}}</CompleteMultipartUpload>");
    }

    private async Task<(HttpMethod, string, string, string)> TaggingTargetAsync(string bucket)
    {
        await PutTextAsync(bucket, "tagged", "v");
        return (HttpMethod.Put, $"/{bucket}/tagged", "tagging=",
            "<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet>{0}</Tagging>");
    }
}
