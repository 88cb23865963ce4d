using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.ClientTests.RawHttp;

namespace S3Emulator.ClientTests.Encryption;

/// <summary>SSE-C through AWSSDK.S3: HTTPS only, the key required on every read, never stored or logged.</summary>
public sealed class SseCTests(Transport transport) : EmulatorTestBase(transport)
{
    private readonly SseCTestKit _key = new();
    private string _bucket = "";

    [SetUp]
    public async Task CreateBucketThatAllowsSseC()
    {
        _bucket = await CreateBucketAsync("ssec");
        await SseCTestKit.AllowSseCAsync(S3, _bucket);
    }

    [Test]
    public async Task PutObject_WithCustomerKey_EchoesTheKeyMd5_AndIsNotServerEncrypted()
    {
        var put = await SecureS3.PutObjectAsync(_key.On(new PutObjectRequest { BucketName = _bucket, Key = "k", ContentBody = "test_data" }));

        Assert.That(put.ServerSideEncryptionCustomerMethod, Is.EqualTo(ServerSideEncryptionCustomerMethod.AES256));
        Assert.That(put.ServerSideEncryptionCustomerProvidedKeyMD5, Is.EqualTo(_key.KeyMd5));
        Assert.That(put.ServerSideEncryptionMethod?.Value ?? "", Is.Empty.Or.EqualTo("None"));
        Assert.That(put.ETag.Trim('"'), Has.Length.EqualTo(32).And.Not.EqualTo(Md5Hex("test_data")));
    }

    [Test]
    public async Task GetAndHead_WithTheKey_ReturnTheContent()
    {
        await PutAsync("k", "customer-encrypted body");

        using var get = await SecureS3.GetObjectAsync(_key.On(new GetObjectRequest { BucketName = _bucket, Key = "k" }));
        var head = await SecureS3.GetObjectMetadataAsync(_key.On(new GetObjectMetadataRequest { BucketName = _bucket, Key = "k" }));

        Assert.That(await new StreamReader(get.ResponseStream).ReadToEndAsync(), Is.EqualTo("customer-encrypted body"));
        Assert.That(get.ServerSideEncryptionCustomerProvidedKeyMD5, Is.EqualTo(_key.KeyMd5));
        Assert.That(head.ContentLength, Is.EqualTo(23));
        Assert.That(head.ServerSideEncryptionCustomerMethod, Is.EqualTo(ServerSideEncryptionCustomerMethod.AES256));
    }

    [Test]
    public async Task GetObject_WithARange_DecryptsJustThatRange()
    {
        var content = string.Concat(Enumerable.Range(0, 100_000).Select(i => (char)('a' + i % 26)));
        await PutAsync("big", content);

        using var get = await SecureS3.GetObjectAsync(_key.On(new GetObjectRequest { BucketName = _bucket, Key = "big", ByteRange = new ByteRange(65530, 70000) }));

        Assert.That(await new StreamReader(get.ResponseStream).ReadToEndAsync(), Is.EqualTo(content[65530..70001]));
    }

    [Test]
    public async Task GetObject_WithoutTheKey_IsInvalidRequest()
    {
        await PutAsync("k", "v");

        var get = await ExpectS3ErrorAsync(() => SecureS3.GetObjectAsync(_bucket, "k"));
        var head = await ExpectS3ErrorAsync(() => SecureS3.GetObjectMetadataAsync(_bucket, "k"));

        Assert.That(get.ErrorCode, Is.EqualTo("InvalidRequest"));
        Assert.That(get.Message, Does.Contain("The correct parameters must be provided to retrieve the object"));
        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task GetObject_WithAnotherKey_IsAccessDenied()
    {
        await PutAsync("k", "v");
        var other = new SseCTestKit();

        var get = await ExpectS3ErrorAsync(() => SecureS3.GetObjectAsync(other.On(new GetObjectRequest { BucketName = _bucket, Key = "k" })));
        var head = await ExpectS3ErrorAsync(() => SecureS3.GetObjectMetadataAsync(other.On(new GetObjectMetadataRequest { BucketName = _bucket, Key = "k" })));

        Assert.That(get.ErrorCode, Is.EqualTo("AccessDenied"));
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task GetObject_WithAKeyOnAnObjectThatIsNotSseC_IsInvalidRequest()
    {
        await PutTextAsync(_bucket, "plain", "v");

        var error = await ExpectS3ErrorAsync(() => SecureS3.GetObjectAsync(_key.On(new GetObjectRequest { BucketName = _bucket, Key = "plain" })));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidRequest"));
        Assert.That(error.Message, Does.Contain("not applicable to this object"));
    }

    [Test]
    public async Task PutObject_WithCustomerKeyOverPlainHttp_IsInvalidRequest()
    {
        using var plain = Emulator.CreateS3Client(c => c.ServiceURL = (Emulator.HttpUrl ?? new Uri("http://localhost")).ToString());

        var error = await ExpectS3ErrorAsync(() => plain.PutObjectAsync(_key.On(new PutObjectRequest { BucketName = _bucket, Key = "k", ContentBody = "v" })));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidRequest"));
        Assert.That(error.Message, Does.Contain("secure connection"));
    }

    [Test]
    public async Task PutObject_WithCustomerKey_IntoABucketThatBlocksSseC_IsAccessDenied()
    {
        var blocking = await CreateBucketAsync("blocks");

        var error = await ExpectS3ErrorAsync(() => SecureS3.PutObjectAsync(_key.On(new PutObjectRequest { BucketName = blocking, Key = "k", ContentBody = "v" })));

        Assert.That(error.ErrorCode, Is.EqualTo("AccessDenied"));
        Assert.That((await ExpectS3ErrorAsync(() => SecureS3.GetObjectAsync(blocking, "k"))).ErrorCode, Is.EqualTo("NoSuchKey"));
    }

    [Test]
    public async Task ExistingSseCObjects_StayReadable_AfterTheBucketStartsBlockingSseC()
    {
        await PutAsync("k", "kept");

        await SecureS3.DeleteBucketEncryptionAsync(new DeleteBucketEncryptionRequest { BucketName = _bucket });
        using var get = await SecureS3.GetObjectAsync(_key.On(new GetObjectRequest { BucketName = _bucket, Key = "k" }));

        Assert.That(await new StreamReader(get.ResponseStream).ReadToEndAsync(), Is.EqualTo("kept"));
    }

    [Test]
    public async Task Multipart_WithTheSameKeyOnEveryPart_Completes_AndReadsBackWithTheKey()
    {
        var part1 = RandomNumberGenerator.GetBytes(5 * 1024 * 1024);
        var part2 = RandomNumberGenerator.GetBytes(1234);
        var create = await SecureS3.InitiateMultipartUploadAsync(_key.On(new InitiateMultipartUploadRequest { BucketName = _bucket, Key = "mp" }));
        var etags = new List<PartETag>();
        foreach (var (number, data) in new[] { (1, part1), (2, part2) })
        {
            var part = await SecureS3.UploadPartAsync(_key.On(new UploadPartRequest
            {
                BucketName = _bucket, Key = "mp", UploadId = create.UploadId, PartNumber = number, InputStream = new MemoryStream(data),
            }));
            Assert.That(part.SSECustomerKeyMD5, Is.EqualTo(_key.KeyMd5));
            etags.Add(new PartETag(number, part.ETag));
        }

        var complete = await SecureS3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = _bucket, Key = "mp", UploadId = create.UploadId, PartETags = etags,
        });
        using var get = await SecureS3.GetObjectAsync(_key.On(new GetObjectRequest { BucketName = _bucket, Key = "mp" }));
        using var copy = new MemoryStream();
        await get.ResponseStream.CopyToAsync(copy);

        Assert.That(create.ServerSideEncryptionCustomerProvidedKeyMD5, Is.EqualTo(_key.KeyMd5));
        Assert.That(complete.ETag, Does.EndWith("-2\""));
        Assert.That(copy.ToArray(), Is.EqualTo(part1.Concat(part2).ToArray()));
    }

    [Test]
    public async Task UploadPart_WithoutOrWithAnotherKey_IsInvalidRequest()
    {
        var create = await SecureS3.InitiateMultipartUploadAsync(_key.On(new InitiateMultipartUploadRequest { BucketName = _bucket, Key = "mp" }));
        UploadPartRequest Part() => new() { BucketName = _bucket, Key = "mp", UploadId = create.UploadId, PartNumber = 1, InputStream = new MemoryStream([1, 2, 3]) };

        var missing = await ExpectS3ErrorAsync(() => SecureS3.UploadPartAsync(Part()));
        var other = await ExpectS3ErrorAsync(() => SecureS3.UploadPartAsync(new SseCTestKit().On(Part())));

        Assert.That(missing.ErrorCode, Is.EqualTo("InvalidRequest"));
        Assert.That(missing.Message, Does.Contain("must include the appropriate encryption parameters"));
        Assert.That(other.ErrorCode, Is.EqualTo("InvalidRequest"));
        Assert.That(other.Message, Does.Contain("did not match the ones used originally"));
    }

    [Test]
    public async Task CopyObject_FromSseCWithTheSourceKey_ToAnotherCustomerKey()
    {
        await PutAsync("src", "copied under a new key");
        var target = new SseCTestKit();

        await SecureS3.CopyObjectAsync(target.On(_key.AsCopySource(new CopyObjectRequest
        {
            SourceBucket = _bucket, SourceKey = "src", DestinationBucket = _bucket, DestinationKey = "dst",
        })));
        using var get = await SecureS3.GetObjectAsync(target.On(new GetObjectRequest { BucketName = _bucket, Key = "dst" }));
        var oldKey = await ExpectS3ErrorAsync(() => SecureS3.GetObjectAsync(_key.On(new GetObjectRequest { BucketName = _bucket, Key = "dst" })));

        Assert.That(await new StreamReader(get.ResponseStream).ReadToEndAsync(), Is.EqualTo("copied under a new key"));
        Assert.That(oldKey.ErrorCode, Is.EqualTo("AccessDenied"));
    }

    [Test]
    public async Task UploadPartCopy_FromAnSseCSource_NeedsTheSourceKey()
    {
        await PutAsync("src", "0123456789");
        var create = await SecureS3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _bucket, Key = "mp" });

        var part = await SecureS3.CopyPartAsync(_key.AsCopySource(new CopyPartRequest
        {
            SourceBucket = _bucket, SourceKey = "src", DestinationBucket = _bucket, DestinationKey = "mp",
            UploadId = create.UploadId, PartNumber = 1, FirstByte = 2, LastByte = 5,
        }));
        await SecureS3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = _bucket, Key = "mp", UploadId = create.UploadId, PartETags = [new PartETag(1, part.ETag)],
        });

        Assert.That(await GetTextAsync(_bucket, "mp"), Is.EqualTo("2345"));
    }

    [Test]
    public async Task TheCustomerKey_NeverReachesLogsJournalOrErrorBodies()
    {
        await PutAsync("k", "secret content");
        using (await SecureS3.GetObjectAsync(_key.On(new GetObjectRequest { BucketName = _bucket, Key = "k" }))) { }
        var wrong = await ExpectS3ErrorAsync(() => SecureS3.GetObjectAsync(new SseCTestKit().On(new GetObjectRequest { BucketName = _bucket, Key = "k" })));

        var everything = Logs.All + string.Join('\n', Emulator.Journal.Entries) + wrong.Message;

        Assert.That(Logs.All, Is.Not.Empty, "the scenario must have produced log output to search");
        Assert.That(everything, Does.Not.Contain(_key.KeyBase64));
        Assert.That(everything, Does.Not.Contain(Convert.ToHexString(_key.Key)).IgnoreCase);
        Assert.That(everything, Does.Not.Contain("secret content"));
    }

    [Test]
    public async Task TheCustomerKey_NeverReachesASignatureDoesNotMatchBody()
    {
        var https = Emulator.HttpsUrl ?? new Uri("https://localhost");
        var signed = SignedRawRequest.Put(SecureS3, https, Emulator.Options.Region, _bucket, "k", "secret content"u8.ToArray(),
            new Dictionary<string, string>
            {
                ["x-amz-server-side-encryption-customer-algorithm"] = "AES256",
                ["x-amz-server-side-encryption-customer-key"] = _key.KeyBase64,
                ["x-amz-server-side-encryption-customer-key-MD5"] = _key.KeyMd5,
                ["x-amz-meta-note"] = "as signed",
            });
        using var tampered = signed.ToMessage();
        // A signed header changed after signing: S3 answers SignatureDoesNotMatch and explains its canonical request.
        tampered.Headers.Remove("x-amz-meta-note");
        tampered.Headers.TryAddWithoutValidation("x-amz-meta-note", "changed");

        using var http = Emulator.CreateHttpClient();
        using var response = await http.SendAsync(tampered);
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(body, Does.Contain("<Code>SignatureDoesNotMatch</Code>").And.Contain("<CanonicalRequest>"));
        Assert.That(body, Does.Contain("x-amz-server-side-encryption-customer-key-md5:" + _key.KeyMd5), "the key's MD5 is no secret");
        Assert.That(body, Does.Not.Contain(_key.KeyBase64));
        Assert.That(body, Does.Not.Contain(Convert.ToHexString(Encoding.ASCII.GetBytes(_key.KeyBase64)[..8])).IgnoreCase,
            "nor in the hex dumps of the canonical request");
    }

    private Task<PutObjectResponse> PutAsync(string key, string body) =>
        SecureS3.PutObjectAsync(_key.On(new PutObjectRequest { BucketName = _bucket, Key = key, ContentBody = body }));

    private static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
