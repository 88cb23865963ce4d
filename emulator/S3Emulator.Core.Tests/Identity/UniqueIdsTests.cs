using S3Emulator.Core.Identity;

namespace S3Emulator.Core.Tests.Identity;

public sealed class UniqueIdsTests
{
    [Test]
    public void NewSessionAccessKeyId_IsASIAAnd16MoreCharactersOfIamsAlphabet()
    {
        var id = UniqueIds.NewSessionAccessKeyId();

        Assert.That(id, Does.Match("^ASIA[A-Z2-7]{16}$"));
    }

    [Test]
    public void NewSessionAccessKeyId_DiffersEachTime() =>
        Assert.That(UniqueIds.NewSessionAccessKeyId(), Is.Not.EqualTo(UniqueIds.NewSessionAccessKeyId()));

    [Test]
    public void NewSecretAccessKey_Has40Characters() =>
        Assert.That(UniqueIds.NewSecretAccessKey(), Does.Match("^[A-Za-z0-9+/]{40}$"));

    [Test]
    public void Derived_IsStableForTheSameAccountAndName_AndDiffersForAnother()
    {
        var id = UniqueIds.Derived(UniqueIds.RolePrefix, "123456789012", "reader");

        Assert.That(id, Does.Match("^AROA[A-Z2-7]{17}$"));
        Assert.That(UniqueIds.Derived(UniqueIds.RolePrefix, "123456789012", "reader"), Is.EqualTo(id));
        Assert.That(UniqueIds.Derived(UniqueIds.RolePrefix, "123456789012", "writer"), Is.Not.EqualTo(id));
    }
}
