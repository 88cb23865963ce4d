using S3Emulator.Core.Identity;
using S3Emulator.Core.Tests.Kms;
using static S3Emulator.Core.Tests.Identity.IdentityTestData;

namespace S3Emulator.Core.Tests.Identity;

public sealed class SessionTokenVerificationTests
{
    private readonly SessionTokenSealer _sealer = new(MasterKeyA);

    [Test]
    public void Verify_AValidTokenForItsKey_ReturnsTheClaims()
    {
        var verification = new SessionTokenVerification(_sealer, new ManualTimeProvider(Now));

        var claims = verification.Verify(_sealer.Seal(Claims()), Claims().AccessKeyId, out _);

        Assert.That(claims?.SessionArn, Is.EqualTo("arn:aws:sts::123456789012:assumed-role/reader/s1"));
    }

    [Test]
    public void Verify_AfterExpiration_FailsAsExpired()
    {
        var clock = new ManualTimeProvider(Now);
        var verification = new SessionTokenVerification(_sealer, clock);
        var token = _sealer.Seal(Claims(expiration: Now.AddSeconds(900)));
        clock.Advance(TimeSpan.FromSeconds(900));

        Assert.That(verification.Verify(token, Claims().AccessKeyId, out var failure), Is.Null);
        Assert.That(failure, Is.EqualTo(SessionTokenFailure.Expired));
    }

    [Test]
    public void Verify_OneSecondBeforeExpiration_Succeeds()
    {
        var clock = new ManualTimeProvider(Now);
        var token = _sealer.Seal(Claims(expiration: Now.AddSeconds(900)));
        clock.Advance(TimeSpan.FromSeconds(899));

        Assert.That(new SessionTokenVerification(_sealer, clock).Verify(token, Claims().AccessKeyId, out _), Is.Not.Null);
    }

    [TestCase("ASIAOTHEROTHEROTHER1")]
    [TestCase("AKIAIOSFODNN7EXAMPLE")]
    public void Verify_WithAnotherAccessKeyId_FailsAsInvalid(string accessKeyId)
    {
        var verification = new SessionTokenVerification(_sealer, new ManualTimeProvider(Now));

        Assert.That(verification.Verify(_sealer.Seal(Claims()), accessKeyId, out var failure), Is.Null);
        Assert.That(failure, Is.EqualTo(SessionTokenFailure.Invalid));
    }

    [Test]
    public void Verify_AnExpiredTokenOfAnotherKey_FailsAsInvalid_NotExpired()
    {
        var clock = new ManualTimeProvider(Now.AddDays(1));
        var verification = new SessionTokenVerification(_sealer, clock);

        verification.Verify(_sealer.Seal(Claims()), "ASIAOTHEROTHEROTHER1", out var failure);

        Assert.That(failure, Is.EqualTo(SessionTokenFailure.Invalid));
    }
}
