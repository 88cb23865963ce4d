using System.Diagnostics;
using System.Xml.Linq;
using S3Emulator.Core.Checksums;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Services.S3;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Tests.Protocol;

/// <summary>GetObjectAttributesResponse against TestData/Xml, and the request checks that come before it.</summary>
public sealed class ObjectAttributesXmlTests
{
    private const string Bucket = "docs";
    private const string AllAttributes = "ObjectSize,StorageClass,ObjectParts,Checksum,ETag";

    [Test]
    public async Task SinglePut_MatchesGoldenXml_AndSendsLastModified()
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync(Bucket);
        await kit.PutObjectAsync(Bucket, "hello.txt", "hello world", ("x-amz-checksum-crc32", "DUoRhQ=="));

        // The request lists the attributes backwards: the response keeps S3's order anyway.
        var result = await GetAttributesAsync(kit, "hello.txt", ("x-amz-object-attributes", AllAttributes));

        GoldenXml.AssertMatches(await ProtocolTestKit.BodyAsync(result), "GetObjectAttributes.SinglePut");
        Assert.That(result.Headers["Last-Modified"], Is.EqualTo("Fri, 02 Jan 2026 03:04:05 GMT"));
        Assert.That(result.Headers.Keys, Has.None.StartsWith("x-amz-server-side-encryption").And.None.EqualTo("ETag"));
    }

    [Test]
    public async Task CompositeMultipart_WithMarkerAndMaxParts_MatchesGoldenXml()
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync(Bucket);
        await UploadAsync(kit, "big.bin", ("x-amz-checksum-algorithm", "CRC32"));

        var result = await GetAttributesAsync(kit, "big.bin",
            ("x-amz-object-attributes", AllAttributes), ("x-amz-max-parts", "1"), ("x-amz-part-number-marker", "1"));

        GoldenXml.AssertMatches(await ProtocolTestKit.BodyAsync(result), "GetObjectAttributes.CompositePartsPage");
    }

    [Test]
    public async Task FullObjectMultipart_ShowsOnlyThePartCount()
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync(Bucket);
        await UploadAsync(kit, "full.bin", ("x-amz-checksum-algorithm", "CRC32"), ("x-amz-checksum-type", "FULL_OBJECT"));

        var body = XDocument.Parse(await ProtocolTestKit.BodyAsync(await GetAttributesAsync(kit, "full.bin",
            ("x-amz-object-attributes", "ObjectParts,Checksum"))));

        var parts = body.Root!.Elements().Single(e => e.Name.LocalName == "ObjectParts");
        Assert.That(parts.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "PartsCount" }));
        Assert.That(parts.Value, Is.EqualTo("3"));
        Assert.That(body.Root!.Descendants().Single(e => e.Name.LocalName == "ChecksumType").Value, Is.EqualTo("FULL_OBJECT"));
    }

    [TestCase(null, null)]
    [TestCase("", "")]
    [TestCase("ETag,Size", "Size")]
    [TestCase("etag", "etag")]
    public async Task MissingOrUnknownAttribute_IsInvalidArgument(string? attributes, string? argumentValue)
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync(Bucket);
        await kit.PutObjectAsync(Bucket, "k", "v");

        var error = await ErrorAsync(kit, "k", attributes is null ? [] : [("x-amz-object-attributes", attributes)]);

        Assert.That(error.Error.Code, Is.EqualTo("InvalidArgument"));
        Assert.That(error.Error.Message, Is.EqualTo("Invalid attribute name specified."));
        Assert.That(error.Details, Does.Contain(S3Exception.Detail("ArgumentName", "x-amz-object-attributes")));
        if (argumentValue is not null) Assert.That(error.Details, Does.Contain(S3Exception.Detail("ArgumentValue", argumentValue)));
    }

    [Test]
    public async Task ServerSideEncryptionHeader_IsRefusedAsOnGet()
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync(Bucket);
        await kit.PutObjectAsync(Bucket, "k", "v");

        var error = await ErrorAsync(kit, "k", [("x-amz-object-attributes", "ETag"), ("x-amz-server-side-encryption", "AES256")]);

        Assert.That(error.Error.Code, Is.EqualTo("InvalidArgument"));
        Assert.That(error.Error.Message, Is.EqualTo("x-amz-server-side-encryption header is not supported for this operation."));
    }

    [Test]
    public async Task MaxPartsThatIsNotANumber_IsInvalidArgument()
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync(Bucket);
        await kit.PutObjectAsync(Bucket, "k", "v");

        var error = await ErrorAsync(kit, "k", [("x-amz-object-attributes", "ObjectParts"), ("x-amz-max-parts", "-1")]);

        Assert.That(error.Error.Code, Is.EqualTo("InvalidArgument"));
        Assert.That(error.Details, Does.Contain(S3Exception.Detail("ArgumentName", "x-amz-max-parts")));
    }

    [Test]
    public async Task MissingKey_IsNoSuchKey()
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync(Bucket);

        var error = await ErrorAsync(kit, "nope", [("x-amz-object-attributes", "ETag")]);

        Assert.That(error.Error.Code, Is.EqualTo("NoSuchKey"));
    }

    private static Task<S3Result> GetAttributesAsync(ProtocolTestKit kit, string key, params (string Name, string Value)[] headers) =>
        kit.DispatchAsync(S3Operation.GetObjectAttributes, Bucket, key, "attributes", headers: headers);

    private static async Task<S3Exception> ErrorAsync(ProtocolTestKit kit, string key, (string Name, string Value)[] headers)
    {
        try
        {
            await GetAttributesAsync(kit, key, headers);
        }
        catch (S3Exception exception)
        {
            return exception;
        }
        Assert.Fail("Expected an S3 error.");
        throw new UnreachableException();
    }

    /// <summary>A three-part upload (5 MiB of 'a', 5 MiB of 'b', "tail"), completed with each part's ETag and CRC32.</summary>
    private static async Task UploadAsync(ProtocolTestKit kit, string key, params (string Name, string Value)[] createHeaders)
    {
        var created = await ProtocolTestKit.BodyAsync(await kit.DispatchAsync(S3Operation.CreateMultipartUpload, Bucket, key, "uploads", headers: createHeaders));
        var uploadId = XDocument.Parse(created).Root!.Elements().Single(e => e.Name.LocalName == "UploadId").Value;
        string[] parts = [new string('a', 5 * 1024 * 1024), new string('b', 5 * 1024 * 1024), "tail"];
        var completed = new XElement("CompleteMultipartUpload");
        for (var i = 0; i < parts.Length; i++)
        {
            var crc32 = ChecksumAlgorithms.ComputeBase64(ChecksumAlgorithm.Crc32, System.Text.Encoding.UTF8.GetBytes(parts[i]));
            var part = await kit.DispatchAsync(S3Operation.UploadPart, Bucket, key,
                $"partNumber={i + 1}&uploadId={Uri.EscapeDataString(uploadId)}", parts[i], ("x-amz-checksum-crc32", crc32));
            completed.Add(new XElement("Part",
                new XElement("PartNumber", i + 1), new XElement("ETag", part.Headers["ETag"]), new XElement("ChecksumCRC32", crc32)));
        }
        await kit.DispatchAsync(S3Operation.CompleteMultipartUpload, Bucket, key,
            $"uploadId={Uri.EscapeDataString(uploadId)}", completed.ToString());
    }
}
