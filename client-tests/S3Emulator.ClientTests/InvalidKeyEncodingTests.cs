using System.Net;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests;

/// <summary>
/// Keys that are not UTF-8 once percent-decoded. No SDK can send them (its keys are strings), so these
/// requests are signed by hand; each must be refused, never stored under a key another request also names.
/// </summary>
public sealed class InvalidKeyEncodingTests(Transport transport) : EmulatorTestBase(transport)
{
    public static IEnumerable<string> NotUtf8 =>
    [
        "%C0%AE",          // overlong '.'
        "%E0%80%AF",       // overlong '/'
        "a%C3",            // truncated two-byte sequence
        "a%E2%82",         // truncated three-byte sequence
        "%ED%A0%80",       // encoded high surrogate
        "%ED%BF%BF",       // encoded low surrogate
        "%80",             // stray continuation byte
        "%FF",             // never valid
        "%F4%90%80%80",    // beyond U+10FFFF
    ];

    [TestCaseSource(nameof(NotUtf8))]
    public async Task PutObject_WithKeyThatIsNotUtf8_IsInvalidUri_AndStoresNothing(string rawKey)
    {
        var bucket = await CreateBucketAsync();

        var (status, body) = await SendAsync(HttpMethod.Put, $"/{bucket}/{rawKey}", body: "x"u8.ToArray());

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(body, Does.Contain("<Code>InvalidURI</Code>"));
        Assert.That(body, Does.Contain("<Message>Couldn't parse the specified URI.</Message>"));
        var listing = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        Assert.That(listing.S3Objects ?? [], Is.Empty);
    }

    [TestCaseSource(nameof(NotUtf8))]
    public async Task GetObject_WithKeyThatIsNotUtf8_IsInvalidUri_NotTheKeyItsEscapesSpell(string rawKey)
    {
        var bucket = await CreateBucketAsync();
        // What a lenient decoder reads the invalid escapes as: the literal text "%C0%AE".
        await PutTextAsync(bucket, rawKey, "the key of the literal escapes");

        var (status, body) = await SendAsync(HttpMethod.Get, $"/{bucket}/{rawKey}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(body, Does.Contain("<Code>InvalidURI</Code>"));
    }

    [Test]
    public async Task ListObjects_WithPrefixThatIsNotUtf8_IsInvalidUri()
    {
        var bucket = await CreateBucketAsync();

        var (status, body) = await SendAsync(HttpMethod.Get, $"/{bucket}", "list-type=2&prefix=%C0%AE");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(body, Does.Contain("<Code>InvalidURI</Code>"));
    }

    [TestCase("%C0%AE")]
    [TestCase("%ED%A0%80")]
    [TestCase("a%")]
    public async Task CopyObject_FromSourceKeyThatIsNotUtf8OrBadlyEscaped_IsInvalidCopySourceEncoding(string rawSourceKey)
    {
        var bucket = await CreateBucketAsync();
        await PutTextAsync(bucket, Uri.UnescapeDataString(rawSourceKey), "source");

        var (status, body) = await SendAsync(HttpMethod.Put, $"/{bucket}/copy", headers: new Dictionary<string, string>
        {
            ["x-amz-copy-source"] = $"/{bucket}/{rawSourceKey}",
        });

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(body, Does.Contain("<Code>InvalidArgument</Code>"));
        Assert.That(body, Does.Contain("<Message>Invalid copy source encoding.</Message>"));
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string rawPath, string query = "",
        byte[]? body = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = RawS3Request.Create(method, Emulator.ServiceUrl, Emulator.Options.Region, rawPath, query, body, headers);
        using var http = Emulator.CreateHttpClient();
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
