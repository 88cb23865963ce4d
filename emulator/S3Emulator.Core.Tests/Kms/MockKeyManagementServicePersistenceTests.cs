using S3Emulator.Core.Kms;
using static S3Emulator.Core.Tests.Kms.KmsTestKit;

namespace S3Emulator.Core.Tests.Kms;

public sealed class MockKeyManagementServicePersistenceTests
{
    private const string FixedId = "0d7f5a8e-1c2b-4d3e-9f40-123456789abc";
    private static readonly byte[] FixedMaterial = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();

    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("kms-tests-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void NewInstanceOverSameFolder_HasKeysAliasesStatesAndDecryptsOldBlobs()
    {
        var first = Create(folder: _folder);
        var key = first.CreateKey("kept");
        var disabled = first.CreateKey();
        first.CreateAlias("alias/kept", key.KeyId);
        first.DisableKey(disabled.KeyId);
        var blob = first.Encrypt("alias/kept", Bytes("survives"), new Dictionary<string, string> { ["a"] = "b" }).CiphertextBlob;
        var awsKey = first.DescribeKey("alias/aws/s3");

        var second = Create(folder: _folder);

        Assert.That(second.DescribeKey("alias/kept").Description, Is.EqualTo("kept"));
        Assert.That(second.DescribeKey(disabled.KeyId).KeyState, Is.EqualTo(KmsKeyState.Disabled));
        Assert.That(second.DescribeKey("alias/aws/s3").KeyId, Is.EqualTo(awsKey.KeyId));
        Assert.That(second.Decrypt(blob, new Dictionary<string, string> { ["a"] = "b" }).Plaintext, Is.EqualTo(Bytes("survives")));
    }

    [Test]
    public void StateFolder_HoldsNoPlaintextKeyMaterial_AndOwnerOnlyFiles()
    {
        Create(folder: _folder, seeds: new KmsKeySeed(FixedId, [], null, true, FixedMaterial));

        var state = File.ReadAllText(Path.Combine(_folder, "kms.json"));

        Assert.That(state, Does.Contain(FixedId));
        Assert.That(state, Does.Not.Contain(Convert.ToBase64String(FixedMaterial)).And.Not.Contain(Convert.ToHexString(FixedMaterial)));
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in new[] { "master.key", "kms.json" })
            {
                Assert.That(File.GetUnixFileMode(Path.Combine(_folder, file)), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), file);
            }
        }
    }

    [Test]
    public void DeclaredKey_HasFixedIdMaterialAndAliases_SoBlobsAreInterchangeable()
    {
        var seed = new KmsKeySeed(FixedId, ["alias/declared"], "declared", true, FixedMaterial);
        var one = Create(seeds: seed);
        var other = Create(seeds: seed);

        var blob = one.Encrypt("alias/declared", Bytes("same key"), null).CiphertextBlob;

        Assert.That(one.DescribeKey(FixedId).Description, Is.EqualTo("declared"));
        Assert.That(other.Decrypt(blob).Plaintext, Is.EqualTo(Bytes("same key")));
    }

    [Test]
    public void DeclaredKey_Disabled_StartsDisabled_AndWithoutIdIsFoundAgainByAlias()
    {
        var seed = new KmsKeySeed(null, ["alias/by-alias"], null, false, null);
        var first = Create(folder: _folder, seeds: seed);
        var id = first.DescribeKey("alias/by-alias").KeyId;

        var second = Create(folder: _folder, seeds: seed);

        Assert.That(first.DescribeKey(id).KeyState, Is.EqualTo(KmsKeyState.Disabled));
        Assert.That(second.ListKeys().Single().KeyId, Is.EqualTo(id));
    }

    [TestCase(null, new string[0], TestName = "DeclaredKey_WithNeitherIdNorAlias_IsRefused")]
    [TestCase("not-a-uuid", new string[0], TestName = "DeclaredKey_WithNonUuidId_IsRefused")]
    public void DeclaredKey_ThatCouldNotBeNamed_IsRefused(string? keyId, string[] aliases) =>
        Assert.Throws<ArgumentException>(() => Create(seeds: new KmsKeySeed(keyId, aliases, null, true, null)));

    [Test]
    public void DeclaredKey_WithWrongMaterialLength_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Create(seeds: new KmsKeySeed(FixedId, [], null, true, new byte[16])));
}
