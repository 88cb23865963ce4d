using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using S3Emulator.ClientTests.RawHttp;

namespace S3Emulator.ClientTests;

public sealed class MultipartUploadTests(Transport transport) : MultipartTestBase(transport)
{
    [Test]
    public async Task MultipartUpload_OfThreeParts_AssemblesTheObjectWithAMultipartETag()
    {
        byte[][] parts = [Bytes(5 * MiB, 1), Bytes(5 * MiB, 2), Bytes(MiB + 17, 3)];
        var uploadId = await CreateUploadAsync("big.bin");
        var etags = await UploadPartsAsync("big.bin", uploadId, parts);

        var complete = await CompleteAsync("big.bin", uploadId, etags);
        using var get = await S3.GetObjectAsync(Bucket, "big.bin");
        var content = await ReadAllAsync(get.ResponseStream);

        Assert.That(content, Is.EqualTo(parts.SelectMany(p => p).ToArray()));
        Assert.That(complete.ETag, Does.Match("^\"[0-9a-f]{32}-3\"$"));
        Assert.That(complete.ETag, Is.EqualTo(ExpectedMultipartETag(parts)));
        Assert.That(get.ETag, Is.EqualTo(complete.ETag));
        Assert.That(complete.Key, Is.EqualTo("big.bin"));
        Assert.That(complete.BucketName, Is.EqualTo(Bucket));
        Assert.That(complete.Location, Does.EndWith($"/{Bucket}/big.bin"));
    }

    [Test]
    public async Task GetObject_WithPartNumber_ReturnsThatPartAndThePartsCount()
    {
        byte[][] parts = [Bytes(5 * MiB, 4), Bytes(5 * MiB, 5), Bytes(1000, 6)];
        var uploadId = await CreateUploadAsync("k");
        await CompleteAsync("k", uploadId, await UploadPartsAsync("k", uploadId, parts));

        using var response = await S3.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = "k", PartNumber = 2 });
        var content = await ReadAllAsync(response.ResponseStream);

        Assert.That(response.HttpStatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(content, Is.EqualTo(parts[1]));
        Assert.That(response.PartsCount, Is.EqualTo(3));
        Assert.That(response.ContentRange, Is.EqualTo($"bytes {5 * MiB}-{10 * MiB - 1}/{10 * MiB + 1000}"));
    }

    [Test]
    public async Task CompleteMultipartUpload_WithASmallPartBeforeTheLast_ReturnsEntityTooSmall()
    {
        var uploadId = await CreateUploadAsync("k");
        var etags = await UploadPartsAsync("k", uploadId, [Bytes(100, 1), Bytes(100, 2)]);

        var error = await ExpectS3ErrorAsync(() => CompleteAsync("k", uploadId, etags));

        Assert.That(error.ErrorCode, Is.EqualTo("EntityTooSmall"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task CompleteMultipartUpload_OfOneSmallPart_Succeeds()
    {
        var uploadId = await CreateUploadAsync("k");
        var etags = await UploadPartsAsync("k", uploadId, [Bytes(10, 1)]);

        var complete = await CompleteAsync("k", uploadId, etags);

        Assert.That(complete.ETag, Does.EndWith("-1\""));
        Assert.That((await S3.GetObjectMetadataAsync(Bucket, "k")).ContentLength, Is.EqualTo(10));
    }

    [Test]
    public async Task CompleteMultipartUpload_WithAWrongETag_ReturnsInvalidPart()
    {
        var uploadId = await CreateUploadAsync("k");
        await UploadPartsAsync("k", uploadId, [Bytes(10, 1)]);

        var error = await ExpectS3ErrorAsync(() => CompleteAsync("k", uploadId, [new PartETag(1, "\"00000000000000000000000000000000\"")]));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidPart"));
    }

    [Test]
    public async Task CompleteMultipartUpload_NamingAPartNeverUploaded_ReturnsInvalidPart()
    {
        var uploadId = await CreateUploadAsync("k");
        var etags = await UploadPartsAsync("k", uploadId, [Bytes(10, 1)]);

        var error = await ExpectS3ErrorAsync(() => CompleteAsync("k", uploadId, [.. etags, new PartETag(2, etags[0].ETag)]));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidPart"));
    }

    [Test]
    public async Task CompleteMultipartUpload_WithPartsOutOfOrder_ReturnsInvalidPartOrder()
    {
        var uploadId = await CreateUploadAsync("k");
        var etags = await UploadPartsAsync("k", uploadId, [Bytes(5 * MiB, 1), Bytes(10, 2)]);

        // The SDK sorts the parts it sends, so this body is signed and sent by hand.
        var (status, body) = await PostSignedAsync("k", uploadId,
            $"<CompleteMultipartUpload><Part><PartNumber>2</PartNumber><ETag>{etags[1].ETag}</ETag></Part>"
            + $"<Part><PartNumber>1</PartNumber><ETag>{etags[0].ETag}</ETag></Part></CompleteMultipartUpload>");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(XElement.Parse(body).Element("Code")?.Value, Is.EqualTo("InvalidPartOrder"));
    }

    [Test]
    public async Task UploadPart_ToAnUnknownUpload_ReturnsNoSuchUpload()
    {
        var error = await ExpectS3ErrorAsync(() => S3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = Bucket, Key = "k", UploadId = "no-such-upload", PartNumber = 1, InputStream = new MemoryStream([1]),
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("NoSuchUpload"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task UploadPart_UnderAnotherKey_ReturnsNoSuchUpload()
    {
        var uploadId = await CreateUploadAsync("k");

        var error = await ExpectS3ErrorAsync(() => S3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = Bucket, Key = "other", UploadId = uploadId, PartNumber = 1, InputStream = new MemoryStream([1]),
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("NoSuchUpload"));
    }

    [TestCase(0)]
    [TestCase(10_001)]
    public async Task UploadPart_WithPartNumberOutOfRange_ReturnsInvalidArgument(int partNumber)
    {
        var uploadId = await CreateUploadAsync("k");

        var error = await ExpectS3ErrorAsync(() => S3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = Bucket, Key = "k", UploadId = uploadId, PartNumber = partNumber, InputStream = new MemoryStream([1]),
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidArgument"));
    }

    [Test]
    public async Task AbortMultipartUpload_RemovesTheUpload_AndAbortingAgainReturnsNoSuchUpload()
    {
        var uploadId = await CreateUploadAsync("k");
        await UploadPartsAsync("k", uploadId, [Bytes(10, 1)]);

        var abort = await S3.AbortMultipartUploadAsync(Bucket, "k", uploadId);
        var again = await ExpectS3ErrorAsync(() => S3.AbortMultipartUploadAsync(Bucket, "k", uploadId));
        var listParts = await ExpectS3ErrorAsync(() => S3.ListPartsAsync(Bucket, "k", uploadId));
        var uploads = await S3.ListMultipartUploadsAsync(Bucket);

        Assert.That(abort.HttpStatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(again.ErrorCode, Is.EqualTo("NoSuchUpload"));
        Assert.That(listParts.ErrorCode, Is.EqualTo("NoSuchUpload"));
        Assert.That(uploads.MultipartUploads, Is.Null.Or.Empty);
        Assert.That((await ExpectS3ErrorAsync(() => S3.GetObjectAsync(Bucket, "k"))).ErrorCode, Is.EqualTo("NoSuchKey"));
    }

    [Test]
    public async Task ListParts_WithMaxParts_PagesThroughEveryPart()
    {
        var uploadId = await CreateUploadAsync("k");
        var etags = await UploadPartsAsync("k", uploadId, [.. Enumerable.Range(1, 5).Select(i => Bytes(10 * i, i))]);
        var listed = new List<PartDetail>();
        string? marker = null;
        var pages = 0;

        do
        {
            var page = await S3.ListPartsAsync(new ListPartsRequest
            {
                BucketName = Bucket, Key = "k", UploadId = uploadId, MaxParts = 2, PartNumberMarker = marker,
            });
            pages++;
            listed.AddRange(page.Parts ?? []);
            Assert.That(page.MaxParts, Is.EqualTo(2));
            Assert.That(page.Initiator?.Id, Is.Not.Null.And.Not.Empty);
            Assert.That(page.Owner?.Id, Is.Not.Null.And.Not.Empty);
            marker = page.IsTruncated == true ? page.NextPartNumberMarker?.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        while (marker is not null);

        Assert.That(pages, Is.EqualTo(3));
        Assert.That(listed.Select(p => p.PartNumber), Is.EqualTo(new int?[] { 1, 2, 3, 4, 5 }));
        Assert.That(listed.Select(p => p.Size), Is.EqualTo(new long?[] { 10, 20, 30, 40, 50 }));
        Assert.That(listed.Select(p => p.ETag), Is.EqualTo(etags.Select(e => e.ETag)));
    }

    [Test]
    public async Task ListMultipartUploads_ShowsUploadsInProgress_WithPrefixAndDelimiter()
    {
        var first = await CreateUploadAsync("logs/a");
        var second = await CreateUploadAsync("logs/a");
        await CreateUploadAsync("logs/2024/b");
        await CreateUploadAsync("other");

        var all = await S3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Bucket });
        var rolled = await S3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Bucket, Prefix = "logs/", Delimiter = "/" });
        var paged = await S3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Bucket, MaxUploads = 2 });
        var rest = await S3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest
        {
            BucketName = Bucket, KeyMarker = paged.NextKeyMarker, UploadIdMarker = paged.NextUploadIdMarker,
        });

        Assert.That(all.MultipartUploads.Select(u => u.Key), Is.EqualTo(new[] { "logs/2024/b", "logs/a", "logs/a", "other" }));
        Assert.That(all.MultipartUploads.Where(u => u.Key == "logs/a").Select(u => u.UploadId), Is.EquivalentTo(new[] { first, second }));
        Assert.That(all.MultipartUploads[0].Initiated, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
        Assert.That(all.MultipartUploads[0].StorageClass?.Value, Is.EqualTo("STANDARD"));
        Assert.That(rolled.MultipartUploads.Select(u => u.Key), Is.EqualTo(new[] { "logs/a", "logs/a" }));
        Assert.That(rolled.CommonPrefixes, Is.EqualTo(new[] { "logs/2024/" }));
        Assert.That(paged.IsTruncated, Is.True);
        Assert.That(paged.MultipartUploads.Concat(rest.MultipartUploads).Select(u => u.UploadId),
            Is.EqualTo(all.MultipartUploads.Select(u => u.UploadId)));
    }

    [Test]
    public async Task UploadPartCopy_WithARange_CopiesThoseBytesIntoThePart()
    {
        var source = Bytes(6 * MiB, 9);
        await S3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "source", InputStream = new MemoryStream(source) });
        var uploadId = await CreateUploadAsync("copy");

        var first = await S3.CopyPartAsync(new CopyPartRequest
        {
            SourceBucket = Bucket, SourceKey = "source", DestinationBucket = Bucket, DestinationKey = "copy",
            UploadId = uploadId, PartNumber = 1, FirstByte = 0, LastByte = 5 * MiB - 1,
        });
        var second = await S3.CopyPartAsync(new CopyPartRequest
        {
            SourceBucket = Bucket, SourceKey = "source", DestinationBucket = Bucket, DestinationKey = "copy",
            UploadId = uploadId, PartNumber = 2, FirstByte = 100, LastByte = 199,
        });
        await CompleteAsync("copy", uploadId, [new PartETag(1, first.ETag), new PartETag(2, second.ETag)]);
        using var get = await S3.GetObjectAsync(Bucket, "copy");

        Assert.That(await ReadAllAsync(get.ResponseStream), Is.EqualTo(source[..(5 * MiB)].Concat(source[100..200]).ToArray()));
        Assert.That(second.ETag, Is.EqualTo("\"" + Convert.ToHexStringLower(MD5.HashData(source.AsSpan(100, 100))) + "\""));
        Assert.That(second.LastModified, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public async Task UploadPartCopy_WithARangeBeyondTheSource_ReturnsInvalidArgument()
    {
        await PutTextAsync(Bucket, "source", "0123456789");
        var uploadId = await CreateUploadAsync("copy");

        var error = await ExpectS3ErrorAsync(() => S3.CopyPartAsync(new CopyPartRequest
        {
            SourceBucket = Bucket, SourceKey = "source", DestinationBucket = Bucket, DestinationKey = "copy",
            UploadId = uploadId, PartNumber = 1, FirstByte = 5, LastByte = 10,
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidArgument"));
        Assert.That(error.Message, Is.EqualTo("Range specified is not valid for source object of size: 10"));
    }

    [Test]
    public async Task MultipartUpload_WithCrc32_HasACompositeChecksumOfThePartChecksums()
    {
        byte[][] parts = [Bytes(5 * MiB, 11), Bytes(5 * MiB, 12), Bytes(300, 13)];
        var create = await S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = Bucket, Key = "crc", ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
        });
        var etags = await UploadPartsAsync("crc", create.UploadId, parts, ChecksumAlgorithm.CRC32);

        var complete = await CompleteAsync("crc", create.UploadId, etags);
        using var get = await S3.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = "crc", ChecksumMode = ChecksumMode.ENABLED });
        await ReadAllAsync(get.ResponseStream);

        var expected = Convert.ToBase64String(Crc32(parts.SelectMany(Crc32).ToArray())) + "-3";
        Assert.That(create.ChecksumAlgorithm, Is.EqualTo(ChecksumAlgorithm.CRC32));
        Assert.That(create.ChecksumType, Is.EqualTo(ChecksumType.COMPOSITE));
        Assert.That(etags.Select(e => e.ChecksumCRC32), Is.EqualTo(parts.Select(p => Convert.ToBase64String(Crc32(p)))));
        Assert.That(complete.ChecksumCRC32, Is.EqualTo(expected));
        Assert.That(complete.ChecksumType, Is.EqualTo(ChecksumType.COMPOSITE));
        Assert.That(get.ChecksumCRC32, Is.EqualTo(expected));
        Assert.That(get.ChecksumType, Is.EqualTo(ChecksumType.COMPOSITE));
    }

    [Test]
    public async Task CompleteMultipartUpload_WithAWrongPartChecksum_ReturnsInvalidPart()
    {
        var create = await S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = Bucket, Key = "crc", ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
        });
        var etags = await UploadPartsAsync("crc", create.UploadId, [Bytes(10, 1)], ChecksumAlgorithm.CRC32);
        etags[0].ChecksumCRC32 = "AAAAAA==";

        var error = await ExpectS3ErrorAsync(() => CompleteAsync("crc", create.UploadId, etags));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidPart"));
    }

    [Test]
    public async Task CreateMultipartUpload_WithFullObjectSha256_ReturnsInvalidRequest()
    {
        var error = await ExpectS3ErrorAsync(() => S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = Bucket, Key = "k", ChecksumAlgorithm = ChecksumAlgorithm.SHA256, ChecksumType = ChecksumType.FULL_OBJECT,
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidRequest"));
    }

    [Test]
    public async Task CreateMultipartUpload_KeepsMetadataAndContentTypeForTheObject()
    {
        var request = new InitiateMultipartUploadRequest { BucketName = Bucket, Key = "k", ContentType = "text/csv" };
        request.Metadata.Add("origin", "test");
        var uploadId = (await S3.InitiateMultipartUploadAsync(request)).UploadId;
        await CompleteAsync("k", uploadId, await UploadPartsAsync("k", uploadId, [Bytes(10, 1)]));

        var head = await S3.GetObjectMetadataAsync(Bucket, "k");

        Assert.That(head.Headers.ContentType, Is.EqualTo("text/csv"));
        Assert.That(head.Metadata["x-amz-meta-origin"], Is.EqualTo("test"));
    }

    [Test]
    public async Task TransferUtility_UploadOfATwelveMebibyteStream_RoundTrips()
    {
        var data = Bytes(12 * MiB, 21);
        // The default threshold (16 MiB) would send 12 MiB as one PUT.
        using var transfer = new TransferUtility(S3, new TransferUtilityConfig { MinSizeBeforePartUpload = 5 * MiB });

        await transfer.UploadAsync(new TransferUtilityUploadRequest
        {
            BucketName = Bucket, Key = "transfer.bin", InputStream = new MemoryStream(data), PartSize = 5 * MiB,
        });
        using var get = await S3.GetObjectAsync(Bucket, "transfer.bin");

        Assert.That(await ReadAllAsync(get.ResponseStream), Is.EqualTo(data));
        Assert.That(get.ETag, Does.Match("^\"[0-9a-f]{32}-3\"$"));
    }

    /// <summary>POSTs a CompleteMultipartUpload body exactly as given, signed with the SDK's own SigV4 signer.</summary>
    private async Task<(HttpStatusCode Status, string Body)> PostSignedAsync(string key, string uploadId, string xml)
    {
        var request = SignedRawRequest.Sign(S3, Emulator.ServiceUrl, Emulator.Options.Region, new CompleteMultipartUploadRequest(), "POST",
            Bucket, key, Encoding.UTF8.GetBytes(xml), r => r.AddSubResource("uploadId", uploadId));
        using var message = request.ToMessage();
        using var http = Emulator.CreateHttpClient();
        using var response = await http.SendAsync(message);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string ExpectedMultipartETag(byte[][] parts) =>
        "\"" + Convert.ToHexStringLower(MD5.HashData(parts.SelectMany(MD5.HashData).ToArray())) + "-" + parts.Length + "\"";

    /// <summary>CRC32 as S3 renders it: big-endian.</summary>
    private static byte[] Crc32(byte[] data)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, System.IO.Hashing.Crc32.HashToUInt32(data));
        return bytes;
    }

    private static byte[] Bytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
