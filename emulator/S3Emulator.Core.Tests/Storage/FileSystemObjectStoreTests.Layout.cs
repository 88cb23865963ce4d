using System.Text;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Core.Storage.FileSystem;

namespace S3Emulator.Core.Tests.Storage;

/// <summary>
/// The on-disk layout: a directory written before object version files existed still loads and takes writes,
/// and what a crash can leave between a commit's steps loads as the last commit.
/// </summary>
public sealed partial class FileSystemObjectStoreTests
{
    private const string LegacyBucket = "legacy";

    private string ObjectsDirectory(string bucket = BucketName) =>
        Path.Combine(Root, "buckets", FileSystemLayout.Hash(bucket), "objects");

    private string[] VersionFilesOf(string key, string bucket = BucketName) =>
        Directory.GetFiles(ObjectsDirectory(bucket), FileSystemLayout.Hash(key) + "-*" + FileSystemLayout.VersionExtension);

    /// <summary>Copies the committed fixture (written by the store of format 1: JSON records beside .bin content) to the root.</summary>
    private IObjectStore OpenLegacyFixture(Func<IObjectStore>? open = null)
    {
        var fixture = Path.Combine(TestContext.CurrentContext.TestDirectory, "Storage", "TestData", "LegacyStore");
        foreach (var file in Directory.GetFiles(fixture, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return open?.Invoke() ?? new FileSystemObjectStore(Root);
    }

    private async Task<string> ReadTextAsync(string key, string bucket) => Encoding.UTF8.GetString(await ReadAsync(key, bucket));

    [Test]
    public async Task ADirectoryWrittenBeforeVersionFiles_LoadsEveryBucketObjectAndUpload()
    {
        Store = OpenLegacyFixture();

        var rich = await Store.GetObjectInfoAsync(LegacyBucket, "dir/rich", Ct);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await Store.ListBucketsAsync(Ct)).Select(b => b.Name), Is.EquivalentTo(new[] { BucketName, "empty", LegacyBucket }));
            Assert.That(await ListKeysAsync(bucket: LegacyBucket), Is.EqualTo(new[] { "dir/rich", "overwritten", "plain.txt", "to-delete" }));
            Assert.That(await ReadTextAsync("plain.txt", LegacyBucket), Is.EqualTo("hello legacy"));
            Assert.That(await ReadTextAsync("overwritten", LegacyBucket), Is.EqualTo("second version"));
            Assert.That(rich?.UserMetadata["owner"], Is.EqualTo("Zoë"));
            Assert.That(rich?.Tags, Is.EqualTo(new[] { new KeyValuePair<string, string>("a", "1") }));
            Assert.That((await Store.ListPartsAsync(LegacyBucket, "upload-1", Ct)).Select(p => p.Size), Is.EqualTo(new[] { 9L, 8L }));
        }
    }

    [Test]
    public async Task ADirectoryWrittenBeforeVersionFiles_TakesOverwritesUpdatesDeletesAndCompletions_AcrossARestart()
    {
        Store = OpenLegacyFixture();
        var legacyRecords = Directory.GetFiles(ObjectsDirectory(LegacyBucket), "*.json");

        await PutAsync("plain.txt", Encoding.UTF8.GetBytes("hello version file"), LegacyBucket);
        await Store.UpdateObjectInfoAsync(LegacyBucket, "dir/rich", i => i with { Tags = [new("b", "2")] }, Ct);
        Assert.That(await Store.DeleteObjectAsync(LegacyBucket, "to-delete", Ct), Is.True);
        await Store.CompleteMultipartUploadAsync(
            LegacyBucket, "upload-1", [1, 2],
            new ObjectInfo { Bucket = LegacyBucket, Key = "mp", Size = 17, ETag = "mp-etag", LastModified = Now }, Ct);
        await PutAsync("new", [7], "empty");

        Store = Reopen(Store);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await ListKeysAsync(bucket: LegacyBucket), Is.EqualTo(new[] { "dir/rich", "mp", "overwritten", "plain.txt" }));
            Assert.That(await ReadTextAsync("plain.txt", LegacyBucket), Is.EqualTo("hello version file"));
            Assert.That(await ReadTextAsync("dir/rich", LegacyBucket), Is.EqualTo("rich content"));
            Assert.That((await Store.GetObjectInfoAsync(LegacyBucket, "dir/rich", Ct))?.Tags, Is.EqualTo(new[] { new KeyValuePair<string, string>("b", "2") }));
            Assert.That(await ReadTextAsync("mp", LegacyBucket), Is.EqualTo("part one part two"));
            Assert.That(await ReadAsync("new", "empty"), Is.EqualTo(new byte[] { 7 }));
            Assert.That(await Store.ListMultipartUploadsAsync(LegacyBucket, Ct), Is.Empty);

            // Two objects kept their old record and content; the overwritten, deleted and completed ones left nothing behind.
            Assert.That(Directory.GetFiles(ObjectsDirectory(LegacyBucket), "*.json"), Has.Length.EqualTo(2).And.SubsetOf(legacyRecords));
            AssertNoStrayFiles(contentFiles: 2 + 2 + 1);
        }
    }

    [Test]
    public async Task AnObjectWrittenBeforeVersionFiles_CanBeCopiedTaggedAndDeleted_AndAReopenKeepsExactlyThat()
    {
        Store = OpenLegacyFixture();
        var rich = await Store.GetObjectInfoAsync(LegacyBucket, "dir/rich", Ct);
        await using (var source = await Store.OpenObjectAsync(LegacyBucket, "dir/rich", Ct))
        {
            await using var content = source!.OpenRead(ByteRange.Whole(source.Info.Size));
            await Store.PutObjectAsync(LegacyBucket, "copy", content, size => rich! with { Key = "copy", Size = size }, Ct);
        }

        await Store.UpdateObjectInfoAsync(LegacyBucket, "dir/rich", i => i with { Tags = [new("t", "1")] }, Ct);
        await Store.UpdateObjectInfoAsync(LegacyBucket, "dir/rich", i => i with { Tags = [new("t", "2")] }, Ct);
        await Store.UpdateObjectInfoAsync(LegacyBucket, "plain.txt", i => i with { Tags = [new("gone", "soon")] }, Ct);
        Assert.That(await Store.DeleteObjectAsync(LegacyBucket, "plain.txt", Ct), Is.True);

        Store = Reopen(Store);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await ListKeysAsync(bucket: LegacyBucket), Is.EqualTo(new[] { "copy", "dir/rich", "overwritten", "to-delete" }));
            Assert.That(await ReadTextAsync("copy", LegacyBucket), Is.EqualTo("rich content"));
            Assert.That((await Store.GetObjectInfoAsync(LegacyBucket, "copy", Ct))?.UserMetadata["owner"], Is.EqualTo("Zo\u00eb"));
            Assert.That(await ReadTextAsync("dir/rich", LegacyBucket), Is.EqualTo("rich content"));
            Assert.That((await Store.GetObjectInfoAsync(LegacyBucket, "dir/rich", Ct))?.Tags, Is.EqualTo(new[] { new KeyValuePair<string, string>("t", "2") }));
            Assert.That(await Store.GetObjectInfoAsync(LegacyBucket, "plain.txt", Ct), Is.Null);

            // The updated and the copied objects keep their record and content; the deleted one left nothing.
            Assert.That(Directory.GetFiles(ObjectsDirectory(LegacyBucket), "*.json"), Has.Length.EqualTo(3));
            AssertNoStrayFiles(contentFiles: 3 + 1 + 2);
        }
    }

    [Test]
    public async Task Overwrite_LeavesOneVersionFile_AndReadersOfTheReplacedVersionReadItWhole()
    {
        var first = Payload(200_000, seed: 1);
        await PutAsync("key", first);
        await using var pinned = await Store.OpenObjectAsync(BucketName, "key", Ct);

        await PutAsync("key", Payload(10, seed: 2));
        await Store.DeleteObjectAsync(BucketName, "key", Ct);
        await PutAsync("key", Payload(20, seed: 3));

        Assert.That(VersionFilesOf("key"), Has.Length.EqualTo(1));
        Assert.That(await ReadAllAsync(pinned!.OpenRead(ByteRange.Whole(first.Length))), Is.EqualTo(first));
    }

    [Test]
    public async Task Reopen_AfterACrashBetweenACommitAndTheUnlinkOfTheVersionItReplaced_LoadsTheLaterVersion()
    {
        await PutAsync("key", Payload(100, seed: 1));
        var older = VersionFilesOf("key").Single();
        var kept = older + ".kept";
        File.Copy(older, kept);
        var later = Payload(50, seed: 2);
        await PutAsync("key", later);
        File.Move(kept, older);
        Assert.That(VersionFilesOf("key"), Has.Length.EqualTo(2), "the state a crash before the unlink leaves");

        Store = Reopen(Store);

        Assert.That(await ReadAsync("key"), Is.EqualTo(later));
        Assert.That(VersionFilesOf("key"), Has.Length.EqualTo(1));
        await PutAsync("key", Payload(10, seed: 3));
        Store = Reopen(Store);
        Assert.That(await ReadAsync("key"), Is.EqualTo(Payload(10, seed: 3)), "sequence numbers continue after the highest on disk");
    }

    [Test]
    public async Task Reopen_WithAVersionFileAndAnOlderRecordForOneKey_LoadsTheVersionFile_AndSweepsTheRecordAndItsContent()
    {
        Store = OpenLegacyFixture();
        var record = Path.Combine(ObjectsDirectory(LegacyBucket), FileSystemLayout.Hash("plain.txt") + FileSystemLayout.RecordExtension);
        var kept = record + ".kept";
        File.Copy(record, kept);
        await PutAsync("plain.txt", Encoding.UTF8.GetBytes("newer"), LegacyBucket);
        File.Move(kept, record);

        Store = Reopen(Store);

        Assert.That(await ReadTextAsync("plain.txt", LegacyBucket), Is.EqualTo("newer"));
        Assert.That(File.Exists(record), Is.False);
        AssertNoStrayFiles(contentFiles: 3 + 2 + 1);
    }

    [Test]
    public async Task UpdateObjectInfo_AppendsARecord_AndARecordCutShortByPowerLossFallsBackToTheOneBefore()
    {
        var content = Payload(5000, seed: 1);
        await PutAsync("key", content);
        await Store.UpdateObjectInfoAsync(BucketName, "key", i => i with { Tags = [new("v", "1")] }, Ct);
        await Store.UpdateObjectInfoAsync(BucketName, "key", i => i with { Tags = [new("v", "2")] }, Ct);
        var file = VersionFilesOf("key").Single();
        var whole = new FileInfo(file).Length;
        using (var stream = File.Open(file, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.SetLength(whole - 10);
        }

        Store = Reopen(Store);

        Assert.That((await Store.GetObjectInfoAsync(BucketName, "key", Ct))?.Tags, Is.EqualTo(new[] { new KeyValuePair<string, string>("v", "1") }));
        Assert.That(await ReadAsync("key"), Is.EqualTo(content));
        await Store.UpdateObjectInfoAsync(BucketName, "key", i => i with { Tags = [new("v", "3")] }, Ct);
        Store = Reopen(Store);
        Assert.That((await Store.GetObjectInfoAsync(BucketName, "key", Ct))?.Tags, Is.EqualTo(new[] { new KeyValuePair<string, string>("v", "3") }));
    }
}
