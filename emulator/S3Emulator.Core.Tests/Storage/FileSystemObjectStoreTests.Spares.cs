using S3Emulator.Core.Model;
using S3Emulator.Core.Storage.FileSystem;

namespace S3Emulator.Core.Tests.Storage;

/// <summary>
/// A replaced small version's file is kept in tmp/spare/ and a later PUT writes over it (SpareFiles): the new version
/// must end with its own record, whatever the reused file held past it, and startup wipes the spares.
/// </summary>
public sealed partial class FileSystemObjectStoreTests
{
    private string[] Spares() => Directory.GetFiles(Path.Combine(Root, "tmp", "spare"));

    [Test]
    public async Task APut_OverTheFileOfALongerReplacedVersion_EndsWithItsOwnRecord_AndReadsBackAfterARestart()
    {
        var first = Payload(3000, seed: 1);
        await Store.PutObjectAsync(BucketName, "a", new MemoryStream(first), size => Record("a", size, Md5Hex(first)) with
        {
            UserMetadata = new Dictionary<string, string> { ["note"] = new string('x', 500) },
        }, Ct);
        await Store.UpdateObjectInfoAsync(BucketName, "a", info => info with { Tags = [new("t", new string('y', 300))] }, Ct);
        var replacement = Payload(10, seed: 2);
        await PutAsync("a", replacement);
        Assert.That(Spares(), Has.Length.EqualTo(1), "the replaced version's file is kept");

        var content = Payload(100, seed: 3);
        var info = await PutAsync("b", content);

        Assert.That(Spares(), Is.Empty, "the PUT wrote over the spare");
        Assert.That(new FileInfo(VersionFilesOf("b").Single()).Length,
            Is.EqualTo(VersionFile.HeaderSize + content.Length + VersionFile.Entry(info).Length),
            "nothing of the longer file it reused is left past its record");

        Store = Reopen(Store);

        Assert.That(await ReadAsync("b"), Is.EqualTo(content));
        AssertSameRecord(await Store.GetObjectInfoAsync(BucketName, "b", Ct), info);
        Assert.That(await ReadAsync("a"), Is.EqualTo(replacement));
    }

    [Test]
    public async Task Reopen_WipesTheSpares()
    {
        await PutAsync("key", Payload(100, seed: 1));
        await PutAsync("key", Payload(100, seed: 2));
        Assert.That(Spares(), Has.Length.EqualTo(1));

        Store = Reopen(Store);

        Assert.That(Spares(), Is.Empty);
        Assert.That(await ReadAsync("key"), Is.EqualTo(Payload(100, seed: 2)));
    }

    [Test]
    public async Task AReplacedVersion_LargerThanASmallRead_IsUnlinked_NotKept()
    {
        await PutAsync("key", Payload(SmallContentCache.MaxEntryBytes + 1, seed: 1));
        await PutAsync("key", Payload(100, seed: 2));

        Assert.That(Spares(), Is.Empty, "a reader may hold a larger version's file open");
        Assert.That(VersionFilesOf("key"), Has.Length.EqualTo(1));
    }
}
