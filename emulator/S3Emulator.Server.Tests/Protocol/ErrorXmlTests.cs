using S3Emulator.Core.Errors;
using S3Emulator.Server.Auth.SigV4;
using S3Emulator.Server.Services.S3;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Tests.Protocol;

/// <summary>The XML error body (S3ErrorResult) against TestData/Xml/Error.*.xml, with fixed request and host ids.</summary>
public sealed class ErrorXmlTests
{
    private const string RequestId = "4442587FB7D0A2F9";
    private const string HostId = "ZyXwVuTsRqPoNmLkJiHgFeDcBa0123456789";

    [Test]
    public async Task NoSuchKeyError_FromGetObject_MatchesGoldenXml()
    {
        var kit = new ProtocolTestKit();
        await kit.CreateBucketAsync("docs");

        // The exception comes from the handler itself, so the Key detail is the one GetObject really adds.
        var exception = await Assert.ThrowsAsync<S3Exception>(() => kit.DispatchAsync(S3Operation.GetObject, "docs", "missing.txt"));

        var result = S3ErrorResult.From(exception!, "/docs/missing.txt", RequestId, HostId);
        Assert.That(result.StatusCode, Is.EqualTo(404));
        GoldenXml.AssertMatches(await ProtocolTestKit.BodyAsync(result), "Error.NoSuchKey");
    }

    [Test]
    public async Task ErrorForAKeyWithControlCharacters_WritesThemAsCharacterReferences_AsS3Does()
    {
        var exception = new S3Exception(S3Errors.NoSuchKey, S3Exception.Detail("Key", "a\u0001b\u001Fc\td"));

        var body = await ProtocolTestKit.BodyAsync(S3ErrorResult.From(exception, "/docs/a\u0001b", RequestId, HostId));

        Assert.That(body, Does.Contain("<Key>a&#x1;b&#x1F;c\td</Key>").And.Contain("<Resource>/docs/a&#x1;b</Resource>"));
    }

    [Test]
    public async Task SignatureDoesNotMatchError_WithCanonicalRequest_MatchesGoldenXml()
    {
        const string stringToSign = "AWS4-HMAC-SHA256\n20260102T030405Z\n20260102/us-east-1/s3/aws4_request\n0123abcd";
        const string canonicalRequest = "GET\n/docs/a.txt\n\nhost:localhost\n\nhost\nUNSIGNED-PAYLOAD";
        var exception = AuthErrors.SignatureDoesNotMatch("AKIAIOSFODNN7EXAMPLE", stringToSign,
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", canonicalRequest);

        var result = S3ErrorResult.From(exception, "/docs/a.txt", RequestId, HostId);

        Assert.That(result.StatusCode, Is.EqualTo(403));
        GoldenXml.AssertMatches(await ProtocolTestKit.BodyAsync(result), "Error.SignatureDoesNotMatch");
    }
}
