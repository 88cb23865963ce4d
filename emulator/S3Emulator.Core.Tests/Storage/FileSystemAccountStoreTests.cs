using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;

namespace S3Emulator.Core.Tests.Storage;

[TestFixture]
public sealed class FileSystemAccountStoreTests : AccountStoreContractTests
{
    private string? _root;

    private string Root => _root ??= Directory.CreateTempSubdirectory("s3emu-accounts-").FullName;

    private string StateFile => Path.Combine(Root, "accounts.json");

    protected override IAccountStore CreateStore() => new FileSystemAccountStore(Root);

    protected override IAccountStore Reopen(IAccountStore store) => new FileSystemAccountStore(Root);

    [TearDown]
    public void DeleteRoot()
    {
        if (_root is not null && Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        _root = null;
    }

    [Test]
    public async Task Open_WithAFileThatHoldsNoAccessPointsMember_LoadsTheAccountSettings()
    {
        // The smallest file a later format must still read: an account with only its Block Public Access settings.
        await File.WriteAllTextAsync(
            StateFile,
            """{"formatVersion":1,"accounts":[{"accountId":"111122223333","publicAccessBlock":{"blockPublicAcls":true,"ignorePublicAcls":false,"blockPublicPolicy":true,"restrictPublicBuckets":false}}]}""");

        var store = new FileSystemAccountStore(Root);

        Assert.That(
            await store.GetPublicAccessBlockAsync("111122223333", CancellationToken.None),
            Is.EqualTo(new PublicAccessBlock(true, false, true, false)));
    }

    [Test]
    public async Task Open_WithAFileFromANewerFormat_RefusesToStart()
    {
        await File.WriteAllTextAsync(StateFile, """{"formatVersion":99,"accounts":[]}""");

        Assert.Throws<InvalidDataException>(() => _ = new FileSystemAccountStore(Root));
    }

    [Test]
    public async Task Open_WithAFileThatIsNotJson_RefusesToStart()
    {
        await File.WriteAllTextAsync(StateFile, "{ half");

        Assert.Throws<InvalidDataException>(() => _ = new FileSystemAccountStore(Root));
    }

    [Test]
    public async Task Changes_LeaveOnlyTheStateFileBehind()
    {
        var store = new FileSystemAccountStore(Root);

        await store.SetPublicAccessBlockAsync("111122223333", PublicAccessBlock.AllBlocked, CancellationToken.None);
        await store.SetPublicAccessBlockAsync("111122223333", null, CancellationToken.None);

        Assert.That(Directory.GetFiles(Root).Select(Path.GetFileName), Is.EqualTo(new[] { "accounts.json" }));
    }
}
