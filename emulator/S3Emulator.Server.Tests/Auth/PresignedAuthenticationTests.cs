using S3Emulator.Server.Auth;
using static S3Emulator.Server.Tests.Auth.AuthTestKit;

namespace S3Emulator.Server.Tests.Auth;

public sealed class PresignedAuthenticationTests
{
    [TestCase("plain.txt")]
    [TestCase("dir/a b+c.txt")]
    [TestCase("a/../b//c")]
    [TestCase("ünï ☃")]
    public void Authenticate_SdkPresignedGet_ReturnsPrincipal(string key)
    {
        var request = SdkSigner.NewRequest("GET", "bucket", key);
        request.AddSubResource("x-id", "GetObject");
        var target = SdkSigner.Presign(request, SignedAt, 300);

        var principal = Authenticate(SdkSigner.ToHttpContext(request, target), new FakeTimeProvider(SignedAt.AddSeconds(299)));

        Assert.That(principal?.AccessKeyId, Is.EqualTo(SdkSigner.AccessKey));
    }

    [Test]
    public void Authenticate_PresignedForObjectLambda_ReturnsPrincipal()
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "k");
        var target = SdkSigner.Presign(request, SignedAt, 300, service: "s3-object-lambda");

        Assert.That(Authenticate(SdkSigner.ToHttpContext(request, target)), Is.Not.Null);
    }

    [Test]
    public void Authenticate_PresignedAfterExpiry_ThrowsAccessDeniedRequestHasExpired()
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        var target = SdkSigner.Presign(request, SignedAt, 300);

        var error = Fails(() => Authenticate(SdkSigner.ToHttpContext(request, target), new FakeTimeProvider(SignedAt.AddSeconds(301))));

        Assert.That(error.Error.Code, Is.EqualTo("AccessDenied"));
        Assert.That(error.Error.Message, Is.EqualTo("Request has expired"));
        Assert.That(Detail(error, "X-Amz-Expires"), Is.EqualTo("300"));
        Assert.That(Detail(error, "Expires"), Is.EqualTo("2026-01-02T03:09:05Z"));
        Assert.That(Detail(error, "ServerTime"), Is.EqualTo("2026-01-02T03:09:06Z"));
    }

    [Test]
    public void Authenticate_PresignedForMoreThanSevenDays_ThrowsAuthorizationQueryParametersError()
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        var target = SdkSigner.Presign(request, SignedAt, 604801);

        var error = Fails(() => Authenticate(SdkSigner.ToHttpContext(request, target)));

        Assert.That(error.Error.Code, Is.EqualTo("AuthorizationQueryParametersError"));
        Assert.That(error.Error.Message, Is.EqualTo("X-Amz-Expires must be less than a week (in seconds) that is, the given X-Amz-Expires must be less than 604800 seconds"));
    }

    [TestCase(-1)]
    [TestCase(-7)]
    [TestCase(-3600)]
    public void Authenticate_PresignedWithNegativeExpiry_ThrowsAuthorizationQueryParametersErrorNonNegative(int expiresSeconds)
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        var target = SdkSigner.Presign(request, SignedAt, expiresSeconds);
        Assert.That(target, Does.Contain($"X-Amz-Expires={expiresSeconds}&"), "the SDK's presigner writes the value as is");

        var error = Fails(() => Authenticate(SdkSigner.ToHttpContext(request, target)));

        Assert.That(error.Error.Code, Is.EqualTo("AuthorizationQueryParametersError"));
        Assert.That(error.Error.StatusCode, Is.EqualTo(400));
        Assert.That(error.Error.Message, Is.EqualTo("X-Amz-Expires must be non-negative"));
    }

    [TestCase("abc")]
    [TestCase("-")]
    [TestCase("1e3")]
    public void Authenticate_PresignedWithNonNumericExpiry_ThrowsAuthorizationQueryParametersErrorShouldBeANumber(string expires)
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        var target = SdkSigner.Presign(request, SignedAt, 300).Replace("X-Amz-Expires=300", "X-Amz-Expires=" + expires, StringComparison.Ordinal);

        var error = Fails(() => Authenticate(SdkSigner.ToHttpContext(request, target)));

        Assert.That(error.Error.Code, Is.EqualTo("AuthorizationQueryParametersError"));
        Assert.That(error.Error.Message, Is.EqualTo("X-Amz-Expires should be a number"));
    }

    [Test]
    public void Authenticate_PresignedForExactlySevenDays_IsAccepted()
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        var target = SdkSigner.Presign(request, SignedAt, 604800);

        Assert.That(Authenticate(SdkSigner.ToHttpContext(request, target), new FakeTimeProvider(SignedAt.AddDays(7))), Is.Not.Null);
    }

    [TestCase("X-Amz-Date")]
    [TestCase("X-Amz-Signature")]
    [TestCase("X-Amz-Expires")]
    [TestCase("X-Amz-SignedHeaders")]
    public void Authenticate_PresignedMissingParameter_ThrowsAuthorizationQueryParametersError(string parameter)
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        var target = RemoveParameter(SdkSigner.Presign(request, SignedAt, 300), parameter);

        var error = Fails(() => Authenticate(SdkSigner.ToHttpContext(request, target)));

        Assert.That(error.Error.Code, Is.EqualTo("AuthorizationQueryParametersError"));
        Assert.That(error.Error.Message, Does.StartWith("Query-string authentication version 4 requires the X-Amz-Algorithm"));
    }

    [Test]
    public void Authenticate_PresignedWithMalformedCredential_ThrowsAuthorizationQueryParametersError()
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        var target = SdkSigner.Presign(request, SignedAt, 300).Replace("%2Fus-east-1%2Fs3", "%252Fus-east-1%252Fs3", StringComparison.Ordinal);

        var error = Fails(() => Authenticate(SdkSigner.ToHttpContext(request, target)));

        Assert.That(error.Error.Code, Is.EqualTo("AuthorizationQueryParametersError"));
        Assert.That(error.Error.Message, Does.StartWith("Error parsing the X-Amz-Credential parameter; the Credential is mal-formed"));
    }

    [Test]
    public void Authenticate_PresignedWithUnsignedAmzHeaders_ThrowsAccessDeniedHeadersNotSigned()
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        var target = SdkSigner.Presign(request, SignedAt, 300);
        var context = SdkSigner.ToHttpContext(request, target);
        context.Request.Headers["x-amz-server-side-encryption-customer-algorithm"] = "AES256";
        context.Request.Headers["X-Amz-Meta-A"] = "1";

        var error = Fails(() => Authenticate(context));

        Assert.That(error.Error.Code, Is.EqualTo("AccessDenied"));
        Assert.That(error.Error.Message, Is.EqualTo("There were headers present in the request which were not signed"));
        Assert.That(Detail(error, "HeadersNotSigned"), Is.EqualTo("x-amz-meta-a, x-amz-server-side-encryption-customer-algorithm"));
    }

    [Test]
    public void Authenticate_PresignedWithSignedAmzHeader_IsAccepted()
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        request.Headers["x-amz-server-side-encryption-customer-algorithm"] = "AES256";
        var target = SdkSigner.Presign(request, SignedAt, 300);

        Assert.That(Authenticate(SdkSigner.ToHttpContext(request, target)), Is.Not.Null);
    }

    [Test]
    public void Authenticate_PresignedWithTamperedQuery_ThrowsSignatureDoesNotMatch()
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        var target = SdkSigner.Presign(request, SignedAt, 300) + "&response-content-type=text%2Fhtml";

        var error = Fails(() => Authenticate(SdkSigner.ToHttpContext(request, target)));

        Assert.That(error.Error.Code, Is.EqualTo("SignatureDoesNotMatch"));
        Assert.That(Detail(error, "CanonicalRequest"), Does.Contain("response-content-type=text%2Fhtml"));
        Assert.That(Detail(error, "CanonicalRequest"), Does.EndWith("\nUNSIGNED-PAYLOAD"));
        AssertNoSecretIn(error);
    }

    [Test]
    public void Authenticate_PresignedWithWrongRegion_ThrowsAuthorizationQueryParametersError()
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "key");
        var context = SdkSigner.ToHttpContext(request, SdkSigner.Presign(request, SignedAt, 300));
        var authenticator = new RequestAuthenticator(new CredentialStore([Credential]), new FakeTimeProvider(SignedAt), "eu-west-1");

        var error = Fails(() => authenticator.Authenticate(context, SdkSigner.Presign(request, SignedAt, 300)));

        Assert.That(error.Error.Code, Is.EqualTo("AuthorizationQueryParametersError"));
        Assert.That(Detail(error, "Region"), Is.EqualTo("eu-west-1"));
    }

    private static string RemoveParameter(string target, string name)
    {
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var kept = target[(question + 1)..].Split('&').Where(p => !p.StartsWith(name + "=", StringComparison.Ordinal));
        return target[..question] + "?" + string.Join('&', kept);
    }
}
