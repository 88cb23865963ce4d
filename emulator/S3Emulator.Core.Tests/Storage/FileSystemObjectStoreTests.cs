using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Core.Storage.FileSystem;

namespace S3Emulator.Core.Tests.Storage;

[TestFixture]
public sealed partial class FileSystemObjectStoreTests : ObjectStoreContractTests
{
    private string? _root;

    private string Root => _root ??= Directory.CreateTempSubdirectory("s3emu-store-").FullName;

    protected override IObjectStore CreateStore() => new FileSystemObjectStore(Root);

    protected override IObjectStore Reopen(IObjectStore store) => new FileSystemObjectStore(Root);

    protected override void AssertNoStrayFiles(int contentFiles)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Directory.GetFiles(Path.Combine(Root, "tmp")), Is.Empty, "temp files");
            Assert.That(ContentFiles(), Has.Length.EqualTo(contentFiles), "content files");
        }
    }

    [TearDown]
    public void DeleteRoot()
    {
        if (_root is not null && Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        _root = null;
    }

    /// <summary>Every file holding content: object version files and separate content files (parts, older objects).</summary>
    private string[] ContentFiles() =>
    [
        .. Directory.GetFiles(Root, "*" + FileSystemLayout.ContentExtension, SearchOption.AllDirectories),
        .. Directory.GetFiles(Root, "*" + FileSystemLayout.VersionExtension, SearchOption.AllDirectories),
    ];

    [Test]
    public async Task Reopen_KeepsBucketsAndFullObjectRecords()
    {
        await Store.TryCreateBucketAsync(Bucket("second") with { Region = "eu-central-1" }, Ct);
        var content = Payload(1234, seed: 1);
        var rich = Record("dir/file.txt", content.Length, Md5Hex(content)) with
        {
            LastModified = new DateTimeOffset(2024, 2, 29, 23, 59, 59, 123, TimeSpan.Zero).AddTicks(4567),
            ContentHeaders = new HttpContentHeaders("text/plain; charset=utf-8", "gzip", "attachment; filename=\"a b.txt\"", "en-GB", "max-age=60", "Thu, 01 Dec 1994 16:00:00 GMT"),
            UserMetadata = new Dictionary<string, string> { ["owner"] = "Zoë", ["empty"] = "" },
            Tags = [new("b", "2"), new("a", "1")],
            Checksum = new StoredChecksum(ChecksumAlgorithm.Crc64Nvme, "AAAAAAAAAAA=", ChecksumType.FullObject),
            Parts = [new ObjectPart(1, 1000, "etag1", "c1"), new ObjectPart(2, 234, "etag2", null)],
            StorageClass = "STANDARD_IA",
            OwnerAccountId = "111122223333",
        };
        await Store.PutObjectAsync(BucketName, rich.Key, new MemoryStream(content), _ => rich, Ct);

        var reopened = Reopen(Store);

        Assert.That(await reopened.ListBucketsAsync(Ct), Is.EqualTo(new[] { Bucket(BucketName), Bucket("second") with { Region = "eu-central-1" } }));
        AssertSameRecord(await reopened.GetObjectInfoAsync(BucketName, rich.Key, Ct), rich);
        Store = reopened;
        Assert.That(await ReadAsync(rich.Key), Is.EqualTo(content));
    }

    [Test]
    public async Task Reopen_KeepsUploadsInProgressWithTheirParts_WhichCanThenBeCompleted()
    {
        await Store.CreateMultipartUploadAsync(Upload("upload-1", "key"), Ct);
        await Store.CreateMultipartUploadAsync(Upload("upload-2", "other"), Ct);
        var parts = new[] { Payload(70_000, 1), Payload(10, 2) };
        await PutPartAsync("upload-1", 1, parts[0]);
        await PutPartAsync("upload-1", 2, parts[1]);

        Store = Reopen(Store);

        Assert.That((await Store.ListMultipartUploadsAsync(BucketName, Ct)).Select(u => u.UploadId), Is.EqualTo(new[] { "upload-1", "upload-2" }));
        Assert.That(await Store.ListPartsAsync(BucketName, "upload-1", Ct), Is.EqualTo(new[] { Part(1, parts[0]), Part(2, parts[1]) }));
        await Store.CompleteMultipartUploadAsync(BucketName, "upload-1", [1, 2], Completed("key", parts), Ct);
        Assert.That(await ReadAsync("key"), Is.EqualTo(parts[0].Concat(parts[1]).ToArray()));
    }

    [Test]
    public async Task Reopen_SweepsTempFilesAndContentNoRecordNames()
    {
        await PutAsync("key", [1, 2, 3]);
        var bucketDirectory = Directory.GetDirectories(Path.Combine(Root, "buckets")).Single();
        await File.WriteAllTextAsync(Path.Combine(Root, "tmp", "interrupted.tmp"), "half a body", Ct);
        await File.WriteAllTextAsync(Path.Combine(bucketDirectory, "content", "orphan.bin"), "never committed", Ct);
        Directory.CreateDirectory(Path.Combine(bucketDirectory, "uploads", "aborted-upload"));
        Directory.CreateDirectory(Path.Combine(Root, "buckets", "deleted-bucket", "content"));

        Store = Reopen(Store);

        AssertNoStrayFiles(contentFiles: 1);
        Assert.That(Directory.GetDirectories(Path.Combine(bucketDirectory, "uploads")), Is.Empty);
        Assert.That(Directory.GetDirectories(Path.Combine(Root, "buckets")), Is.EqualTo(new[] { bucketDirectory }));
        Assert.That(await ReadAsync("key"), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public async Task Reopen_WithARecordFromANewerFormat_RefusesToStart()
    {
        await PutAsync("key", [1]);
        var version = ContentFiles().Single();
        var bytes = await File.ReadAllBytesAsync(version, Ct);
        var at = bytes.AsSpan().IndexOf("\"formatVersion\":1"u8);
        Assert.That(at, Is.GreaterThan(0), "the version file holds its record");
        bytes[at + "\"formatVersion\":".Length] = (byte)'9';
        await File.WriteAllBytesAsync(version, bytes, Ct);

        // Refusing beats sweeping the content of a record this build cannot read.
        Assert.Throws<InvalidDataException>(() => Reopen(Store));
        Assert.That(ContentFiles(), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Reopen_ABucketRecordWrittenBeforePoliciesExisted_LoadsWithNoPolicyBlockOrOwnership()
    {
        // The shape a build before bucket policies wrote: no policy, publicAccessBlock or objectOwnership members.
        await File.WriteAllTextAsync(
            Path.Combine(Root, "buckets", FileSystemLayout.Hash(BucketName), FileSystemLayout.BucketRecordName),
            """{"formatVersion":1,"bucket":{"name":"bucket","region":"eu-west-1","ownerAccountId":"111122223333","creationDate":"2025-01-02T03:04:05+00:00","encryption":{"sseAlgorithm":"AES256","bucketKeyEnabled":false,"blockedEncryptionTypes":[]}}}""",
            Ct);

        var bucket = await Reopen(Store).GetBucketAsync(BucketName, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bucket?.Region, Is.EqualTo("eu-west-1"));
            Assert.That(bucket?.Encryption?.SseAlgorithm, Is.EqualTo(BucketEncryption.SseS3));
            Assert.That(bucket?.Policy, Is.Null);
            Assert.That(bucket?.PublicAccessBlock, Is.Null);
            Assert.That(bucket?.ObjectOwnership, Is.Null);
        }
    }

    [Test]
    public async Task PutObject_WithAKeyThatLooksLikeAPath_WritesOnlyInsideTheRoot()
    {
        var outside = Path.GetFullPath(Path.Combine(Root, "..", "escaped-" + Path.GetFileName(Root)));

        await PutAsync("../../" + Path.GetFileName(outside), [1]);
        await PutAsync("/" + outside, [1]);

        Assert.That(File.Exists(outside), Is.False);
        Assert.That(Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Select(Path.GetFileName),
            Has.None.Contains("escaped"));
    }
}
