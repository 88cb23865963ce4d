using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests;

public sealed class ObjectReadWriteTests(Transport transport) : EmulatorTestBase(transport)
{
    private string _bucket = "";

    [SetUp]
    public async Task CreateBucket() => _bucket = await CreateBucketAsync();

    [Test]
    public async Task PutObject_ThenGetObject_ReturnsBytesHeadersAndMetadata()
    {
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = "docs/report.txt",
            ContentBody = "hello world",
            ContentType = "text/plain",
        };
        request.Headers.ContentDisposition = "attachment; filename=report.txt";
        request.Headers.ContentEncoding = "identity";
        request.Headers.CacheControl = "max-age=60";
        request.Headers.ContentLanguage = "en";
        request.Metadata.Add("Owner", "alice");
        var put = await S3.PutObjectAsync(request);

        using var get = await S3.GetObjectAsync(_bucket, "docs/report.txt");
        using var reader = new StreamReader(get.ResponseStream);

        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("hello world"));
        Assert.That(put.ETag, Is.EqualTo("\"5eb63bbbe01eeed093cb22bb8f5acdc3\""));
        Assert.That(get.ETag, Is.EqualTo(put.ETag));
        Assert.That(get.Headers.ContentType, Is.EqualTo("text/plain"));
        Assert.That(get.Headers.ContentDisposition, Is.EqualTo("attachment; filename=report.txt"));
        Assert.That(get.Headers.ContentEncoding, Is.EqualTo("identity"));
        Assert.That(get.Headers.CacheControl, Is.EqualTo("max-age=60"));
        Assert.That(get.Headers.ContentLanguage, Is.EqualTo("en"));
        Assert.That(get.Metadata["x-amz-meta-owner"], Is.EqualTo("alice"));
        Assert.That(get.ContentLength, Is.EqualTo(11));
    }

    [Test]
    public async Task PutObject_SentAwsChunked_KeepsTheOtherContentCodingsExactlyAsSent()
    {
        // A stream with a checksum algorithm makes the SDK send aws-chunked with a trailing checksum,
        // adding aws-chunked to the Content-Encoding the caller set.
        var request = new PutObjectRequest
        {
            BucketName = _bucket, Key = "coded", InputStream = new MemoryStream("not really deflated"u8.ToArray()),
            ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
        };
        request.Headers.ContentEncoding = "deflate, gzip";
        await S3.PutObjectAsync(request);

        // The SDK (through HttpClient) splits Content-Encoding into codings, which hides the spacing: read the
        // header as it came over the wire instead.
        var url = await S3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = _bucket, Key = "coded", Verb = HttpVerb.HEAD, Expires = DateTime.UtcNow.AddMinutes(5),
            Protocol = Emulator.ServiceUrl.Scheme == "https" ? Protocol.HTTPS : Protocol.HTTP,
        });
        using var http = Emulator.CreateHttpClient();
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(head.Content.Headers.NonValidated["Content-Encoding"].ToString(), Is.EqualTo("deflate, gzip"));
    }

    [Test]
    public async Task PutObject_Empty_RoundTrips()
    {
        var etag = await PutTextAsync(_bucket, "empty", "");

        Assert.That(etag, Is.EqualTo("\"d41d8cd98f00b204e9800998ecf8427e\""));
        Assert.That(await GetTextAsync(_bucket, "empty"), Is.Empty);
    }

    [Test]
    public async Task PutObject_Overwrite_ServesNewestVersion()
    {
        await PutTextAsync(_bucket, "k", "first");
        await PutTextAsync(_bucket, "k", "second");

        Assert.That(await GetTextAsync(_bucket, "k"), Is.EqualTo("second"));
    }

    [Test]
    public async Task GetObject_MissingKey_ReturnsNoSuchKey()
    {
        var error = await ExpectS3ErrorAsync(() => S3.GetObjectAsync(_bucket, "missing"));

        Assert.That(error.ErrorCode, Is.EqualTo("NoSuchKey"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task HeadObject_MissingKey_Returns404()
    {
        var error = await ExpectS3ErrorAsync(() => S3.GetObjectMetadataAsync(_bucket, "missing"));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("bytes=0-4", "01234", "bytes 0-4/10")]
    [TestCase("bytes=3-3", "3", "bytes 3-3/10")]
    [TestCase("bytes=7-", "789", "bytes 7-9/10")]
    [TestCase("bytes=-2", "89", "bytes 8-9/10")]
    [TestCase("bytes=-20", "0123456789", "bytes 0-9/10")]
    [TestCase("bytes=5-100", "56789", "bytes 5-9/10")]
    public async Task GetObject_WithRange_ReturnsPartialContent(string range, string expected, string contentRange)
    {
        await PutTextAsync(_bucket, "digits", "0123456789");
        var request = new GetObjectRequest { BucketName = _bucket, Key = "digits", ByteRange = new ByteRange(range) };

        using var response = await S3.GetObjectAsync(request);
        using var reader = new StreamReader(response.ResponseStream);

        Assert.That(response.HttpStatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo(expected));
        Assert.That(response.ContentRange, Is.EqualTo(contentRange));
    }

    [Test]
    public async Task GetObject_WithRangeBeyondEnd_ReturnsInvalidRange()
    {
        await PutTextAsync(_bucket, "digits", "0123456789");
        var request = new GetObjectRequest { BucketName = _bucket, Key = "digits", ByteRange = new ByteRange(10, 20) };

        var error = await ExpectS3ErrorAsync(() => S3.GetObjectAsync(request));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidRange"));
        Assert.That((int)error.StatusCode, Is.EqualTo(416));
    }

    [Test]
    public async Task GetObject_IfNoneMatchCurrentETag_Returns304()
    {
        var etag = await PutTextAsync(_bucket, "k", "v");

        var error = await ExpectS3ErrorAsync(() => S3.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = "k", EtagToNotMatch = etag }));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task GetObject_IfMatchOtherETag_ReturnsPreconditionFailed()
    {
        await PutTextAsync(_bucket, "k", "v");

        var error = await ExpectS3ErrorAsync(() => S3.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = "k", EtagToMatch = "\"0000\"" }));

        Assert.That(error.ErrorCode, Is.EqualTo("PreconditionFailed"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
    }

    [Test]
    public async Task GetObject_IfModifiedSinceAfterWrite_Returns304_AndBeforeWrite_Returns200()
    {
        await PutTextAsync(_bucket, "k", "v");

        var notModified = await ExpectS3ErrorAsync(() => S3.GetObjectAsync(new GetObjectRequest
        {
            BucketName = _bucket, Key = "k", ModifiedSinceDate = DateTime.UtcNow.AddMinutes(5),
        }));
        using var modified = await S3.GetObjectAsync(new GetObjectRequest
        {
            BucketName = _bucket, Key = "k", ModifiedSinceDate = DateTime.UtcNow.AddHours(-1),
        });

        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(modified.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task GetObject_IfUnmodifiedSinceBeforeWrite_ReturnsPreconditionFailed()
    {
        await PutTextAsync(_bucket, "k", "v");

        var error = await ExpectS3ErrorAsync(() => S3.GetObjectAsync(new GetObjectRequest
        {
            BucketName = _bucket, Key = "k", UnmodifiedSinceDate = DateTime.UtcNow.AddHours(-1),
        }));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
    }

    [Test]
    public async Task GetObject_WithResponseOverrides_ReplacesHeaders()
    {
        await PutTextAsync(_bucket, "k", "v");
        var request = new GetObjectRequest { BucketName = _bucket, Key = "k" };
        request.ResponseHeaderOverrides.ContentType = "application/json";
        request.ResponseHeaderOverrides.ContentDisposition = "inline";
        request.ResponseHeaderOverrides.CacheControl = "no-cache";

        using var response = await S3.GetObjectAsync(request);

        Assert.That(response.Headers.ContentType, Is.EqualTo("application/json"));
        Assert.That(response.Headers.ContentDisposition, Is.EqualTo("inline"));
        Assert.That(response.Headers.CacheControl, Is.EqualTo("no-cache"));
    }

    [Test]
    public async Task PutObject_IfNoneMatchStar_OnExistingKey_ReturnsPreconditionFailed()
    {
        await PutTextAsync(_bucket, "k", "v");

        var error = await ExpectS3ErrorAsync(() => S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket, Key = "k", ContentBody = "other", IfNoneMatch = "*",
        }));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That(await GetTextAsync(_bucket, "k"), Is.EqualTo("v"));
    }

    [Test]
    public async Task DeleteObject_RemovesIt_AndDeletingAgainStillSucceeds()
    {
        await PutTextAsync(_bucket, "k", "v");

        var first = await S3.DeleteObjectAsync(_bucket, "k");
        var second = await S3.DeleteObjectAsync(_bucket, "k");

        Assert.That(first.HttpStatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(second.HttpStatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var error = await ExpectS3ErrorAsync(() => S3.GetObjectAsync(_bucket, "k"));
        Assert.That(error.ErrorCode, Is.EqualTo("NoSuchKey"));
    }

    [Test]
    public async Task DeleteObjects_RemovesAll_AndQuietReportsNothing()
    {
        await PutTextAsync(_bucket, "a", "1");
        await PutTextAsync(_bucket, "b", "2");

        var loud = await S3.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = _bucket,
            Objects = [new KeyVersion { Key = "a" }, new KeyVersion { Key = "never-existed" }],
        });
        var quiet = await S3.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = _bucket, Quiet = true, Objects = [new KeyVersion { Key = "b" }],
        });

        Assert.That(loud.DeletedObjects.Select(d => d.Key), Is.EquivalentTo(new[] { "a", "never-existed" }));
        Assert.That(quiet.DeletedObjects ?? [], Is.Empty);
        Assert.That((await ExpectS3ErrorAsync(() => S3.GetObjectAsync(_bucket, "b"))).ErrorCode, Is.EqualTo("NoSuchKey"));
    }

    [Test]
    public async Task PutObject_WithWrongContentMd5_ReturnsBadDigest_AndStoresNothing()
    {
        var error = await ExpectS3ErrorAsync(() => S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket, Key = "k", ContentBody = "hello", MD5Digest = Convert.ToBase64String(new byte[16]),
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("BadDigest"));
        Assert.That((await ExpectS3ErrorAsync(() => S3.GetObjectAsync(_bucket, "k"))).ErrorCode, Is.EqualTo("NoSuchKey"));
    }

    [Test]
    public async Task PutObject_LargeBody_RoundTripsByteForByte()
    {
        var data = new byte[3 * 1024 * 1024 + 17];
        new Random(42).NextBytes(data);
        await S3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "big", InputStream = new MemoryStream(data) });

        using var get = await S3.GetObjectAsync(_bucket, "big");
        using var copy = new MemoryStream();
        await get.ResponseStream.CopyToAsync(copy);

        Assert.That(copy.ToArray(), Is.EqualTo(data));
    }

    [Test]
    public async Task GetObject_WithRangeAcrossManyFrames_ReturnsExactlyThoseBytes()
    {
        // 64 KiB frames: the range starts and ends inside a frame and spans several flushes of the response in between.
        var data = new byte[1024 * 1024 + 5];
        new Random(7).NextBytes(data);
        await S3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "big", InputStream = new MemoryStream(data) });

        using var get = await S3.GetObjectAsync(new GetObjectRequest
        {
            BucketName = _bucket, Key = "big", ByteRange = new ByteRange(65_000, 900_000),
        });
        using var copy = new MemoryStream();
        await get.ResponseStream.CopyToAsync(copy);

        Assert.That(copy.ToArray(), Is.EqualTo(data[65_000..900_001]));
    }

    [Test]
    public async Task PutObject_WithEmptyMetadataValue_KeepsTheEntry()
    {
        var request = new PutObjectRequest { BucketName = _bucket, Key = "k", ContentBody = "v" };
        request.Metadata.Add("x-amz-crypto-instr-file", "");
        await S3.PutObjectAsync(request);

        var head = await S3.GetObjectMetadataAsync(_bucket, "k");

        Assert.That(head.Metadata.Keys, Does.Contain("x-amz-meta-x-amz-crypto-instr-file"));
        Assert.That(head.Metadata["x-amz-meta-x-amz-crypto-instr-file"], Is.Empty);
    }
}
