using Amazon.Runtime.Internal;
using Microsoft.AspNetCore.Http.Features;
using S3Emulator.Core.Encryption;
using S3Emulator.Core.Identity;
using S3Emulator.Server.Auth;
using static S3Emulator.Server.Tests.Auth.AuthTestKit;

namespace S3Emulator.Server.Tests.Auth;

/// <summary>Requests signed with session credentials: the token is the credential's other half (../shared/spec/sts.md §6).</summary>
public sealed class SessionTokenAuthenticationTests
{
    private const string SessionKey = "ASIAABCDEFGHIJKLMNOP";
    private const string SessionSecret = "sessionsecretsessionsecretsessionsecret1";
    private static readonly NamedPolicy ReadAll = new("read-all", """{"Version":"2012-10-17","Statement":[]}""");

    private readonly SessionTokenSealer _sealer = new(MasterKey.FromBytes(Enumerable.Repeat((byte)3, 32).ToArray()));

    private static SessionClaims Claims(DateTimeOffset? expiration = null) => new(
        SessionKey, SessionSecret, "123456789012", "arn:aws:iam::123456789012:role/reader", "reader", "AROAEXAMPLEEXAMPLE12", "s1",
        """{"Version":"2012-10-17"}""", null, [], [], SignedAt, expiration ?? new DateTimeOffset(SignedAt).AddHours(1));

    private RequestAuthenticator Authenticator(FakeTimeProvider? clock = null)
    {
        clock ??= new FakeTimeProvider(SignedAt);
        var reader = new IamRole("reader", "123456789012", "AROAEXAMPLEEXAMPLE12", [ReadAll], new NamedPolicy("trust", "{}"), 3600);
        return new RequestAuthenticator(new CredentialStore([Credential]), clock, SdkSigner.Region,
            sessions: new SessionTokenVerification(_sealer, clock), directory: new PrincipalDirectory([], [reader]));
    }

    private static DefaultRequest HeaderSigned(string? token, string accessKey = SessionKey, string secret = SessionSecret)
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "a.txt");
        if (token is not null) request.Headers["x-amz-security-token"] = token;
        SdkSigner.Sign(request, SignedAt, secret, accessKey: accessKey);
        return request;
    }

    private S3Principal? Authenticate(DefaultRequest request, FakeTimeProvider? clock = null)
    {
        var context = SdkSigner.ToHttpContext(request);
        return Authenticator(clock).Authenticate(context, context.Features.Get<IHttpRequestFeature>()!.RawTarget);
    }

    private S3Principal? AuthenticatePresigned(string? token, FakeTimeProvider? clock = null)
    {
        var request = SdkSigner.NewRequest("GET", "bucket", "a.txt");
        if (token is not null) request.Parameters["X-Amz-Security-Token"] = token;
        var target = SdkSigner.Presign(request, SignedAt, 300, accessKey: SessionKey, secret: SessionSecret);
        var context = SdkSigner.ToHttpContext(request, target);
        return Authenticator(clock).Authenticate(context, target);
    }

    [Test]
    public void HeaderSigned_WithItsSessionToken_IsTheRoleSession_WithTheRolesAndTheSessionsPolicies()
    {
        var principal = Authenticate(HeaderSigned(_sealer.Seal(Claims())))!;

        Assert.That(principal.Arn, Is.EqualTo("arn:aws:sts::123456789012:assumed-role/reader/s1"));
        Assert.That(principal.AccountId, Is.EqualTo("123456789012"));
        Assert.That(principal.AccessKeyId, Is.EqualTo(SessionKey));
        Assert.That(principal.IsRoot, Is.False);
        Assert.That(principal.Identity.Kind, Is.EqualTo(CallerKind.AssumedRole));
        Assert.That(principal.Identity.UserId, Is.EqualTo("AROAEXAMPLEEXAMPLE12:s1"));
        Assert.That(principal.Identity.PrincipalArn, Is.EqualTo("arn:aws:iam::123456789012:role/reader"));
        Assert.That(principal.Identity.IdentityPolicies, Is.EqualTo(new[] { ReadAll }));
        Assert.That(principal.Identity.SessionPolicy?.Json, Is.EqualTo("""{"Version":"2012-10-17"}"""));
    }

    [Test]
    public void HeaderSigned_WithAForgedToken_IsInvalidToken_WithoutEchoingIt()
    {
        const string forged = "FQoGZXIvYXdzEPT//////////wEaDEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI";

        var error = Fails(() => Authenticate(HeaderSigned(forged)));

        Assert.That((error.Error.Code, error.Error.StatusCode, error.Error.Message),
            Is.EqualTo(("InvalidToken", 400, "The provided token is malformed or otherwise invalid.")));
        Assert.That(error.Details.Select(d => d.Value), Has.None.Contains(forged));
    }

    [Test]
    public void HeaderSigned_AfterTheSessionEnds_IsExpiredToken()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(SignedAt).AddSeconds(900));
        var token = _sealer.Seal(Claims(expiration: new DateTimeOffset(SignedAt).AddSeconds(900)));

        var error = Fails(() => Authenticate(HeaderSigned(token), clock));

        Assert.That((error.Error.Code, error.Error.StatusCode, error.Error.Message), Is.EqualTo(("ExpiredToken", 400, "The provided token has expired.")));
    }

    [Test]
    public void HeaderSigned_WithAnotherSessionsToken_IsInvalidToken()
    {
        var token = _sealer.Seal(Claims() with { AccessKeyId = "ASIAOTHEROTHEROTHER1" });

        Assert.That(Fails(() => Authenticate(HeaderSigned(token))).Error.Code, Is.EqualTo("InvalidToken"));
    }

    [Test]
    public void HeaderSigned_WithALongTermKeyAndAForgedToken_IsInvalidToken() =>
        Assert.That(Fails(() => Authenticate(HeaderSigned("bm90IGEgdG9rZW4=", SdkSigner.AccessKey, SdkSigner.Secret))).Error.Code,
            Is.EqualTo("InvalidToken"));

    [Test]
    public void HeaderSigned_WithASessionKeyButNoToken_IsInvalidAccessKeyId() =>
        Assert.That(Fails(() => Authenticate(HeaderSigned(token: null))).Error.Code, Is.EqualTo("InvalidAccessKeyId"));

    [Test]
    public void HeaderSigned_WithTheTokenButAWrongSecret_IsSignatureDoesNotMatch_WithoutTheSessionSecretOrToken()
    {
        var token = _sealer.Seal(Claims());

        var error = Fails(() => Authenticate(HeaderSigned(token, secret: "wrongwrongwrongwrongwrongwrongwrongwrong")));

        Assert.That(error.Error.Code, Is.EqualTo("SignatureDoesNotMatch"));
        Assert.That(error.Details.Select(d => d.Value), Has.None.Contains(SessionSecret).And.None.Contains(token));
        Assert.That(error.Details.Single(d => d.Key == "CanonicalRequest").Value, Does.Contain("x-amz-security-token:(withheld)"));
    }

    [Test]
    public void Presigned_WithTheTokenButATamperedSignature_IsSignatureDoesNotMatch_WithoutTheToken()
    {
        var token = _sealer.Seal(Claims());
        var request = SdkSigner.NewRequest("GET", "bucket", "a.txt");
        request.Parameters["X-Amz-Security-Token"] = token;
        var target = SdkSigner.Presign(request, SignedAt, 300, accessKey: SessionKey, secret: "wrongwrongwrongwrongwrongwrongwrongwrong");
        var context = SdkSigner.ToHttpContext(request, target);

        var error = Fails(() => Authenticator().Authenticate(context, target));

        Assert.That(error.Error.Code, Is.EqualTo("SignatureDoesNotMatch"));
        Assert.That(error.Details.Select(d => d.Value), Has.None.Contains(token).And.None.Contains(Uri.EscapeDataString(token)));
        Assert.That(error.Details.Single(d => d.Key == "CanonicalRequest").Value, Does.Contain("X-Amz-Security-Token=(withheld)"));
    }

    [Test]
    public void HeaderSigned_WithALongTermKeyAndNoToken_IsStillTheUser() =>
        Assert.That(Authenticate(HeaderSigned(null, SdkSigner.AccessKey, SdkSigner.Secret))!.Identity.Kind, Is.EqualTo(CallerKind.User));

    [Test]
    public void Presigned_WithItsSessionToken_IsTheRoleSession() =>
        Assert.That(AuthenticatePresigned(_sealer.Seal(Claims()))!.Arn, Is.EqualTo("arn:aws:sts::123456789012:assumed-role/reader/s1"));

    [Test]
    public void Presigned_WithAForgedToken_IsInvalidToken() =>
        Assert.That(Fails(() => AuthenticatePresigned("bm90IGEgdG9rZW4=")).Error.Code, Is.EqualTo("InvalidToken"));

    [Test]
    public void Presigned_AfterTheSessionEnds_IsExpiredToken()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(SignedAt).AddSeconds(120));
        var token = _sealer.Seal(Claims(expiration: new DateTimeOffset(SignedAt).AddSeconds(60)));

        Assert.That(Fails(() => AuthenticatePresigned(token, clock)).Error.Code, Is.EqualTo("ExpiredToken"));
    }
}
