using System.Net;
using System.Text;
using S3Emulator.Server.Hosting;

namespace S3Emulator.ClientTests;

/// <summary>By default SigV2 is answered as Amazon S3 answers it for every bucket created since June 2020.</summary>
public sealed class SignatureV2RejectedTests(Transport transport) : EmulatorTestBase(transport)
{
    private const string Refusal = "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.";

    private string _bucket = "";

    [SetUp]
    public async Task CreateBucket()
    {
        _bucket = await CreateBucketAsync("sigv2");
        await PutTextAsync(_bucket, "dir/a b.txt", "signed the old way");
    }

    [Test]
    public async Task GetObject_SignedWithSigV2Header_ReturnsInvalidRequestPleaseUseAws4HmacSha256()
    {
        var (status, body) = await SendAsync(SigV2Signer.HeaderSigned(HttpMethod.Get, $"/{_bucket}/dir/a%20b.txt"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(body, Does.Contain("<Code>InvalidRequest</Code>").And.Contain($"<Message>{Refusal}</Message>"));
    }

    [Test]
    public async Task GetObject_ThroughSigV2PresignedUrl_ReturnsInvalidRequestPleaseUseAws4HmacSha256()
    {
        var (status, body) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, SigV2Signer.QuerySigned($"/{_bucket}/dir/a%20b.txt")));

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(body, Does.Contain("<Code>InvalidRequest</Code>").And.Contain($"<Message>{Refusal}</Message>"));
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpRequestMessage request)
    {
        using var http = Emulator.CreateHttpClient();
        using (request)
        using (var response = await http.SendAsync(request))
        {
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }
}

/// <summary>With <c>S3Emulator:SignatureV2 = Accept</c>, SigV2 is verified as legacy buckets still verify it.</summary>
public sealed class SignatureV2AcceptedTests(Transport transport) : EmulatorTestBase(transport)
{
    private string _bucket = "";

    protected override void ConfigureEmulator(S3EmulatorOptions options) => options.SignatureV2 = SignatureV2Mode.Accept;

    [SetUp]
    public async Task CreateBucket()
    {
        _bucket = await CreateBucketAsync("sigv2");
        await PutTextAsync(_bucket, "dir/a b.txt", "signed the old way");
    }

    [Test]
    public async Task PutThenGet_SignedWithSigV2Header_RoundTrips()
    {
        var content = Encoding.UTF8.GetBytes("put with SigV2");
        var (putStatus, putBody) = await SendAsync(SigV2Signer.HeaderSigned(HttpMethod.Put, $"/{_bucket}/v2.txt", content, "text/plain"));
        var (getStatus, getBody) = await SendAsync(SigV2Signer.HeaderSigned(HttpMethod.Get, $"/{_bucket}/v2.txt"));

        Assert.That(putStatus, Is.EqualTo(HttpStatusCode.OK), putBody);
        Assert.That(getStatus, Is.EqualTo(HttpStatusCode.OK), getBody);
        Assert.That(getBody, Is.EqualTo("put with SigV2"));
        var head = await S3.GetObjectMetadataAsync(_bucket, "v2.txt");
        Assert.That(head.Headers.ContentType, Is.EqualTo("text/plain"));
        Assert.That(head.Metadata["x-amz-meta-signed-by"], Is.EqualTo("SigV2"));
    }

    [TestCase("aws:kms")]
    [TestCase("aws:kms:dsse")]
    public async Task PutObject_WithSseKms_SignedWithSigV2_ReturnsInvalidArgument_AndStoresNothing(string algorithm)
    {
        var request = SigV2Signer.HeaderSigned(HttpMethod.Put, $"/{_bucket}/kms.txt", "secret"u8.ToArray(), serverSideEncryption: algorithm);

        var (status, body) = await SendAsync(request);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(body, Does.Contain("<Code>InvalidArgument</Code>")
            .And.Contain("<Message>Requests specifying Server Side Encryption with AWS KMS managed keys require AWS Signature Version 4.</Message>")
            .And.Contain("<ArgumentName>Authorization</ArgumentName>"));
        await ExpectS3ErrorAsync(() => S3.GetObjectMetadataAsync(_bucket, "kms.txt"));
    }

    [Test]
    public async Task PutObject_WithSseS3_SignedWithSigV2_IsStored()
    {
        var (status, body) = await SendAsync(SigV2Signer.HeaderSigned(HttpMethod.Put, $"/{_bucket}/s3.txt", "x"u8.ToArray(), serverSideEncryption: "AES256"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
    }

    [Test]
    public async Task GetObject_ThroughSigV2PresignedUrl_ReturnsTheObject()
    {
        var (status, body) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, SigV2Signer.QuerySigned($"/{_bucket}/dir/a%20b.txt")));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(body, Is.EqualTo("signed the old way"));
        var entry = Emulator.Journal.Entries.Last(e => e.Bucket == _bucket && e.Operation == "GetObject");
        Assert.That(entry.Principal, Is.EqualTo("arn:aws:iam::123456789012:root"));
    }

    [Test]
    public async Task ListObjects_SignedWithSigV2Header_ListsTheBucket()
    {
        var (status, body) = await SendAsync(SigV2Signer.HeaderSigned(HttpMethod.Get, $"/{_bucket}"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(body, Does.Contain("<Key>dir/a b.txt</Key>"));
    }

    [Test]
    public async Task GetObject_SigV2WithWrongSecret_ReturnsSignatureDoesNotMatch()
    {
        var (status, body) = await SendAsync(SigV2Signer.HeaderSigned(HttpMethod.Get, $"/{_bucket}/dir/a%20b.txt", secret: "not-the-secret"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden), body);
        Assert.That(body, Does.Contain("<Code>SignatureDoesNotMatch</Code>").And.Contain($"<StringToSign>GET\n\n\n"));
        Assert.That(body, Does.Not.Contain(S3CredentialOptions.DefaultSecretAccessKey));
    }

    [Test]
    public async Task GetObject_SigV2PresignedUrlWithTamperedKey_ReturnsSignatureDoesNotMatch()
    {
        var url = SigV2Signer.QuerySigned($"/{_bucket}/dir/a%20b.txt").Replace("a%20b.txt", "other.txt", StringComparison.Ordinal);

        var (status, body) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden), body);
        Assert.That(body, Does.Contain("<Code>SignatureDoesNotMatch</Code>"));
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpRequestMessage request)
    {
        using var http = Emulator.CreateHttpClient();
        using (request)
        using (var response = await http.SendAsync(request))
        {
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }
}
