using S3Emulator.Server.Auth;

namespace S3Emulator.Server.Tests.Auth;

public sealed class CredentialStoreTests
{
    [Test]
    public void TryGet_KnownKey_ReturnsCredentialAndPrincipal()
    {
        var store = new CredentialStore([new S3Credential("AK1", "s1", "111122223333", "bob"), new S3Credential("AK2", "s2", "444455556666", "root")]);

        Assert.That(store.TryGet("AK1", out var bob), Is.True);
        Assert.That(S3Principal.For(bob!).Arn, Is.EqualTo("arn:aws:iam::111122223333:user/bob"));
        Assert.That(store.TryGet("AK2", out var root), Is.True);
        Assert.That(S3Principal.For(root!), Is.EqualTo(new S3Principal("444455556666", "arn:aws:iam::444455556666:root", "AK2", "root")));
        Assert.That(S3Principal.For(root!).IsRoot, Is.True);
        Assert.That(store.TryGet("ak1", out _), Is.False);
    }

    [Test]
    public void Constructor_DuplicateAccessKey_Throws()
    {
        Assert.That(
            () => new CredentialStore([new S3Credential("AK1", "s1", "1", "a"), new S3Credential("AK1", "s2", "2", "b")]),
            Throws.ArgumentException);
    }

    [Test]
    public void ToString_NeverContainsTheSecret()
    {
        Assert.That(new S3Credential("AK1", "super-secret", "1", "a").ToString(), Does.Not.Contain("super-secret"));
    }
}
