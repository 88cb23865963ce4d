using System.Text;
using Microsoft.AspNetCore.Http.Features;
using S3Emulator.Server.Auth;
using static S3Emulator.Server.Tests.Auth.AuthTestKit;

namespace S3Emulator.Server.Tests.Auth;

public sealed class HeaderAuthenticationTests
{
    [TestCase("plain.txt")]
    [TestCase("dir/a b+c.txt")]
    [TestCase("a%2Fb")]
    [TestCase("a/../b")]
    [TestCase("a//b/./c")]
    [TestCase("ünï/日本語 ☃.txt")]
    [TestCase("sp ecial!*'()&$@=;:,?")]
    [TestCase("~tilde_-.")]
    public void Authenticate_SdkSignedPutWithAwkwardKey_ReturnsPrincipal(string key)
    {
        var request = SdkSigner.NewRequest("PUT", "bucket", key, "hello"u8.ToArray());
        request.AddSubResource("x-id", "PutObject");
        SdkSigner.Sign(request, SignedAt);
        var context = SdkSigner.ToHttpContext(request);

        var principal = Authenticate(context);

        Assert.That(principal, Is.EqualTo(new S3Principal("123456789012", "arn:aws:iam::123456789012:user/alice", SdkSigner.AccessKey, "alice")));
        Assert.That(ReadAll(context), Is.EqualTo("hello"u8.ToArray()));
        Assert.That(BodyFeature(context).DecodedContentLength, Is.EqualTo(5));
    }

    [Test]
    public void Authenticate_SdkSignedListWithQuery_ReturnsPrincipal()
    {
        var request = SdkSigner.NewRequest("GET", "bucket", key: null);
        request.AddSubResource("list-type", "2");
        request.AddSubResource("prefix", "docs/a b+c~");
        request.AddSubResource("delimiter", "/");
        request.AddSubResource("acl");
        SdkSigner.Sign(request, SignedAt);

        Assert.That(Authenticate(request), Is.Not.Null);
    }

    [Test]
    public void Authenticate_ServiceS3ObjectLambda_IsAccepted()
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "k");
        SdkSigner.Sign(request, SignedAt, service: "s3-object-lambda");

        Assert.That(Authenticate(request), Is.Not.Null);
    }

    [Test]
    public void Authenticate_ServiceNotS3_ThrowsAuthorizationHeaderMalformed()
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "k");
        SdkSigner.Sign(request, SignedAt, service: "sqs");

        var error = Fails(() => Authenticate(request));

        Assert.That(error.Error.Code, Is.EqualTo("AuthorizationHeaderMalformed"));
    }

    [Test]
    public void Authenticate_PathNormalisedAfterSigning_ThrowsSignatureDoesNotMatch()
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "a/../b");
        SdkSigner.Sign(request, SignedAt);
        var context = SdkSigner.ToHttpContext(request, rawTarget: "/bucket/b");

        var error = Fails(() => Authenticate(context));

        Assert.That(error.Error.Code, Is.EqualTo("SignatureDoesNotMatch"));
        Assert.That(Detail(error, "CanonicalRequest"), Does.StartWith("GET\n/bucket/b\n"));
    }

    [Test]
    public void Verify_WithWrongSecret_ThrowsSignatureDoesNotMatch()
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        SdkSigner.Sign(request, SignedAt, secret: "not-the-secret");

        var error = Fails(() => Authenticate(request));

        Assert.That(error.Error.Code, Is.EqualTo("SignatureDoesNotMatch"));
        Assert.That(error.Error.StatusCode, Is.EqualTo(403));
        Assert.That(Detail(error, "AWSAccessKeyId"), Is.EqualTo(SdkSigner.AccessKey));
        var stringToSign = Detail(error, "StringToSign")!;
        Assert.That(stringToSign, Does.StartWith("AWS4-HMAC-SHA256\n20260102T030405Z\n20260102/us-east-1/s3/aws4_request\n"));
        Assert.That(Detail(error, "StringToSignBytes"), Does.StartWith("41 57 53 34 2d"));
        Assert.That(Detail(error, "SignatureProvided"), Has.Length.EqualTo(64));
        Assert.That(Detail(error, "CanonicalRequest"), Does.StartWith("GET\n/bucket/key\n\n"));
        Assert.That(Detail(error, "CanonicalRequestBytes"), Does.StartWith("47 45 54 0a"));
        AssertNoSecretIn(error);
    }

    [Test]
    public void Authenticate_UnknownAccessKey_ThrowsInvalidAccessKeyId()
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        SdkSigner.Sign(request, SignedAt);
        var context = SdkSigner.ToHttpContext(request);
        var authenticator = new RequestAuthenticator(new CredentialStore([]), new FakeTimeProvider(SignedAt), SdkSigner.Region);

        var error = Fails(() => authenticator.Authenticate(context, context.Features.Get<IHttpRequestFeature>()!.RawTarget));

        Assert.That(error.Error.Code, Is.EqualTo("InvalidAccessKeyId"));
        Assert.That(Detail(error, "AWSAccessKeyId"), Is.EqualTo(SdkSigner.AccessKey));
    }

    [TestCase(16)]
    [TestCase(-16)]
    public void Authenticate_ClockSkewBeyond15Minutes_ThrowsRequestTimeTooSkewed(int minutes)
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        SdkSigner.Sign(request, SignedAt);
        var clock = new FakeTimeProvider(SignedAt.AddMinutes(minutes));

        var error = Fails(() => Authenticate(request, clock));

        Assert.That(error.Error.Code, Is.EqualTo("RequestTimeTooSkewed"));
        Assert.That(Detail(error, "RequestTime"), Is.EqualTo("20260102T030405Z"));
        Assert.That(Detail(error, "ServerTime"), Is.EqualTo(SignedAt.AddMinutes(minutes).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(Detail(error, "MaxAllowedSkewMilliseconds"), Is.EqualTo("900000"));
    }

    [TestCase(14)]
    [TestCase(-14)]
    public void Authenticate_ClockSkewWithin15Minutes_Succeeds(int minutes)
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        SdkSigner.Sign(request, SignedAt);

        Assert.That(Authenticate(request, new FakeTimeProvider(SignedAt.AddMinutes(minutes))), Is.Not.Null);
    }

    [Test]
    public void Authenticate_OtherRegion_ThrowsAuthorizationHeaderMalformedWithRegion()
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        SdkSigner.Sign(request, SignedAt);
        var context = SdkSigner.ToHttpContext(request);
        var authenticator = new RequestAuthenticator(new CredentialStore([Credential]), new FakeTimeProvider(SignedAt), "eu-west-1");

        var error = Fails(() => authenticator.Authenticate(context, context.Features.Get<IHttpRequestFeature>()!.RawTarget));

        Assert.That(error.Error.Code, Is.EqualTo("AuthorizationHeaderMalformed"));
        Assert.That(error.Error.Message, Is.EqualTo("The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'"));
        Assert.That(Detail(error, "Region"), Is.EqualTo("eu-west-1"));
    }

    [Test]
    public void Authenticate_MissingContentSha256_ThrowsInvalidRequest()
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        SdkSigner.Sign(request, SignedAt);
        request.Headers.Remove("X-Amz-Content-SHA256");

        var error = Fails(() => Authenticate(request));

        Assert.That(error.Error.Code, Is.EqualTo("InvalidRequest"));
        Assert.That(error.Error.Message, Is.EqualTo("Missing required header for this request: x-amz-content-sha256"));
    }

    [Test]
    public void Authenticate_ContentSha256NotSigned_ThrowsInvalidRequest()
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        SdkSigner.Sign(request, SignedAt);
        request.Headers["Authorization"] = request.Headers["Authorization"].Replace("x-amz-content-sha256;", string.Empty, StringComparison.Ordinal);

        var error = Fails(() => Authenticate(request));

        Assert.That(error.Error.Code, Is.EqualTo("InvalidRequest"));
        Assert.That(error.Error.Message, Is.EqualTo("header 'x-amz-content-sha256' must be included in signature"));
    }

    [Test]
    public void ReadBody_PayloadDifferentFromSignedHash_ThrowsXAmzContentSHA256Mismatch()
    {
        var request = SdkSigner.NewRequest("PUT", "bucket", "key", "hello"u8.ToArray());
        SdkSigner.Sign(request, SignedAt);
        var context = SdkSigner.ToHttpContext(request, body: "jello"u8.ToArray());

        Assert.That(Authenticate(context), Is.Not.Null);
        var error = Fails(() => ReadAll(context));

        Assert.That(error.Error.Code, Is.EqualTo("XAmzContentSHA256Mismatch"));
    }

    [Test]
    public async Task ReadBodyAsync_PayloadMatchesSignedHash_YieldsPayload()
    {
        var request = SdkSigner.NewRequest("PUT", "bucket", "key", "hello"u8.ToArray());
        SdkSigner.Sign(request, SignedAt);
        var context = SdkSigner.ToHttpContext(request);
        Authenticate(context);

        using var output = new MemoryStream();
        await context.Request.Body.CopyToAsync(output);

        Assert.That(output.ToArray(), Is.EqualTo("hello"u8.ToArray()));
    }

    [Test]
    public void Authenticate_UnsignedPayload_LeavesBodyUnchecked()
    {
        var request = SdkSigner.NewRequest("PUT", "bucket", "key", "hello"u8.ToArray());
        SdkSigner.Sign(request, SignedAt, signPayload: false);
        var context = SdkSigner.ToHttpContext(request, body: "anything"u8.ToArray());

        Assert.That(request.Headers["X-Amz-Content-SHA256"], Is.EqualTo("UNSIGNED-PAYLOAD"));
        Assert.That(Authenticate(context), Is.Not.Null);
        Assert.That(ReadAll(context), Is.EqualTo("anything"u8.ToArray()));
    }

    [Test]
    public void Authenticate_TamperedSignedHeader_ThrowsSignatureDoesNotMatch()
    {
        var request = SdkSigner.NewRequest("PUT", "bucket", "key", "hello"u8.ToArray());
        request.Headers["x-amz-meta-color"] = "blue";
        SdkSigner.Sign(request, SignedAt);
        var context = SdkSigner.ToHttpContext(request);
        context.Request.Headers["x-amz-meta-color"] = "red";

        Assert.That(Fails(() => Authenticate(context)).Error.Code, Is.EqualTo("SignatureDoesNotMatch"));
    }

    [TestCase("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/us-east-1/s3/aws4_request, Signature=abc")]
    [TestCase("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abc")]
    [TestCase("AWS4-HMAC-SHA256 garbage")]
    public void Authenticate_MalformedAuthorization_ThrowsAuthorizationHeaderMalformed(string authorization)
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        SdkSigner.Sign(request, SignedAt);
        request.Headers["Authorization"] = authorization;

        Assert.That(Fails(() => Authenticate(request)).Error.Code, Is.EqualTo("AuthorizationHeaderMalformed"));
    }

    [Test]
    public void Authenticate_SigV2Authorization_ThrowsInvalidRequest()
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        SdkSigner.Sign(request, SignedAt);
        request.Headers["Authorization"] = "AWS AKIDEXAMPLE:c2lnbmF0dXJl";

        var error = Fails(() => Authenticate(request));

        Assert.That(error.Error.Code, Is.EqualTo("InvalidRequest"));
        Assert.That(error.Error.Message, Is.EqualTo("The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256."));
    }

    [Test]
    public void Authenticate_NoAuthorizationAtAll_ReturnsNullAndPlainBody()
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Method = "PUT";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("abc"));
        context.Request.ContentLength = 3;

        var principal = Authenticator().Authenticate(context, "/bucket/key?x-id=PutObject");

        Assert.That(principal, Is.Null);
        Assert.That(BodyFeature(context).DecodedContentLength, Is.EqualTo(3));
        Assert.That(BodyFeature(context).Trailers, Is.Empty);
        Assert.That(ReadAll(context), Is.EqualTo("abc"u8.ToArray()));
    }
}
