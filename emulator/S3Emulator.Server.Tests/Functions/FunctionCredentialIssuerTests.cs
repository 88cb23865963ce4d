using Microsoft.AspNetCore.Http.Features;
using S3Emulator.Core.Identity;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Functions;
using S3Emulator.Server.Tests.Auth;

namespace S3Emulator.Server.Tests.Functions;

public sealed class FunctionCredentialIssuerTests
{
    private readonly FakeTimeProvider _clock = new(AuthTestKit.SignedAt);
    private readonly SessionTokenSealer _sealer = new(FunctionTestKit.MasterKey);
    private readonly PrincipalDirectory _directory = FunctionTestKit.Directory(FunctionTestKit.Options());

    private FunctionCredentialIssuer Issuer() => new(_directory, _sealer, _clock);

    private static RegisteredFunction Function(string? role = FunctionTestKit.RoleArn, int timeoutSeconds = 60) =>
        FunctionTestKit.Resolved("upper", handler: new FunctionTestKit.Returning(null), role: role, timeout: TimeSpan.FromSeconds(timeoutSeconds)).Function;

    [Test]
    public void For_AFunctionWithARole_GivesCredentialsThatAuthenticateAsTheRolesSessionNamedAfterTheFunction()
    {
        var credentials = Issuer().For(Function())!;
        var request = SdkSigner.NewRequest("GET", "bucket", "a.txt");
        request.Headers["x-amz-security-token"] = credentials.SessionToken;
        SdkSigner.Sign(request, AuthTestKit.SignedAt, credentials.SecretAccessKey, accessKey: credentials.AccessKeyId);
        var context = SdkSigner.ToHttpContext(request);
        var authenticator = new RequestAuthenticator(new CredentialStore([]), _clock, SdkSigner.Region,
            sessions: new SessionTokenVerification(_sealer, _clock), directory: _directory);

        var principal = authenticator.Authenticate(context, context.Features.Get<IHttpRequestFeature>()!.RawTarget)!;

        Assert.That(credentials.AccessKeyId, Does.Match("^ASIA[A-Z2-7]{16}$"));
        Assert.That(principal.Arn, Is.EqualTo("arn:aws:sts::123456789012:assumed-role/runner/upper"));
        Assert.That(principal.Identity.Kind, Is.EqualTo(CallerKind.AssumedRole));
        Assert.That(principal.Identity.PrincipalArn, Is.EqualTo(FunctionTestKit.RoleArn));
        Assert.That(principal.Identity.IdentityPolicies.Select(p => p.Name), Is.EqualTo(new[] { "wgor" }));
    }

    [Test]
    public void For_AFunctionWithoutARole_GivesNoCredentials() => Assert.That(Issuer().For(Function(role: null)), Is.Null);

    [Test]
    public void For_TheCredentials_AreValidForLongerThanTheFunctionsTimeout()
    {
        var credentials = Issuer().For(Function(timeoutSeconds: 900))!;

        Assert.That(_sealer.TryOpen(credentials.SessionToken, out var claims), Is.True);
        Assert.That(claims!.Expiration - _clock.GetUtcNow(), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(900)));
        Assert.That(claims.SessionName, Is.EqualTo("upper"));
    }

    [Test]
    public void For_ASecondInvocation_ReusesTheSession_UntilItCouldExpireDuringOne()
    {
        var issuer = Issuer();
        var first = issuer.For(Function(timeoutSeconds: 60))!;

        _clock.Now = _clock.Now.AddMinutes(57);
        var reused = issuer.For(Function(timeoutSeconds: 60))!;
        _clock.Now = _clock.Now.AddMinutes(2);
        var renewed = issuer.For(Function(timeoutSeconds: 60))!;

        Assert.That(reused.AccessKeyId, Is.EqualTo(first.AccessKeyId));
        Assert.That(renewed.AccessKeyId, Is.Not.EqualTo(first.AccessKeyId));
    }

    [Test]
    public void ToString_OfTheCredentials_ShowsNeitherSecretNorToken()
    {
        var credentials = Issuer().For(Function())!;

        Assert.That(credentials.ToString(), Does.Not.Contain(credentials.SecretAccessKey).And.Not.Contain(credentials.SessionToken));
    }
}
