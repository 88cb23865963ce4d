using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Services.ObjectLambda;

namespace S3Emulator.Server.Tests.Services.ObjectLambda;

/// <summary>What a WriteGetObjectResponse may forward to the caller (object-lambda.md §4), and what S3 refuses.</summary>
public sealed class ForwardedResponseHeadersTests
{
    private static HttpRequest Request(long? contentLength = null, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        foreach (var (name, value) in headers) context.Request.Headers.Append(name, value);
        context.Request.ContentLength = contentLength;
        return context.Request;
    }

    private static S3Error Refused(HttpRequest request)
    {
        var error = Assert.Throws<S3Exception>(() => ForwardedResponseHeaders.Read(request))!;
        return error.Error;
    }

    [Test]
    public void NoStatus_Is200() => Assert.That(ForwardedResponseHeaders.Read(Request()).Status, Is.EqualTo(200));

    [TestCase(200)]
    [TestCase(206)]
    [TestCase(304)]
    [TestCase(400)]
    [TestCase(401)]
    [TestCase(403)]
    [TestCase(404)]
    [TestCase(405)]
    [TestCase(409)]
    [TestCase(411)]
    [TestCase(412)]
    [TestCase(416)]
    [TestCase(500)]
    [TestCase(503)]
    public void EveryStatusS3Allows_Passes(int status) =>
        Assert.That(ForwardedResponseHeaders.Read(Request(null, ("x-amz-fwd-status", status.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Status,
            Is.EqualTo(status));

    [TestCase("201")]
    [TestCase("302")]
    [TestCase("100")]
    [TestCase("502")]
    [TestCase("abc")]
    [TestCase("2000")]
    [TestCase(" 200")]
    [TestCase("+200")]
    [TestCase("200.0")]
    public void AnyOtherStatus_IsInvalidArgument(string status)
    {
        var error = Refused(Request(null, ("x-amz-fwd-status", status)));

        Assert.That((error.Code, error.StatusCode), Is.EqualTo(("InvalidArgument", 400)));
        Assert.That(error.Message, Does.Contain("x-amz-fwd-status"));
    }

    [TestCase("AccessDenied")]
    [TestCase("MissingRequiredToken")]
    [TestCase("Ab")]
    public void AnErrorCodeOfTheDocumentedPattern_WithAnErrorStatus_Passes(string code)
    {
        var response = ForwardedResponseHeaders.Read(Request(null, ("x-amz-fwd-status", "403"), ("x-amz-fwd-error-code", code),
            ("x-amz-fwd-error-message", "Go away")));

        Assert.That((response.Status, response.ErrorCode, response.ErrorMessage), Is.EqualTo((403, code, "Go away")));
    }

    [TestCase("accessDenied")]
    [TestCase("A")]
    [TestCase("Access-Denied")]
    [TestCase("Access Denied")]
    [TestCase("Error1")]
    [TestCase("É")]
    public void AnErrorCodeOutsideThePattern_IsInvalidArgument(string code) =>
        Assert.That(Refused(Request(null, ("x-amz-fwd-status", "403"), ("x-amz-fwd-error-code", code))).Code, Is.EqualTo("InvalidArgument"));

    [TestCase(null)]
    [TestCase("200")]
    [TestCase("206")]
    [TestCase("304")]
    public void AnErrorCode_WithASuccessStatus_IsInvalidArgument(string? status)
    {
        var headers = status is null
            ? new[] { ("x-amz-fwd-error-code", "AccessDenied") }
            : [("x-amz-fwd-status", status), ("x-amz-fwd-error-code", "AccessDenied")];

        Assert.That(Refused(Request(null, headers)).Code, Is.EqualTo("InvalidArgument"));
    }

    [Test]
    public void AnErrorCode_WithABody_IsInvalidArgument() =>
        Assert.That(Refused(Request(5, ("x-amz-fwd-status", "404"), ("x-amz-fwd-error-code", "NoSuchKey"))).Code, Is.EqualTo("InvalidArgument"));

    [Test]
    public void AnErrorStatus_WithABodyButNoErrorCode_Passes() =>
        Assert.That(ForwardedResponseHeaders.Read(Request(5, ("x-amz-fwd-status", "404"))).Status, Is.EqualTo(404));

    [Test]
    public void AnErrorMessageOf2048Characters_Passes() =>
        Assert.That(ForwardedResponseHeaders.Read(Request(null, ("x-amz-fwd-status", "500"), ("x-amz-fwd-error-message", new string('m', 2048)))).ErrorMessage,
            Has.Length.EqualTo(2048));

    [Test]
    public void AnErrorMessageOver2048Characters_IsInvalidArgument() =>
        Assert.That(Refused(Request(null, ("x-amz-fwd-status", "500"), ("x-amz-fwd-error-message", new string('m', 2049)))).Code,
            Is.EqualTo("InvalidArgument"));

    [TestCase("x-amz-fwd-header-X-Custom")]
    [TestCase("x-amz-fwd-header-Content-Length")]
    [TestCase("x-amz-fwd-header-x-amz-meta-a")]
    [TestCase("x-amz-fwd-header-Location")]
    [TestCase("x-amz-fwd-header-")]
    public void AnUnknownForwardedHeader_IsInvalidArgument_NamingIt(string name)
    {
        var error = Refused(Request(null, (name, "v")));

        Assert.That(error.Code, Is.EqualTo("InvalidArgument"));
        Assert.That(error.Message, Does.Contain(name));
    }

    [TestCase("x-amz-fwd-header-content-type", "Content-Type")]
    [TestCase("X-Amz-Fwd-Header-ETAG", "ETag")]
    [TestCase("x-amz-fwd-header-Accept-Ranges", "accept-ranges")]
    [TestCase("x-amz-fwd-header-last-modified", "Last-Modified")]
    [TestCase("x-amz-fwd-header-X-Amz-Checksum-Crc32", "x-amz-checksum-crc32")]
    [TestCase("x-amz-fwd-header-x-amz-server-side-encryption-customer-key-md5", "x-amz-server-side-encryption-customer-key-MD5")]
    [TestCase("x-amz-fwd-header-x-amz-version-id", "x-amz-version-id")]
    [TestCase("x-amz-fwd-header-Cache-Control", "Cache-Control")]
    public void AForwardedHeader_GoesOutUnderItsCanonicalName(string sent, string forwarded) =>
        Assert.That(ForwardedResponseHeaders.Read(Request(null, (sent, "v"))).Headers, Is.EqualTo(new[] { KeyValuePair.Create(forwarded, "v") }));

    [Test]
    public void UserMetadata_IsForwardedLowercased_AndOtherHeadersAreNot()
    {
        var response = ForwardedResponseHeaders.Read(Request(3, ("X-Amz-Meta-Colour", "Blue"), ("Content-Type", "text/plain"),
            ("x-amz-request-route", "r"), ("x-amz-request-token", "t"), ("Authorization", "AWS4-HMAC-SHA256 …")));

        Assert.That(response.Headers, Is.EqualTo(new[] { KeyValuePair.Create("x-amz-meta-colour", "Blue") }));
    }

    [Test]
    public void UserMetadataOf2KB_Passes() =>
        Assert.That(ForwardedResponseHeaders.Read(Request(null, ("x-amz-meta-a", new string('v', 2047)))).Headers, Has.Count.EqualTo(1));

    [Test]
    public void UserMetadataOver2KB_IsMetadataTooLarge()
    {
        var error = Refused(Request(null, ("x-amz-meta-a", new string('v', 1024)), ("x-amz-meta-b", new string('v', 1024))));

        Assert.That((error.Code, error.StatusCode), Is.EqualTo(("MetadataTooLarge", 400)));
    }
}
