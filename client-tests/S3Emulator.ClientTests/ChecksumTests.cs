using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Util;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.ClientTests.RawHttp;

namespace S3Emulator.ClientTests;

public sealed class ChecksumTests(Transport transport) : EmulatorTestBase(transport)
{
    private string _bucket = "";

    [SetUp]
    public async Task CreateBucket() => _bucket = await CreateBucketAsync();

    private static IEnumerable<ChecksumAlgorithm> Algorithms =>
        [ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.CRC64NVME, ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256];

    [TestCaseSource(nameof(Algorithms))]
    public async Task PutObject_WithChecksumAlgorithm_StoresItAndReturnsItWhenAsked(ChecksumAlgorithm algorithm)
    {
        var put = await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket, Key = "k", ContentBody = "hello world", ChecksumAlgorithm = algorithm,
        });

        using var get = await S3.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = "k", ChecksumMode = ChecksumMode.ENABLED });
        await get.ResponseStream.CopyToAsync(Stream.Null);

        var sent = ValueOf(algorithm, put.ChecksumCRC32, put.ChecksumCRC32C, put.ChecksumCRC64NVME, put.ChecksumSHA1, put.ChecksumSHA256);
        var returned = ValueOf(algorithm, get.ChecksumCRC32, get.ChecksumCRC32C, get.ChecksumCRC64NVME, get.ChecksumSHA1, get.ChecksumSHA256);
        Assert.That(sent, Is.Not.Null.And.Not.Empty);
        Assert.That(returned, Is.EqualTo(sent));
        Assert.That(get.ChecksumType?.Value, Is.EqualTo("FULL_OBJECT"));
    }

    [Test]
    public async Task PutObject_HelloWorldCrc32_MatchesKnownValue()
    {
        await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket, Key = "k", ContentBody = "hello world", ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
        });

        var head = await S3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _bucket, Key = "k", ChecksumMode = ChecksumMode.ENABLED });

        Assert.That(head.ChecksumCRC32, Is.EqualTo("DUoRhQ=="));
    }

    [Test]
    public async Task PutObject_WithWrongChecksumValue_ReturnsBadDigest_AndStoresNothing()
    {
        var error = await ExpectS3ErrorAsync(() => S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket, Key = "k", ContentBody = "hello world", ChecksumCRC32 = "AAAAAA==",
        }));

        Assert.That(error.ErrorCode, Is.EqualTo("BadDigest"));
        Assert.That((await ExpectS3ErrorAsync(() => S3.GetObjectAsync(_bucket, "k"))).ErrorCode, Is.EqualTo("NoSuchKey"));
    }

    [Test]
    public async Task PutObject_WithoutChunkEncoding_SignsThePayloadHash_AndRoundTrips()
    {
        await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket, Key = "k", ContentBody = "plain signed body", UseChunkEncoding = false,
        });

        Assert.That(await GetTextAsync(_bucket, "k"), Is.EqualTo("plain signed body"));
    }

    [Test]
    public async Task GetObject_RangeWithChecksumMode_SendsNoWholeObjectChecksum()
    {
        await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket, Key = "k", ContentBody = "hello world", ChecksumAlgorithm = ChecksumAlgorithm.SHA256,
        });

        using var get = await S3.GetObjectAsync(new GetObjectRequest
        {
            BucketName = _bucket, Key = "k", ByteRange = new ByteRange(0, 4), ChecksumMode = ChecksumMode.ENABLED,
        });

        Assert.That(get.ChecksumSHA256, Is.Null.Or.Empty);
        Assert.That(await new StreamReader(get.ResponseStream).ReadToEndAsync(), Is.EqualTo("hello"));
    }

    // botocore's upload shape (STREAMING-UNSIGNED-PAYLOAD-TRAILER): nothing signs the trailer, so only the
    // upload verifier's compare stands between a wrong trailing checksum and a stored object.
    [Test]
    public async Task PutObject_UnsignedTrailerWithWrongChecksum_ReturnsBadDigest_AndStoresNothing()
    {
        var (status, body) = await PutWithUnsignedTrailerAsync("k", "hello world", trailer => trailer.Replace("DUoRhQ==", "AAAAAA==", StringComparison.Ordinal));

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(body, Does.Contain("<Code>BadDigest</Code>").And.Contain("The CRC32 you specified did not match the calculated checksum."));
        Assert.That((await ExpectS3ErrorAsync(() => S3.GetObjectAsync(_bucket, "k"))).ErrorCode, Is.EqualTo("NoSuchKey"));
    }

    [Test]
    public async Task PutObject_UnsignedTrailerWithNonBase64Checksum_ReturnsInvalidRequest()
    {
        var (status, body) = await PutWithUnsignedTrailerAsync("k", "hello world", trailer => trailer.Replace("DUoRhQ==", "nope!!!!", StringComparison.Ordinal));

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(body, Does.Contain("<Code>InvalidRequest</Code>").And.Contain("Value for x-amz-checksum-crc32 header is invalid."));
    }

    [Test]
    public async Task PutObject_UnsignedTrailerWithRightChecksum_StoresTheTrailingChecksum()
    {
        var (status, body) = await PutWithUnsignedTrailerAsync("k", "hello world", trailer => trailer);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        var head = await S3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _bucket, Key = "k", ChecksumMode = ChecksumMode.ENABLED });
        Assert.That(head.ChecksumCRC32, Is.EqualTo("DUoRhQ=="));
        Assert.That(await GetTextAsync(_bucket, "k"), Is.EqualTo("hello world"));
    }

    /// <summary>
    /// PUTs <paramref name="text"/> as the SDK frames an unsigned-payload upload with a CRC32 trailer: headers signed
    /// by AWS4Signer, body encoded by TrailingHeadersWrapperStream, then passed through <paramref name="edit"/>.
    /// </summary>
    private async Task<(HttpStatusCode Status, string Body)> PutWithUnsignedTrailerAsync(string key, string text, Func<string, string> edit)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var trailers = new Dictionary<string, string> { ["x-amz-checksum-crc32"] = string.Empty };
        var request = SignedRawRequest.Sign(S3, Emulator.ServiceUrl, Emulator.Options.Region, new PutObjectRequest(), "PUT", _bucket, key,
            payload, r =>
            {
                r.SelectedChecksum = CoreChecksumAlgorithm.CRC32;
                foreach (var (name, value) in trailers) r.TrailingHeaders[name] = value;
            }, signPayload: false);
        Assert.That(request.Headers.First(h => h.Key == "X-Amz-Content-SHA256").Value, Is.EqualTo("STREAMING-UNSIGNED-PAYLOAD-TRAILER"));
#pragma warning disable CS0618 // the CachedChecksum overload differs only in retry caching
        using var encoder = new TrailingHeadersWrapperStream(new MemoryStream(payload), trailers, CoreChecksumAlgorithm.CRC32);
#pragma warning restore CS0618
        var encoded = Encoding.UTF8.GetBytes(edit(await new StreamReader(encoder, Encoding.UTF8).ReadToEndAsync()));

        using var message = request.WithBody(encoded).ToMessage();
        using var http = Emulator.CreateHttpClient();
        using var response = await http.SendAsync(message);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string? ValueOf(ChecksumAlgorithm algorithm, string? crc32, string? crc32C, string? crc64, string? sha1, string? sha256) =>
        algorithm.Value switch
        {
            "CRC32" => crc32,
            "CRC32C" => crc32C,
            "CRC64NVME" => crc64,
            "SHA1" => sha1,
            _ => sha256,
        };
}
