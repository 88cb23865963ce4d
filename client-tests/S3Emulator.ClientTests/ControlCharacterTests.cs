using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.ClientTests.RawHttp;

namespace S3Emulator.ClientTests;

/// <summary>
/// Control characters in keys and request targets. Percent-encoded, they are ordinary key characters on S3 (its
/// listings carry them as character references, <c>&amp;#x1;</c>); sent raw in the request line they are not a URI,
/// and S3 documents InvalidURI for that. Either way the answer is S3's XML, never a bare 500.
/// </summary>
public sealed class ControlCharacterTests(Transport transport) : EmulatorTestBase(transport)
{
    private string _bucket = "";

    [SetUp]
    public async Task CreateBucket() => _bucket = await CreateBucketAsync();

    [Test]
    public async Task KeyWithControlCharacters_RoundTripsAndIsListed_AsOnS3()
    {
        const string key = "a\u0001b\u001Fc\u007Fd";
        await PutTextAsync(_bucket, key, "control");

        var listed = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Encoding = EncodingType.Url });

        Assert.That(await GetTextAsync(_bucket, key), Is.EqualTo("control"));
        // AWSSDK.S3 hands url-encoded keys over as they came.
        Assert.That(listed.S3Objects.Select(o => o.Key).ToArray(), Is.EqualTo(new[] { "a%01b%1Fc%7Fd" }));
    }

    [Test]
    public async Task MissingKeyWithAControlCharacter_IsNoSuchKey()
    {
        var error = await ExpectS3ErrorAsync(() => S3.GetObjectAsync(_bucket, "missing\u0001key"));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(error.ErrorCode, Is.EqualTo("NoSuchKey"));
    }

    [TestCase("%01")]
    [TestCase("%1F")]
    [TestCase("%0B")]
    [TestCase("%7F")]
    public async Task PercentEncodedControlCharacterInTheTarget_IsAnsweredWithS3Xml_ItsCharacterAsAReference(string encoded)
    {
        var (status, body) = await GetAnonymouslyAsync($"/{_bucket}/a{encoded}b");

        Assert.That(status, Is.EqualTo(403), body);
        Assert.That(body, Does.StartWith("<?xml").And.Contain("<Code>AccessDenied</Code>"));
        var character = Convert.ToInt32(encoded[1..], 16);
        // XML 1.0 has no C0 controls; S3 writes them as character references (DEL is an ordinary XML character).
        var expected = character < 0x20 ? $"a&#x{character:X};b" : $"a{(char)character}b";
        Assert.That(body, Does.Contain($"<Resource>/{_bucket}/{expected}</Resource>"));
    }

    [TestCase(0x01)]
    [TestCase(0x0B)]
    [TestCase(0x1F)]
    [TestCase(0x7F)]
    public async Task RawControlCharacterInTheRequestLine_IsInvalidUri_WithS3Xml(int raw)
    {
        if (Transport == Transport.InProcess) Assert.Ignore("Only a socket carries raw bytes in a request line.");

        var (status, body) = await GetAnonymouslyAsync($"/{_bucket}/a{(char)raw}b");

        Assert.That(status, Is.EqualTo(400), body);
        Assert.That(body, Does.StartWith("<?xml").And.Contain("<Code>InvalidURI</Code>"));
    }

    private async Task<(int Status, string Body)> GetAnonymouslyAsync(string target)
    {
        if (Transport == Transport.InProcess)
        {
            using var http = Emulator.CreateHttpClient();
            using var response = await http.GetAsync(new Uri(Emulator.ServiceUrl, target));
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        await using var connection = await RawHttpConnection.OpenAsync(Emulator, https: Transport == Transport.LoopbackHttps);
        await connection.WriteAsync(Encoding.Latin1.GetBytes($"GET {target} HTTP/1.1\r\nHost: {Emulator.ServiceUrl.Authority}\r\n\r\n"));
        var raw = await connection.ReadResponseAsync();
        return (raw.Status, raw.Text);
    }
}
