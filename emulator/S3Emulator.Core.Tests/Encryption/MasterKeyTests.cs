using S3Emulator.Core.Encryption;
using static S3Emulator.Core.Tests.Encryption.EncryptionTestData;

namespace S3Emulator.Core.Tests.Encryption;

public sealed class MasterKeyTests
{
    private string _folder = "";

    private string KeyPath => Path.Combine(_folder, MasterKey.FileName);

    [SetUp]
    public void CreateFolder() => _folder = Path.Combine(Path.GetTempPath(), "s3e-master-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void SealThenUnseal_WithTheSameBinding_ReturnsTheDataKey()
    {
        var master = MasterKey.FromBytes(Key(100));
        var dataKey = DataKeys.NewDataKey();

        var sealedKey = master.Seal(dataKey, "bucket/key");

        Assert.That(master.Unseal(sealedKey, "bucket/key"), Is.EqualTo(dataKey));
    }

    [Test]
    public void SealedKey_IsFreshEachTimeAndDoesNotContainTheDataKey()
    {
        var master = MasterKey.FromBytes(Key(100));
        var dataKey = Key(7);

        var first = master.Seal(dataKey, "b/k");
        var second = master.Seal(dataKey, "b/k");

        Assert.That(first, Is.Not.EqualTo(second));
        Assert.That(first.AsSpan().IndexOf(dataKey.AsSpan(0, 8)), Is.EqualTo(-1));
    }

    [Test]
    public void Unseal_WithAnotherBinding_ThrowsKeyUnseal()
    {
        var master = MasterKey.FromBytes(Key(100));
        var sealedKey = master.Seal(Key(), "bucket/key");

        Assert.That(() => master.Unseal(sealedKey, "bucket/other"), Throws.TypeOf<KeyUnsealException>());
    }

    [Test]
    public void Unseal_WithAnotherMasterKey_ThrowsKeyUnseal()
    {
        var sealedKey = MasterKey.FromBytes(Key(100)).Seal(Key(), "b/k");

        Assert.That(() => MasterKey.FromBytes(Key(101)).Unseal(sealedKey, "b/k"), Throws.TypeOf<KeyUnsealException>());
    }

    [Test]
    public void Unseal_OfDamagedOrShortenedBytes_ThrowsKeyUnseal()
    {
        var master = MasterKey.FromBytes(Key(100));
        var sealedKey = master.Seal(Key(), "b/k");

        for (var position = 0; position < sealedKey.Length; position++)
        {
            Assert.That(() => master.Unseal(Flip(sealedKey, position), "b/k"), Throws.TypeOf<KeyUnsealException>(), $"byte {position}");
        }

        Assert.That(() => master.Unseal(sealedKey[..^1], "b/k"), Throws.TypeOf<KeyUnsealException>());
    }

    [Test]
    public void LoadOrCreate_WithAConfiguredKey_UsesItAndWritesNoFile()
    {
        var master = MasterKey.LoadOrCreate(_folder, Convert.ToBase64String(Key(100)));

        Assert.That(master.Source, Is.EqualTo(MasterKeySource.Configured));
        Assert.That(MasterKey.FromBytes(Key(100)).Unseal(master.Seal(Key(), "b/k"), "b/k"), Is.EqualTo(Key()));
        Assert.That(File.Exists(KeyPath), Is.False);
    }

    [Test]
    public void LoadOrCreate_WithAConfiguredKeyOfTheWrongLength_ThrowsWithoutEchoingIt()
    {
        var configured = Convert.ToBase64String(new byte[16]);

        Assert.That(
            () => MasterKey.LoadOrCreate(null, configured),
            Throws.ArgumentException.With.Message.Not.Contains(configured));
    }

    [Test]
    public void LoadOrCreate_WithAFolder_CreatesTheKeyFileThere()
    {
        var master = MasterKey.LoadOrCreate(_folder, null);

        Assert.That(master.Source, Is.EqualTo(MasterKeySource.File));
        Assert.That(master.FilePath, Is.EqualTo(Path.GetFullPath(KeyPath)));
        Assert.That(Convert.FromBase64String(File.ReadAllText(KeyPath).Trim()), Has.Length.EqualTo(32));
        Assert.That(Directory.GetFiles(_folder), Has.Length.EqualTo(1));
    }

    [Test]
    public void LoadOrCreate_WritesTheKeyFileReadableByItsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes");
            return;
        }

        MasterKey.LoadOrCreate(_folder, null);

        Assert.That(File.GetUnixFileMode(KeyPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public void LoadOrCreate_AfterARestart_ReusesThePersistedKey()
    {
        var sealedKey = MasterKey.LoadOrCreate(_folder, null).Seal(Key(), "b/k");

        var restarted = MasterKey.LoadOrCreate(_folder, null);

        Assert.That(restarted.Unseal(sealedKey, "b/k"), Is.EqualTo(Key()));
    }

    [Test]
    public void LoadOrCreate_ByManyEmulatorsAtOnce_AgreesOnOneKey()
    {
        for (var round = 0; round < 20; round++)
        {
            var folder = Path.Combine(_folder, round.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var start = new Barrier(8);
            var keys = new MasterKey[8];
            var threads = Enumerable.Range(0, keys.Length)
                .Select(i => new Thread(() =>
                {
                    start.SignalAndWait();
                    keys[i] = MasterKey.LoadOrCreate(folder, null);
                }))
                .ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            var sealedKey = keys[0].Seal(Key(), "b/k");

            Assert.That(keys.Select(k => k.Unseal(sealedKey, "b/k")), Has.All.EqualTo(Key()), $"round {round}");
            Assert.That(Directory.GetFiles(folder), Has.Length.EqualTo(1));
        }
    }

    [Test]
    public void LoadOrCreate_WithACorruptKeyFile_ThrowsInvalidData()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(KeyPath, "not a key");

        Assert.That(() => MasterKey.LoadOrCreate(_folder, null), Throws.TypeOf<InvalidDataException>());
    }

    [Test]
    public void LoadOrCreate_WithNeitherFolderNorConfiguration_IsEphemeralAndUnique()
    {
        var first = MasterKey.LoadOrCreate(null, null);
        var second = MasterKey.LoadOrCreate(null, " ");
        var sealedKey = first.Seal(Key(), "b/k");

        Assert.That(first.Source, Is.EqualTo(MasterKeySource.Ephemeral));
        Assert.That(() => second.Unseal(sealedKey, "b/k"), Throws.TypeOf<KeyUnsealException>());
    }
}
