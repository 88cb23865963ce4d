using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.Server.Hosting;

namespace S3Emulator.ClientTests;

public sealed class AuthenticationTests(Transport transport) : EmulatorTestBase(transport)
{
    private string _bucket = "";

    [SetUp]
    public async Task CreateBucket() => _bucket = await CreateBucketAsync();

    [Test]
    public async Task Request_SignedWithWrongSecret_ReturnsSignatureDoesNotMatch()
    {
        using var client = ClientWith(new BasicAWSCredentials(S3CredentialOptions.DefaultAccessKeyId, "not-the-secret"));

        var error = await ExpectS3ErrorAsync(() => client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket }));

        Assert.That(error.ErrorCode, Is.EqualTo("SignatureDoesNotMatch"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Request_WithUnknownAccessKey_ReturnsInvalidAccessKeyId()
    {
        using var client = ClientWith(new BasicAWSCredentials("AKIANOTKNOWN00000000", "whatever"));

        var error = await ExpectS3ErrorAsync(() => client.GetObjectAsync(_bucket, "k"));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidAccessKeyId"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task AnonymousRequest_ToPrivateBucket_ReturnsAccessDenied()
    {
        await PutTextAsync(_bucket, "k", "secret");
        using var client = ClientWith(new AnonymousAWSCredentials());

        var error = await ExpectS3ErrorAsync(() => client.GetObjectAsync(_bucket, "k"));

        Assert.That(error.ErrorCode, Is.EqualTo("AccessDenied"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task PresignedPut_ThenPresignedGet_ThroughPlainHttpClient_RoundTrips()
    {
        var putUrl = await S3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = _bucket, Key = "dir/presigned file+x.txt", Verb = HttpVerb.PUT, Protocol = UrlProtocol, Expires = DateTime.UtcNow.AddMinutes(5),
        });
        var getUrl = await S3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = _bucket, Key = "dir/presigned file+x.txt", Verb = HttpVerb.GET, Protocol = UrlProtocol, Expires = DateTime.UtcNow.AddMinutes(5),
        });
        using var http = Emulator.CreateHttpClient();

        var body = new ByteArrayContent("presigned body"u8.ToArray());
        using var put = await http.PutAsync(putUrl, body);
        using var get = await http.GetAsync(getUrl);

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await get.Content.ReadAsStringAsync(), Is.EqualTo("presigned body"));
        // Uploaded without a Content-Type: S3 serves binary/octet-stream.
        Assert.That(get.Content.Headers.ContentType, Is.EqualTo(new MediaTypeHeaderValue("binary/octet-stream")));
        Assert.That(await GetTextAsync(_bucket, "dir/presigned file+x.txt"), Is.EqualTo("presigned body"));
    }

    [Test]
    public async Task PresignedGet_AfterExpiry_ReturnsAccessDeniedRequestHasExpired()
    {
        await PutTextAsync(_bucket, "k", "v");
        var url = await S3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = _bucket, Key = "k", Verb = HttpVerb.GET, Protocol = UrlProtocol, Expires = DateTime.UtcNow.AddSeconds(1),
        });
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        using var http = Emulator.CreateHttpClient();

        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(body, Does.Contain("<Code>AccessDenied</Code>").And.Contain("Request has expired"));
    }

    // S3 answers a negative X-Amz-Expires before it looks at the clock (docs/compatibility.md, "Presigned URLs").
    [Test]
    public async Task PresignedGet_WithNegativeExpiry_ReturnsAuthorizationQueryParametersError()
    {
        await PutTextAsync(_bucket, "k", "v");
        var url = NegativelyPresignedUrl("k", -7);
        Assert.That(url, Does.Contain("X-Amz-Expires=-7&"));
        using var http = Emulator.CreateHttpClient();

        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(body, Does.Contain("<Code>AuthorizationQueryParametersError</Code>")
            .And.Contain("<Message>X-Amz-Expires must be non-negative</Message>"));
    }

    [Test]
    public async Task PresignedGet_WithTamperedKey_ReturnsSignatureDoesNotMatch()
    {
        await PutTextAsync(_bucket, "k", "v");
        await PutTextAsync(_bucket, "other", "v");
        var url = await S3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = _bucket, Key = "k", Verb = HttpVerb.GET, Protocol = UrlProtocol, Expires = DateTime.UtcNow.AddMinutes(5),
        });
        using var http = Emulator.CreateHttpClient();

        using var response = await http.GetAsync(url.Replace("/k?", "/other?", StringComparison.Ordinal));
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(body, Does.Contain("<Code>SignatureDoesNotMatch</Code>").And.Contain("<StringToSign>"));
        Assert.That(body, Does.Not.Contain(S3CredentialOptions.DefaultSecretAccessKey));
    }

    // The chunk signature chain is verified by the aws-chunked decoder (unit tests beside it); this is the same
    // rule through the running host, with the SDK's own chunk signer and one hex digit of one signature changed.
    [TestCase(0, TestName = "{m}(first chunk)")]
    [TestCase(-1, TestName = "{m}(final empty chunk)")]
    public async Task PutObject_WithOneChunkSignatureDigitChanged_ReturnsSignatureDoesNotMatch_AndStoresNothing(int chunk)
    {
        string? payloadMode = null;
        using var tampering = new TamperingHttpClientFactory(Emulator.CreateHttpClient(), (request, body) =>
        {
            payloadMode = request.Headers.TryGetValues("X-Amz-Content-SHA256", out var values) ? values.Single() : null;
            return ChangeChunkSignature(body, chunk);
        });
        using var client = new AmazonS3Client(
            new BasicAWSCredentials(S3CredentialOptions.DefaultAccessKeyId, S3CredentialOptions.DefaultSecretAccessKey),
            Emulator.CreateS3Client(c => c.HttpClientFactory = tampering).Config as AmazonS3Config);

        var error = await ExpectS3ErrorAsync(() => client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket, Key = "k", InputStream = new MemoryStream(new byte[20_000]), UseChunkEncoding = true,
        }));

        Assert.That(payloadMode, Does.StartWith("STREAMING-AWS4-HMAC-SHA256-PAYLOAD"), "the SDK signed each chunk");
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(error.ErrorCode, Is.EqualTo("SignatureDoesNotMatch"));
        Assert.That((await ExpectS3ErrorAsync(() => S3.GetObjectAsync(_bucket, "k"))).ErrorCode, Is.EqualTo("NoSuchKey"));
    }

    [Test]
    public async Task Journal_RecordsOperationsAndPrincipal_ButNoSecret()
    {
        await PutTextAsync(_bucket, "journal-key", "journal-body");
        await GetTextAsync(_bucket, "journal-key");

        var entries = Emulator.Journal.Entries.Where(e => e.Bucket == _bucket && e.Key == "journal-key").ToList();

        Assert.That(entries.Select(e => e.Operation), Is.EqualTo(new[] { "PutObject", "GetObject" }));
        Assert.That(entries.Select(e => e.Principal), Has.All.EqualTo("arn:aws:iam::123456789012:root"));
        Assert.That(entries.Select(e => e.StatusCode), Has.All.EqualTo(200));
        var everything = string.Join("\n", Emulator.Journal.Entries.Select(e => e.ToString()));
        Assert.That(everything, Does.Not.Contain(S3CredentialOptions.DefaultSecretAccessKey).And.Not.Contain("journal-body"));
    }

    /// <summary>
    /// A GET URL signed by the SDK's own SigV4 query signer (AWS4PreSignedUrlSigner) with the expiry written as is,
    /// the way botocore writes a negative ExpiresIn.
    /// </summary>
    private string NegativelyPresignedUrl(string key, int expiresSeconds)
    {
        var request = new DefaultRequest(new GetObjectRequest(), "AmazonS3")
        {
            HttpMethod = "GET",
            Endpoint = Emulator.ServiceUrl,
            ResourcePath = "/{Bucket}/{Key+}",
            AuthenticationRegion = Emulator.Options.Region,
            UseQueryString = true,
        };
        request.AddPathResource("{Bucket}", _bucket);
        request.AddPathResource("{Key+}", key);
        request.Parameters["X-Amz-Expires"] = expiresSeconds.ToString(CultureInfo.InvariantCulture);
        var signed = AWS4PreSignedUrlSigner.SignRequest(request, S3.Config, null,
            S3CredentialOptions.DefaultAccessKeyId, S3CredentialOptions.DefaultSecretAccessKey, "s3", null, DateTime.UtcNow);
        var url = AmazonServiceClient.ComposeUrl(request).AbsoluteUri;
        return url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + signed.ForQueryParameters;
    }

    /// <summary>Changes the first hex digit of the <paramref name="chunk"/>th chunk signature (-1: the last one).</summary>
    private static byte[] ChangeChunkSignature(byte[] body, int chunk)
    {
        var text = Encoding.Latin1.GetString(body);
        var positions = new List<int>();
        for (var at = text.IndexOf("chunk-signature=", StringComparison.Ordinal); at >= 0; at = text.IndexOf("chunk-signature=", at + 1, StringComparison.Ordinal))
        {
            positions.Add(at + "chunk-signature=".Length);
        }
        Assert.That(positions, Has.Count.GreaterThanOrEqualTo(2), "a data chunk and the final chunk");
        var digit = positions[chunk < 0 ? positions.Count + chunk : chunk];
        var changed = (byte[])body.Clone();
        changed[digit] = (byte)(body[digit] == (byte)'0' ? '1' : '0');
        return changed;
    }

    // The SDK presigns https:// URLs unless told otherwise.
    private Protocol UrlProtocol => Emulator.ServiceUrl.Scheme == Uri.UriSchemeHttps ? Protocol.HTTPS : Protocol.HTTP;

    private AmazonS3Client ClientWith(AWSCredentials credentials)
    {
        var template = Emulator.CreateS3Client();
        return new AmazonS3Client(credentials, (AmazonS3Config)template.Config);
    }
}
