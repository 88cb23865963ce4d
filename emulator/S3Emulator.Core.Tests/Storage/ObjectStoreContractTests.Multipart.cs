using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;

namespace S3Emulator.Core.Tests.Storage;

public abstract partial class ObjectStoreContractTests
{
    protected static MultipartUpload Upload(string uploadId, string key, DateTimeOffset? initiated = null) =>
        new(uploadId, BucketName, key, initiated ?? Now,
            Record(key, 0, "") with { ContentHeaders = new HttpContentHeaders(ContentType: "text/plain") },
            ChecksumAlgorithm.Crc32C, ChecksumType.Composite);

    protected static PartInfo Part(int partNumber, byte[] content) =>
        new(partNumber, content.Length, Md5Hex(content), Now, ChecksumValue: $"crc-{partNumber}");

    protected async Task<PartInfo?> PutPartAsync(string uploadId, int partNumber, byte[] content) =>
        await Store.PutPartAsync(BucketName, uploadId, partNumber, new MemoryStream(content), _ => Part(partNumber, content), Ct);

    protected static ObjectInfo Completed(string key, params byte[][] parts) =>
        Record(key, parts.Sum(p => p.Length), $"md5s-{parts.Length}") with
        {
            Parts = [.. parts.Select((p, i) => new ObjectPart(i + 1, p.Length, Md5Hex(p), $"crc-{i + 1}"))],
            Checksum = new StoredChecksum(ChecksumAlgorithm.Crc32C, $"AAAAAA==-{parts.Length}", ChecksumType.Composite),
        };

    [Test]
    public async Task CreateMultipartUpload_ThenGet_ReturnsTheUpload()
    {
        var upload = Upload("upload-1", "dir/key");

        await Store.CreateMultipartUploadAsync(upload, Ct);

        Store = Reopen(Store);
        var stored = await Store.GetMultipartUploadAsync(BucketName, "upload-1", Ct);
        Assert.That(stored! with { Template = upload.Template }, Is.EqualTo(upload));
        AssertSameRecord(stored.Template, upload.Template);
    }

    [Test]
    public async Task CreateMultipartUpload_WhenBucketMissing_ThrowsNoSuchBucket()
    {
        var exception = await Assert.CatchAsync(async () =>
            await Store.CreateMultipartUploadAsync(Upload("upload-1", "key") with { Bucket = "missing" }, Ct));

        AssertS3Error(exception, S3Errors.NoSuchBucket);
    }

    [Test]
    public async Task GetMultipartUpload_FromAnotherBucketOrUnknownId_ReturnsNull()
    {
        await Store.TryCreateBucketAsync(Bucket("other"), Ct);
        await Store.CreateMultipartUploadAsync(Upload("upload-1", "key"), Ct);

        Assert.That(await Store.GetMultipartUploadAsync("other", "upload-1", Ct), Is.Null);
        Assert.That(await Store.GetMultipartUploadAsync(BucketName, "upload-2", Ct), Is.Null);
    }

    [Test]
    public async Task ListMultipartUploads_OrdersByKeyThenInitiation()
    {
        await Store.CreateMultipartUploadAsync(Upload("u1", "b", Now.AddMinutes(2)), Ct);
        await Store.CreateMultipartUploadAsync(Upload("u2", "a", Now.AddMinutes(5)), Ct);
        await Store.CreateMultipartUploadAsync(Upload("u3", "b", Now.AddMinutes(1)), Ct);
        await Store.CreateMultipartUploadAsync(Upload("u4", Emoji, Now), Ct);
        await Store.CreateMultipartUploadAsync(Upload("u5", "\uFFFD", Now), Ct);

        Store = Reopen(Store);
        var ids = (await Store.ListMultipartUploadsAsync(BucketName, Ct)).Select(u => u.UploadId);

        Assert.That(ids, Is.EqualTo(new[] { "u2", "u3", "u1", "u5", "u4" }));
    }

    [Test]
    public async Task PutPart_ThenListParts_ReturnsThePartsByNumber()
    {
        await Store.CreateMultipartUploadAsync(Upload("upload-1", "key"), Ct);
        var parts = new[] { Payload(300, 1), Payload(100, 2), Payload(200, 3) };

        foreach (var number in new[] { 3, 1, 2 }) await PutPartAsync("upload-1", number, parts[number - 1]);

        Store = Reopen(Store);
        var listed = await Store.ListPartsAsync(BucketName, "upload-1", Ct);
        Assert.That(listed, Is.EqualTo(new[] { Part(1, parts[0]), Part(2, parts[1]), Part(3, parts[2]) }));
    }

    [Test]
    public async Task PutPart_WithTheSameNumber_ReplacesThePart()
    {
        await Store.CreateMultipartUploadAsync(Upload("upload-1", "key"), Ct);
        await PutPartAsync("upload-1", 1, Payload(100, 1));
        var replacement = Payload(50, 2);

        var part = await PutPartAsync("upload-1", 1, replacement);

        AssertNoStrayFiles(contentFiles: 1);
        Store = Reopen(Store);
        Assert.That(part, Is.EqualTo(Part(1, replacement)));
        Assert.That(await Store.ListPartsAsync(BucketName, "upload-1", Ct), Is.EqualTo(new[] { Part(1, replacement) }));
    }

    [Test]
    public async Task PutPart_WhenTheUploadIsMissing_ReturnsNull()
    {
        Assert.That(await PutPartAsync("missing", 1, [1, 2]), Is.Null);
        AssertNoStrayFiles(contentFiles: 0);
    }

    [Test]
    public async Task PutPart_WhenContentStreamThrows_KeepsThePreviousPart()
    {
        await Store.CreateMultipartUploadAsync(Upload("upload-1", "key"), Ct);
        var previous = Payload(100, 1);
        await PutPartAsync("upload-1", 1, previous);

        await Assert.ThrowsAsync<IOException>(async () => await Store.PutPartAsync(
            BucketName, "upload-1", 1, new FailingStream(Payload(100_000, 2)), size => Part(1, []), Ct));

        Assert.That(await Store.ListPartsAsync(BucketName, "upload-1", Ct), Is.EqualTo(new[] { Part(1, previous) }));
        AssertNoStrayFiles(contentFiles: 1);
    }

    [Test]
    public async Task ListParts_WhenTheUploadIsMissing_ThrowsNoSuchUpload()
    {
        var exception = await Assert.CatchAsync(async () => await Store.ListPartsAsync(BucketName, "missing", Ct));

        AssertS3Error(exception, S3Errors.NoSuchUpload);
    }

    [Test]
    public async Task CompleteMultipartUpload_JoinsTheNamedPartsInTheGivenOrderAndEndsTheUpload()
    {
        await Store.CreateMultipartUploadAsync(Upload("upload-1", "key"), Ct);
        var parts = new[] { Payload(70_000, 1), Payload(1000, 2), Payload(65_536, 3) };
        foreach (var number in new[] { 2, 3, 1 }) await PutPartAsync("upload-1", number, parts[number - 1]);
        var final = Completed("key", parts[0], parts[2]);

        var completed = await Store.CompleteMultipartUploadAsync(BucketName, "upload-1", [1, 3], final, Ct);

        AssertNoStrayFiles(contentFiles: 1);
        Store = Reopen(Store);
        AssertSameRecord(completed, final);
        AssertSameRecord(await Store.GetObjectInfoAsync(BucketName, "key", Ct), final);
        Assert.That(await ReadAsync("key"), Is.EqualTo(parts[0].Concat(parts[2]).ToArray()));
        Assert.That(await Store.GetMultipartUploadAsync(BucketName, "upload-1", Ct), Is.Null);
        Assert.That(await Store.ListMultipartUploadsAsync(BucketName, Ct), Is.Empty);
    }

    [Test]
    public async Task CompleteMultipartUpload_KeepsTheCompletedUploadIdOnTheObject_AcrossAReopen()
    {
        await Store.CreateMultipartUploadAsync(Upload("upload-1", "key"), Ct);
        var part = Payload(800, 1);
        await PutPartAsync("upload-1", 1, part);
        var final = Completed("key", part) with { CompletedUploadId = "upload-1" };

        await Store.CompleteMultipartUploadAsync(BucketName, "upload-1", [1], final, Ct);

        Store = Reopen(Store);
        var stored = await Store.GetObjectInfoAsync(BucketName, "key", Ct);
        Assert.That(stored?.CompletedUploadId, Is.EqualTo("upload-1"));
        AssertSameRecord(stored, final);
    }

    [Test]
    public async Task PutObject_OverACompletedUpload_LeavesNoCompletedUploadId()
    {
        await Store.CreateMultipartUploadAsync(Upload("upload-1", "key"), Ct);
        var part = Payload(800, 1);
        await PutPartAsync("upload-1", 1, part);
        await Store.CompleteMultipartUploadAsync(BucketName, "upload-1", [1], Completed("key", part) with { CompletedUploadId = "upload-1" }, Ct);

        await PutAsync("key", Payload(10, 2));

        Store = Reopen(Store);
        Assert.That((await Store.GetObjectInfoAsync(BucketName, "key", Ct))?.CompletedUploadId, Is.Null);
    }

    [Test]
    public async Task CompleteMultipartUpload_OverAnExistingObject_ReplacesIt()
    {
        await PutAsync("key", Payload(500, 1));
        await Store.CreateMultipartUploadAsync(Upload("upload-1", "key"), Ct);
        var part = Payload(800, 2);
        await PutPartAsync("upload-1", 1, part);

        await Store.CompleteMultipartUploadAsync(BucketName, "upload-1", [1], Completed("key", part), Ct);

        Assert.That(await ReadAsync("key"), Is.EqualTo(part));
        AssertNoStrayFiles(contentFiles: 1);
    }

    [Test]
    public async Task CompleteMultipartUpload_WhileAReaderHoldsTheOldVersion_LeavesTheReaderAlone()
    {
        var old = Payload(100_000, 1);
        await PutAsync("key", old);
        await using var stored = await Store.OpenObjectAsync(BucketName, "key", Ct);
        await Store.CreateMultipartUploadAsync(Upload("upload-1", "key"), Ct);
        var part = Payload(800, 2);
        await PutPartAsync("upload-1", 1, part);

        await Store.CompleteMultipartUploadAsync(BucketName, "upload-1", [1], Completed("key", part), Ct);

        Assert.That(await ReadAllAsync(stored!.OpenRead(ByteRange.Whole(old.Length))), Is.EqualTo(old));
        Assert.That(await ReadAsync("key"), Is.EqualTo(part));
    }

    [Test]
    public async Task CompleteMultipartUpload_WhenTheUploadIsMissing_ThrowsNoSuchUpload()
    {
        var exception = await Assert.CatchAsync(async () =>
            await Store.CompleteMultipartUploadAsync(BucketName, "missing", [1], Completed("key", [1]), Ct));

        AssertS3Error(exception, S3Errors.NoSuchUpload);
    }

    [Test]
    public async Task CompleteMultipartUpload_NamingAPartNeverUploaded_ThrowsInvalidPartAndKeepsTheUpload()
    {
        await Store.CreateMultipartUploadAsync(Upload("upload-1", "key"), Ct);
        var part = Payload(100, 1);
        await PutPartAsync("upload-1", 1, part);

        var exception = await Assert.CatchAsync(async () =>
            await Store.CompleteMultipartUploadAsync(BucketName, "upload-1", [1, 2], Completed("key", part, part), Ct));

        AssertS3Error(exception, S3Errors.InvalidPart);
        Assert.That(await Store.GetObjectInfoAsync(BucketName, "key", Ct), Is.Null);
        Assert.That(await Store.ListPartsAsync(BucketName, "upload-1", Ct), Is.EqualTo(new[] { Part(1, part) }));
        AssertNoStrayFiles(contentFiles: 1);
    }

    [Test]
    public async Task CompleteMultipartUpload_Twice_ThrowsNoSuchUploadTheSecondTime()
    {
        await Store.CreateMultipartUploadAsync(Upload("upload-1", "key"), Ct);
        var part = Payload(100, 1);
        await PutPartAsync("upload-1", 1, part);
        await Store.CompleteMultipartUploadAsync(BucketName, "upload-1", [1], Completed("key", part), Ct);

        var exception = await Assert.CatchAsync(async () =>
            await Store.CompleteMultipartUploadAsync(BucketName, "upload-1", [1], Completed("key", part), Ct));

        AssertS3Error(exception, S3Errors.NoSuchUpload);
    }

    [Test]
    public async Task AbortMultipartUpload_RemovesTheUploadAndItsPartsOnce()
    {
        await Store.CreateMultipartUploadAsync(Upload("upload-1", "key"), Ct);
        await PutPartAsync("upload-1", 1, Payload(100, 1));
        await PutPartAsync("upload-1", 2, Payload(100, 2));

        Assert.That(await Store.AbortMultipartUploadAsync(BucketName, "upload-1", Ct), Is.True);
        Assert.That(await Store.AbortMultipartUploadAsync(BucketName, "upload-1", Ct), Is.False);

        AssertNoStrayFiles(contentFiles: 0);
        Store = Reopen(Store);
        Assert.That(await Store.GetMultipartUploadAsync(BucketName, "upload-1", Ct), Is.Null);
        Assert.That(await PutPartAsync("upload-1", 3, [1]), Is.Null);
        Assert.That(await Store.GetObjectInfoAsync(BucketName, "key", Ct), Is.Null);
    }
}
