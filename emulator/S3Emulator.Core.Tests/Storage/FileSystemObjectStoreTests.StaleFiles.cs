using System.Text;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Core.Storage.FileSystem;

namespace S3Emulator.Core.Tests.Storage;

/// <summary>
/// Stale files of a key (a replaced version or old-style record the store could not unlink, or one a crash left
/// between a commit's rename and its unlink) never bring a deleted key back at the next start.
/// </summary>
public sealed partial class FileSystemObjectStoreTests
{
    private bool _unlinksFail;

    /// <summary>A store whose unlinks of version files, tombstones and records fail while <see cref="_unlinksFail"/> is set.</summary>
    private FileSystemObjectStore OpenWithFailingUnlinks() =>
        new(Root, path => !_unlinksFail && StoreFiles.TryDelete(path));

    private string[] FilesOfKey(string key, string bucket = BucketName) =>
        Directory.GetFiles(ObjectsDirectory(bucket), FileSystemLayout.Hash(key) + "*");

    private string[] TombstonesOf(string key, string bucket = BucketName) =>
        Directory.GetFiles(ObjectsDirectory(bucket), FileSystemLayout.Hash(key) + "-*" + FileSystemLayout.TombstoneExtension);

    [Test]
    public async Task Delete_AfterAnOverwriteFailedToUnlinkTheVersionItReplaced_UnlinksBoth_AndTheKeyStaysDeletedAfterARestart()
    {
        Store = OpenWithFailingUnlinks();
        await PutAsync("key", Payload(100, seed: 1));
        _unlinksFail = true;
        await PutAsync("key", Payload(50, seed: 2));
        Assert.That(VersionFilesOf("key"), Has.Length.EqualTo(2), "the replaced version stayed on disk");
        _unlinksFail = false;

        Assert.That(await Store.DeleteObjectAsync(BucketName, "key", Ct), Is.True);
        Assert.That(FilesOfKey("key"), Is.Empty, "the delete took the stale version too");

        Store = Reopen(Store);

        Assert.That(await Store.GetObjectInfoAsync(BucketName, "key", Ct), Is.Null);
        Assert.That(await ListKeysAsync(), Is.Empty);
    }

    [Test]
    public async Task Delete_WhileStaleVersionsStillCannotBeUnlinked_LeavesATombstoneAboveThem_SoARestartFindsTheKeyDeleted()
    {
        Store = OpenWithFailingUnlinks();
        await PutAsync("key", Payload(100, seed: 1));
        _unlinksFail = true;
        await PutAsync("key", Payload(50, seed: 2));

        Assert.That(await Store.DeleteObjectAsync(BucketName, "key", Ct), Is.True);
        Assert.That(await Store.GetObjectInfoAsync(BucketName, "key", Ct), Is.Null);
        Assert.That(VersionFilesOf("key"), Has.Length.EqualTo(2), "neither version could be unlinked");
        Assert.That(TombstonesOf("key"), Has.Length.EqualTo(1));

        Store = new FileSystemObjectStore(Root);

        Assert.That(await Store.GetObjectInfoAsync(BucketName, "key", Ct), Is.Null);
        Assert.That(await ListKeysAsync(), Is.Empty);
        Assert.That(FilesOfKey("key"), Is.Empty, "a start that can unlink them sweeps the versions and then the tombstone");
    }

    [Test]
    public async Task Delete_AfterAStartCouldNotUnlinkTheOlderVersionACrashLeft_UnlinksIt_AndTheKeyStaysDeleted()
    {
        await PutAsync("key", Payload(100, seed: 1));
        var older = VersionFilesOf("key").Single();
        File.Copy(older, older + ".kept");
        var later = Payload(50, seed: 2);
        await PutAsync("key", later);
        File.Move(older + ".kept", older);
        _unlinksFail = true;

        Store = OpenWithFailingUnlinks();

        Assert.That(await ReadAsync("key"), Is.EqualTo(later));
        Assert.That(VersionFilesOf("key"), Has.Length.EqualTo(2), "the start could not unlink the older version");
        _unlinksFail = false;
        Assert.That(await Store.DeleteObjectAsync(BucketName, "key", Ct), Is.True);
        Assert.That(FilesOfKey("key"), Is.Empty);
        Store = Reopen(Store);
        Assert.That(await Store.GetObjectInfoAsync(BucketName, "key", Ct), Is.Null);
    }

    [Test]
    public async Task Restarts_WhileNoStaleFileCanBeUnlinked_LoadTheLatestPutOrDelete_AndOnceUnlinksWorkNothingOfTheKeyRemains()
    {
        Store = OpenWithFailingUnlinks();
        await PutAsync("key", Payload(100, seed: 1));
        _unlinksFail = true;
        await PutAsync("key", Payload(50, seed: 2));
        await Store.DeleteObjectAsync(BucketName, "key", Ct);
        var third = Payload(30, seed: 3);
        await PutAsync("key", third);

        Store = OpenWithFailingUnlinks();
        Assert.That(await ReadAsync("key"), Is.EqualTo(third), "a put outranks the tombstone before it");

        Assert.That(await Store.DeleteObjectAsync(BucketName, "key", Ct), Is.True);
        Store = OpenWithFailingUnlinks();
        Assert.That(await Store.GetObjectInfoAsync(BucketName, "key", Ct), Is.Null, "a tombstone outranks every version below it");
        Assert.That(await ListKeysAsync(), Is.Empty);
        Assert.That(TombstonesOf("key"), Has.Length.EqualTo(2));

        _unlinksFail = false;
        Store = OpenWithFailingUnlinks();
        Assert.That(await Store.GetObjectInfoAsync(BucketName, "key", Ct), Is.Null);
        Assert.That(FilesOfKey("key"), Is.Empty);
        await PutAsync("key", [4]);
        Store = Reopen(Store);
        Assert.That(await ReadAsync("key"), Is.EqualTo(new byte[] { 4 }), "sequence numbers continue above the tombstones");
    }

    [Test]
    public async Task Delete_WhenTheObjectsFileCannotBeUnlinked_StillDeletes_AndTheNextPutOfTheKeyTakesTheStaleFilesAlong()
    {
        Store = OpenWithFailingUnlinks();
        await PutAsync("key", Payload(100, seed: 1));
        _unlinksFail = true;
        Assert.That(await Store.DeleteObjectAsync(BucketName, "key", Ct), Is.True);
        Assert.That(await Store.GetObjectInfoAsync(BucketName, "key", Ct), Is.Null);
        _unlinksFail = false;

        await PutAsync("key", [5]);

        Assert.That(FilesOfKey("key"), Has.Length.EqualTo(1), "only the new version");
        Store = Reopen(Store);
        Assert.That(await ReadAsync("key"), Is.EqualTo(new byte[] { 5 }));
    }

    [Test]
    public async Task OldStyleRecordsThatCannotBeUnlinked_DoNotBringAnOverwrittenAndDeletedObjectBack()
    {
        Store = OpenLegacyFixture(OpenWithFailingUnlinks);
        _unlinksFail = true;
        await PutAsync("plain.txt", Encoding.UTF8.GetBytes("newer"), LegacyBucket);
        await PutAsync("dir/rich", Encoding.UTF8.GetBytes("newer"), LegacyBucket);
        Assert.That(Directory.GetFiles(ObjectsDirectory(LegacyBucket), "*.json"), Has.Length.EqualTo(4), "no record could be unlinked");
        await Store.DeleteObjectAsync(LegacyBucket, "dir/rich", Ct);
        await Store.DeleteObjectAsync(LegacyBucket, "to-delete", Ct);
        _unlinksFail = false;
        Assert.That(await Store.DeleteObjectAsync(LegacyBucket, "plain.txt", Ct), Is.True);

        Store = Reopen(Store);

        Assert.That(await ListKeysAsync(bucket: LegacyBucket), Is.EqualTo(new[] { "overwritten" }));
        Assert.That(Directory.GetFiles(ObjectsDirectory(LegacyBucket)), Has.Length.EqualTo(1), "the one record left");
    }
}
