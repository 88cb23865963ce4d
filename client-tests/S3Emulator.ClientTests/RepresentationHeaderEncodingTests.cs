using System.Text;
using Amazon.S3.Model;
using S3Emulator.ClientTests.RawHttp;

namespace S3Emulator.ClientTests;

/// <summary>
/// Content-Disposition and the other stored representation headers outside ASCII. S3 reads and writes header values
/// as ISO-8859-1 (one character per byte), so raw bytes come back as the same bytes; a response-* override that
/// ISO-8859-1 cannot carry is refused with S3's "Header value cannot be represented using ISO-8859-1.". Never a 500.
/// </summary>
public sealed class RepresentationHeaderEncodingTests(Transport transport) : EmulatorTestBase(transport)
{
    [Test]
    public async Task ContentDisposition_SentAsRawUtf8Bytes_ComesBackAsTheSameBytes()
    {
        if (Transport == Transport.InProcess) Assert.Ignore("No bytes travel in-process.");
        var bucket = await CreateBucketAsync();
        const string disposition = "attachment; filename=\"Grüße 中.txt\"";
        var request = SignedRawRequest.Put(S3, Emulator.ServiceUrl, Emulator.Options.Region, bucket, "k", "body"u8.ToArray(),
            new Dictionary<string, string> { ["Content-Disposition"] = disposition });
        await using var connection = await RawHttpConnection.OpenAsync(Emulator, https: Transport == Transport.LoopbackHttps);
        await connection.WriteAsync(request.ToBytes(Emulator.ServiceUrl.Authority));
        var put = await connection.ReadResponseAsync();
        Assert.That(put.Status, Is.EqualTo(200), put.Text);

        // A presigned GET needs no Authorization header, so its request line can go out as is.
        var url = new Uri(await S3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket, Key = "k", Verb = Amazon.S3.HttpVerb.GET, Expires = DateTime.UtcNow.AddMinutes(5),
        }));
        await connection.WriteAsync($"GET {url.PathAndQuery} HTTP/1.1\r\nHost: {Emulator.ServiceUrl.Authority}\r\n\r\n");
        var get = await connection.ReadResponseAsync();

        Assert.That(get.Status, Is.EqualTo(200), get.Text);
        // The connection reads each byte as one character: the same bytes came back.
        Assert.That(get.Header("Content-Disposition"), Is.EqualTo(Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(disposition))));
        using var sdkGet = await S3.GetObjectAsync(bucket, "k");
        Assert.That(sdkGet.HttpStatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
    }

    [TestCase("Content-Type", "text/plain; name=Grüße")]
    [TestCase("Content-Language", "de-Schwäbisch")]
    [TestCase("Cache-Control", "private, note=ü")]
    public async Task PutObject_WithAnotherStoredHeaderOutsideAscii_IsRefused_RatherThanStoredAndSentBackAltered(string name, string value)
    {
        if (Transport == Transport.InProcess) Assert.Ignore("No bytes travel in-process.");
        var bucket = await CreateBucketAsync();
        var request = SignedRawRequest.Put(S3, Emulator.ServiceUrl, Emulator.Options.Region, bucket, "k", "body"u8.ToArray(),
            new Dictionary<string, string> { [name] = value });
        await using var connection = await RawHttpConnection.OpenAsync(Emulator, https: Transport == Transport.LoopbackHttps);
        await connection.WriteAsync(request.ToBytes(Emulator.ServiceUrl.Authority));
        var put = await connection.ReadResponseAsync();

        Assert.That(put.Status, Is.EqualTo(400), put.Text);
        Assert.That(put.Text, Does.Contain("<Code>InvalidArgument</Code>").And.Contain($"<ArgumentName>{name}</ArgumentName>"));
        await ExpectS3ErrorAsync(() => S3.GetObjectMetadataAsync(bucket, "k"));
    }

    [TestCase("attachment; filename=\"中.txt\"")]
    [TestCase("attachment;\r\n filename=x")]
    public async Task GetObject_WithAResponseOverrideIso88591CannotCarry_IsInvalidArgument(string disposition)
    {
        var bucket = await CreateBucketAsync();
        await PutTextAsync(bucket, "k", "body");
        var get = new GetObjectRequest { BucketName = bucket, Key = "k" };
        get.ResponseHeaderOverrides.ContentDisposition = disposition;

        var error = await ExpectS3ErrorAsync(() => S3.GetObjectAsync(get));

        Assert.That((int)error.StatusCode, Is.EqualTo(400));
        Assert.That(error.ErrorCode, Is.EqualTo("InvalidArgument"));
        Assert.That(error.Message, Is.EqualTo("Header value cannot be represented using ISO-8859-1."));
    }

    [Test]
    public async Task GetObject_WithALatin1ResponseOverride_SendsIt()
    {
        var bucket = await CreateBucketAsync();
        await PutTextAsync(bucket, "k", "body");
        var get = new GetObjectRequest { BucketName = bucket, Key = "k" };
        get.ResponseHeaderOverrides.ContentLanguage = "de";
        get.ResponseHeaderOverrides.ContentDisposition = "attachment; filename=\"Zürich.txt\"";

        using var response = await S3.GetObjectAsync(get);

        Assert.That(response.HttpStatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        Assert.That(response.Headers.ContentLanguage, Is.EqualTo("de"));
    }
}
