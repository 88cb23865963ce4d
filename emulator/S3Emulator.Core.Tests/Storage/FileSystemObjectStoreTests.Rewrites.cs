using System.Globalization;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage.FileSystem;

namespace S3Emulator.Core.Tests.Storage;

/// <summary>
/// Tag and metadata updates append records to a version file until they reach their limit; then the update
/// commits a fresh version file, so the file stays small however often it changes, and stays crash-safe.
/// </summary>
public sealed partial class FileSystemObjectStoreTests
{
    [Test]
    public async Task UpdateObjectInfo_AThousandTimes_KeepsTheVersionFileSmall_AndAReopenKeepsTheLastTagsAndTheContent()
    {
        var content = Payload(5000, seed: 1);
        await PutAsync("key", content);
        await using var pinned = await Store.OpenObjectAsync(BucketName, "key", Ct);
        var largest = 0L;

        for (var i = 1; i <= 1000; i++)
        {
            var tags = new KeyValuePair<string, string>[] { new("update", i.ToString("D4", CultureInfo.InvariantCulture)), new("padding", new string('p', 200)) };
            await Store.UpdateObjectInfoAsync(BucketName, "key", info => info with { Tags = tags }, Ct);
            largest = Math.Max(largest, new FileInfo(VersionFilesOf("key").Single()).Length);
        }

        // Each update adds a record of some 700 bytes: without rewrites the file would pass 700 KB.
        Assert.That(largest, Is.LessThan(VersionFile.HeaderSize + content.Length + 16 * 1024 + 1024));
        Store = Reopen(Store);
        Assert.That((await Store.GetObjectInfoAsync(BucketName, "key", Ct))?.Tags?[0].Value, Is.EqualTo("1000"));
        Assert.That(await ReadAsync("key"), Is.EqualTo(content));
        Assert.That(await ReadAllAsync(pinned!.OpenRead(ByteRange.Whole(content.Length))), Is.EqualTo(content), "a reader of the first file reads it whole");
        AssertNoStrayFiles(contentFiles: 1);
    }

    [Test]
    public async Task UpdateObjectInfo_ThatRewritesTheVersion_LeavesBeforeItsUnlinkTwoWholeVersions_OfWhichAReopenLoadsTheNewTags()
    {
        Store = OpenWithFailingUnlinks();
        var content = Payload(70_000, seed: 1);
        await PutAsync("key", content);
        var first = VersionFilesOf("key").Single();
        _unlinksFail = true;
        var updates = 0;
        while (VersionFilesOf("key").Length == 1 && updates < 1000)
        {
            var tag = new KeyValuePair<string, string>("update", (++updates).ToString(CultureInfo.InvariantCulture));
            await Store.UpdateObjectInfoAsync(BucketName, "key", info => info with { Tags = [tag] }, Ct);
        }

        Assert.That(updates, Is.GreaterThan(10), "records are appended until they reach their limit");
        Assert.That(VersionFilesOf("key"), Has.Length.EqualTo(2).And.Contains(first), "the state a crash before the unlink leaves");
        _unlinksFail = false;
        Store = Reopen(Store);

        Assert.That((await Store.GetObjectInfoAsync(BucketName, "key", Ct))?.Tags?.Single().Value, Is.EqualTo(updates.ToString(CultureInfo.InvariantCulture)));
        Assert.That(await ReadAsync("key"), Is.EqualTo(content));
        Assert.That(VersionFilesOf("key"), Has.Length.EqualTo(1).And.Not.Contains(first));
    }
}
