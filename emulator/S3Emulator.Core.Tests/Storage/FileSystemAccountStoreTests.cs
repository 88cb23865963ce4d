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
    public async Task Open_WithAFormat1FileHoldingAnAccessPoint_LoadsIt_AndTheNextWriteIsFormat2WithObjectLambdaAccessPoints()
    {
        // A file as the build before Object Lambda access points wrote it.
        const string alias = "reports-abcdefghijklmnopqrstuvwxyz01234567-s3alias";
        await File.WriteAllTextAsync(
            StateFile,
            $$"""
            {"formatVersion":1,"accounts":[{"accountId":"111122223333","accessPoints":[{"name":"reports","accountId":"111122223333",
            "bucket":"bkt","bucketAccountId":"111122223333","networkOrigin":"Internet",
            "publicAccessBlock":{"blockPublicAcls":true,"ignorePublicAcls":true,"blockPublicPolicy":true,"restrictPublicBuckets":true},
            "alias":"{{alias}}","creationDate":"2025-01-02T03:04:05+00:00"}]}]}
            """);
        var store = new FileSystemAccountStore(Root);
        var olap = new ObjectLambdaAccessPoint(
            "redacted", "111122223333",
            new ObjectLambdaConfiguration("arn:aws:s3:us-east-1:111122223333:accesspoint/reports", false, [],
                [new ObjectLambdaTransformation([ObjectLambdaAction.GetObject], "redact", null)]),
            null, ObjectLambdaAccessPointAlias.Create("redacted"), DateTimeOffset.UnixEpoch);

        var loaded = await store.GetAccessPointByAliasAsync(alias, CancellationToken.None);
        await store.TryCreateObjectLambdaAccessPointAsync(olap, CancellationToken.None);
        var written = await File.ReadAllTextAsync(StateFile);

        Assert.That(loaded?.Bucket, Is.EqualTo("bkt"));
        Assert.That(written, Does.Contain("\"formatVersion\": 2").And.Contain("\"objectLambdaAccessPoints\""));
        Assert.That(await new FileSystemAccountStore(Root).GetObjectLambdaAccessPointAsync("111122223333", "redacted", CancellationToken.None),
            Is.EqualTo(olap));
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
