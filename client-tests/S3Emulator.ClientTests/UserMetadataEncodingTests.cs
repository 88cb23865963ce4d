using System.Net;
using System.Text;
using Amazon.S3.Model;
using S3Emulator.ClientTests.RawHttp;

namespace S3Emulator.ClientTests;

/// <summary>
/// Non-ASCII user metadata as S3 documents it (UsingMetadata.html): values are RFC 2047-decoded before they are
/// stored, and a stored value with non-ASCII characters comes back RFC 2047-encoded; an ASCII value comes back as is.
/// Raw bytes in a header are read one character per byte (ISO-8859-1), as S3 reads them.
/// </summary>
public sealed class UserMetadataEncodingTests(Transport transport) : EmulatorTestBase(transport)
{
    private const string Greeting = "Grüße 中";

    [Test]
    public async Task UserMetadata_SentAsRfc2047EncodedWords_IsDecodedBeforeStoring_AndEncodedAgainOnTheWayOut()
    {
        var bucket = await CreateBucketAsync();
        var put = new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "body" };
        put.Metadata.Add("q-encoded", "=?UTF-8?Q?Gr=C3=BC=C3=9Fe_=E4=B8=AD?=");
        put.Metadata.Add("b-encoded", "=?utf-8?b?" + Base64Utf8(Greeting) + "?=");
        put.Metadata.Add("ascii-inside", "=?UTF-8?B?aGVsbG8=?=");
        put.Metadata.Add("plain", "plain value");
        await S3.PutObjectAsync(put);

        var head = await S3.GetObjectMetadataAsync(bucket, "k");
        using var get = await S3.GetObjectAsync(bucket, "k");

        foreach (var metadata in new[] { head.Metadata, get.Metadata })
        {
            Assert.That(metadata["q-encoded"], Is.EqualTo(Rfc2047(Greeting)));
            Assert.That(metadata["b-encoded"], Is.EqualTo(Rfc2047(Greeting)));
            Assert.That(metadata["ascii-inside"], Is.EqualTo("hello"));
            Assert.That(metadata["plain"], Is.EqualTo("plain value"));
        }
    }

    [Test]
    public async Task UserMetadata_SentAsRawUtf8Bytes_IsReadOneCharacterPerByte_AndReturnedRfc2047Encoded()
    {
        var bucket = await CreateBucketAsync();
        var request = SignedRawRequest.Put(S3, Emulator.ServiceUrl, Emulator.Options.Region, bucket, "k", "body"u8.ToArray(),
            new Dictionary<string, string> { ["x-amz-meta-greeting"] = Greeting, ["x-amz-meta-plain"] = "plain" });

        var (status, answer) = await SendAsync(request);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer);
        // S3 widens each byte of the header to one character, so UTF-8 sent raw comes back as its bytes re-encoded.
        var asS3ReadsIt = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(Greeting));
        var head = await S3.GetObjectMetadataAsync(bucket, "k");
        using var get = await S3.GetObjectAsync(bucket, "k");
        Assert.That(head.Metadata["greeting"], Is.EqualTo(Rfc2047(asS3ReadsIt)));
        Assert.That(get.Metadata["greeting"], Is.EqualTo(Rfc2047(asS3ReadsIt)));
        Assert.That(get.Metadata["plain"], Is.EqualTo("plain"));
    }

    [Test]
    public async Task UserMetadata_SentAsRawLatin1Bytes_IsStored_AndReturnedRfc2047Encoded()
    {
        if (Transport == Transport.InProcess) Assert.Ignore("No bytes travel in-process.");
        var bucket = await CreateBucketAsync();
        // What Python's http.client writes for a str header (one byte per character); the client signs the text.
        var request = SignedRawRequest.Put(S3, Emulator.ServiceUrl, Emulator.Options.Region, bucket, "k", "body"u8.ToArray(),
            new Dictionary<string, string> { ["x-amz-meta-city"] = "Zürich" });

        await using var connection = await RawHttpConnection.OpenAsync(Emulator, https: Transport == Transport.LoopbackHttps);
        await connection.WriteAsync(request.ToBytes(Emulator.ServiceUrl.Authority, Encoding.Latin1));
        var answer = await connection.ReadResponseAsync();

        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        var head = await S3.GetObjectMetadataAsync(bucket, "k");
        Assert.That(head.Metadata["city"], Is.EqualTo(Rfc2047("Zürich")));
    }

    [Test]
    public async Task CopyObject_ReplacingMetadataWithEncodedWords_StoresThemDecoded()
    {
        var bucket = await CreateBucketAsync();
        await PutTextAsync(bucket, "source", "body");
        var copy = new CopyObjectRequest
        {
            SourceBucket = bucket, SourceKey = "source", DestinationBucket = bucket, DestinationKey = "copy",
            MetadataDirective = Amazon.S3.S3MetadataDirective.REPLACE,
        };
        copy.Metadata.Add("greeting", "=?UTF-8?Q?Gr=C3=BC=C3=9Fe_=E4=B8=AD?=");
        await S3.CopyObjectAsync(copy);

        var head = await S3.GetObjectMetadataAsync(bucket, "copy");

        Assert.That(head.Metadata["greeting"], Is.EqualTo(Rfc2047(Greeting)));
    }

    private static string Base64Utf8(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Rfc2047(string text) => "=?UTF-8?B?" + Base64Utf8(text) + "?=";

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(SignedRawRequest request)
    {
        if (Transport == Transport.InProcess)
        {
            using var http = Emulator.CreateHttpClient();
            using var message = request.ToMessage();
            using var response = await http.SendAsync(message);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        await using var connection = await RawHttpConnection.OpenAsync(Emulator, https: Transport == Transport.LoopbackHttps);
        await connection.WriteAsync(request.ToBytes(Emulator.ServiceUrl.Authority));
        var raw = await connection.ReadResponseAsync();
        return ((HttpStatusCode)raw.Status, raw.Text);
    }
}
