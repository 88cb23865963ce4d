using S3Emulator.Core.Identity;
using static S3Emulator.Core.Tests.Identity.IdentityTestData;

namespace S3Emulator.Core.Tests.Identity;

public sealed class SessionTokenSealerTests
{
    [Test]
    public void SealThenOpen_ReturnsEveryClaim()
    {
        var sealer = new SessionTokenSealer(MasterKeyA);
        var claims = Claims(policy: """{"Version":"2012-10-17","Statement":[]}""");

        Assert.That(sealer.TryOpen(sealer.Seal(claims), out var opened), Is.True);

        Assert.That(opened, Is.EqualTo(claims with { Tags = opened!.Tags, TransitiveTagKeys = opened.TransitiveTagKeys }));
        Assert.That(opened.Tags, Is.EqualTo(claims.Tags));
        Assert.That(opened.TransitiveTagKeys, Is.EqualTo(claims.TransitiveTagKeys));
    }

    [Test]
    public void Open_WithTheSameMasterKeyInAnotherSealer_Succeeds_SoTokensSurviveARestart()
    {
        var token = new SessionTokenSealer(MasterKeyA).Seal(Claims());

        Assert.That(new SessionTokenSealer(MasterKeyA).TryOpen(token, out _), Is.True);
    }

    [Test]
    public void Open_UnderAnotherMasterKey_Fails()
    {
        var token = new SessionTokenSealer(MasterKeyA).Seal(Claims());

        Assert.That(new SessionTokenSealer(MasterKeyB).TryOpen(token, out var claims), Is.False);
        Assert.That(claims, Is.Null);
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(20)]
    [TestCase(-1)]
    public void Open_WithOneByteChanged_Fails(int position)
    {
        var sealer = new SessionTokenSealer(MasterKeyA);
        var bytes = Convert.FromBase64String(sealer.Seal(Claims()));
        bytes[position < 0 ? bytes.Length + position : position] ^= 0x01;

        Assert.That(sealer.TryOpen(Convert.ToBase64String(bytes), out _), Is.False);
    }

    [TestCase("")]
    [TestCase("not base64 at all!")]
    [TestCase("AQID")]
    [TestCase("FQoGZXIvYXdzEPT//////////wEaDEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI")]
    public void Open_ForeignOrMalformedText_Fails(string token) =>
        Assert.That(new SessionTokenSealer(MasterKeyA).TryOpen(token, out _), Is.False);

    [Test]
    public void Token_DoesNotContainTheSecretOrThePolicyInClear()
    {
        var claims = Claims(policy: """{"Version":"2012-10-17","Statement":[{"Sid":"VisibleSid"}]}""");
        var token = new SessionTokenSealer(MasterKeyA).Seal(claims);
        var decoded = System.Text.Encoding.Latin1.GetString(Convert.FromBase64String(token));

        Assert.That(decoded, Does.Not.Contain(claims.SecretAccessKey));
        Assert.That(decoded, Does.Not.Contain("VisibleSid"));
        Assert.That(decoded, Does.Not.Contain(claims.AccessKeyId));
    }

    [Test]
    public void Seal_TheSameClaimsTwice_GivesDifferentTokens() =>
        Assert.That(new SessionTokenSealer(MasterKeyA).Seal(Claims()), Is.Not.EqualTo(new SessionTokenSealer(MasterKeyA).Seal(Claims())));

    [Test]
    public void ClaimsToString_OmitsTheSecret() =>
        Assert.That(Claims().ToString(), Does.Not.Contain(Claims().SecretAccessKey));
}
