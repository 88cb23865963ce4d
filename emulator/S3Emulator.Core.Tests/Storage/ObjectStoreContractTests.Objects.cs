using S3Emulator.Core.Model;

namespace S3Emulator.Core.Tests.Storage;

public abstract partial class ObjectStoreContractTests
{
    /// <summary>More than two 64 KiB segments, ending part-way through the last.</summary>
    private const int RangeObjectSize = 150_000;

    [Test]
    public async Task PutObject_ThenOpen_ReadsTheSameBytesAndRecord()
    {
        var content = Payload(RangeObjectSize, seed: 1);

        var returned = await PutAsync("key", content);

        Store = Reopen(Store);
        await using var stored = await Store.OpenObjectAsync(BucketName, "key", Ct);
        AssertSameRecord(stored!.Info, returned);
        AssertSameRecord(await Store.GetObjectInfoAsync(BucketName, "key", Ct), returned);
        Assert.That(await ReadAllAsync(stored.OpenRead(ByteRange.Whole(content.Length))), Is.EqualTo(content));
    }

    [Test]
    public async Task PutObject_PassesTheNumberOfBytesWrittenToDescribe()
    {
        long described = -1;

        var info = await Store.PutObjectAsync(
            BucketName, "key", new TrickleStream(Payload(70_001, 2)), size => Record("key", described = size, "etag"), Ct);

        Assert.That(described, Is.EqualTo(70_001));
        Assert.That(info.Size, Is.EqualTo(70_001));
    }

    [Test]
    public async Task PutObject_WithEmptyContent_StoresAnEmptyObject()
    {
        await PutAsync("empty", []);

        Store = Reopen(Store);
        Assert.That((await Store.GetObjectInfoAsync(BucketName, "empty", Ct))!.Size, Is.Zero);
        Assert.That(await ReadAsync("empty"), Is.Empty);
    }

    [Test]
    public async Task PutObject_OverAnExistingKey_ReplacesContentAndRecord()
    {
        await PutAsync("key", Payload(100_000, seed: 1));
        var second = Payload(10, seed: 2);

        var info = await PutAsync("key", second);

        AssertNoStrayFiles(contentFiles: 1);
        Store = Reopen(Store);
        AssertSameRecord(await Store.GetObjectInfoAsync(BucketName, "key", Ct), info);
        Assert.That(await ReadAsync("key"), Is.EqualTo(second));
        Assert.That(await ListKeysAsync(), Is.EqualTo(new[] { "key" }));
    }

    [Test]
    public async Task PutObject_WhenDescribeNamesAnotherKey_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Store.PutObjectAsync(
            BucketName, "key", new MemoryStream([1]), size => Record("other", size, "etag"), Ct));
    }

    [Test]
    public async Task GetObjectInfoAndOpenObject_ForMissingKeyOrBucket_ReturnNull()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Store.GetObjectInfoAsync(BucketName, "missing", Ct), Is.Null);
            Assert.That(await Store.OpenObjectAsync(BucketName, "missing", Ct), Is.Null);
            Assert.That(await Store.GetObjectInfoAsync("missing", "key", Ct), Is.Null);
            Assert.That(await Store.OpenObjectAsync("missing", "key", Ct), Is.Null);
        }
    }

    [Test]
    public async Task DeleteObject_RemovesTheObjectOnce()
    {
        await PutAsync("key", [1, 2]);

        Assert.That(await Store.DeleteObjectAsync(BucketName, "key", Ct), Is.True);
        Assert.That(await Store.DeleteObjectAsync(BucketName, "key", Ct), Is.False);

        AssertNoStrayFiles(contentFiles: 0);
        Store = Reopen(Store);
        Assert.That(await Store.GetObjectInfoAsync(BucketName, "key", Ct), Is.Null);
        Assert.That(await ListKeysAsync(), Is.Empty);
    }

    [Test]
    public async Task DeleteObject_WhenBucketMissing_ReturnsFalse() =>
        Assert.That(await Store.DeleteObjectAsync("missing", "key", Ct), Is.False);

    [TestCase(0, 0, TestName = "OpenRead_ForTheFirstByte_ReturnsIt")]
    [TestCase(70_000, 70_000, TestName = "OpenRead_ForAMiddleByte_ReturnsIt")]
    [TestCase(RangeObjectSize - 1, RangeObjectSize - 1, TestName = "OpenRead_ForTheLastByte_ReturnsIt")]
    [TestCase(65_530, 131_080, TestName = "OpenRead_AcrossSegmentBoundaries_ReturnsTheRange")]
    [TestCase(0, RangeObjectSize - 1, TestName = "OpenRead_ForTheWholeObject_ReturnsAllBytes")]
    public async Task OpenRead_ReturnsExactlyTheRequestedRange(long first, long last)
    {
        var content = Payload(RangeObjectSize, seed: 3);
        await PutAsync("key", content);
        Store = Reopen(Store);

        await using var stored = await Store.OpenObjectAsync(BucketName, "key", Ct);
        var stream = stored!.OpenRead(new ByteRange(first, last));

        Assert.That(stream.Length, Is.EqualTo(last - first + 1));
        Assert.That(await ReadAllAsync(stream), Is.EqualTo(content[(int)first..(int)(last + 1)]));
    }

    [TestCase(0, RangeObjectSize)]
    [TestCase(-1, 3)]
    [TestCase(5, 3)]
    public async Task OpenRead_OutsideTheContent_Throws(long first, long last)
    {
        await PutAsync("key", Payload(RangeObjectSize, seed: 3));
        await using var stored = await Store.OpenObjectAsync(BucketName, "key", Ct);

        Assert.Throws<ArgumentOutOfRangeException>(() => stored!.OpenRead(new ByteRange(first, last)).Dispose());
    }

    [Test]
    public async Task OpenRead_CalledTwice_GivesIndependentStreams()
    {
        var content = Payload(RangeObjectSize, seed: 4);
        await PutAsync("key", content);
        await using var stored = await Store.OpenObjectAsync(BucketName, "key", Ct);

        await using var first = stored!.OpenRead(new ByteRange(0, 9));
        await using var second = stored.OpenRead(new ByteRange(100, 109));
        var buffer = new byte[5];
        await first.ReadExactlyAsync(buffer, Ct);

        Assert.That(await ReadAllAsync(second), Is.EqualTo(content[100..110]));
        Assert.That(await ReadAllAsync(first), Is.EqualTo(content[5..10]));
    }

    [Test]
    public async Task OpenRead_StreamUsedAfterTheObjectIsDisposed_KeepsReading()
    {
        // Handlers return a stream that the server writes after the handler has disposed the object.
        var content = Payload(RangeObjectSize, seed: 5);
        await PutAsync("key", content);
        var stored = await Store.OpenObjectAsync(BucketName, "key", Ct);
        var stream = stored!.OpenRead(ByteRange.Whole(content.Length));

        await stored.DisposeAsync();

        Assert.That(await ReadAllAsync(stream), Is.EqualTo(content));
    }

    [Test]
    public async Task OpenObject_ThenOverwrite_KeepsReadingTheOpenedVersion()
    {
        var original = Payload(RangeObjectSize, seed: 6);
        var originalInfo = await PutAsync("key", original);
        await using var stored = await Store.OpenObjectAsync(BucketName, "key", Ct);
        var openedBefore = stored!.OpenRead(ByteRange.Whole(original.Length));

        await PutAsync("key", Payload(1000, seed: 7));

        AssertSameRecord(stored.Info, originalInfo);
        Assert.That(await ReadAllAsync(openedBefore), Is.EqualTo(original));
        Assert.That(await ReadAllAsync(stored.OpenRead(ByteRange.Whole(original.Length))), Is.EqualTo(original));
    }

    [Test]
    public async Task OpenObject_ThenDelete_KeepsReadingTheOpenedVersion()
    {
        var original = Payload(RangeObjectSize, seed: 8);
        await PutAsync("key", original);
        await using var stored = await Store.OpenObjectAsync(BucketName, "key", Ct);

        await Store.DeleteObjectAsync(BucketName, "key", Ct);

        Assert.That(await Store.OpenObjectAsync(BucketName, "key", Ct), Is.Null);
        Assert.That(await ReadAllAsync(stored!.OpenRead(new ByteRange(10, RangeObjectSize - 1))), Is.EqualTo(original[10..]));
    }

    [Test]
    public async Task UpdateObjectInfo_ReplacesTheRecordAndKeepsTheContent()
    {
        var content = Payload(1000, seed: 9);
        var original = await PutAsync("key", content);
        var expected = original with
        {
            Tags = [new("team", "storage"), new("env", "test")],
            UserMetadata = new Dictionary<string, string> { ["color"] = "blue" },
        };

        var updated = await Store.UpdateObjectInfoAsync(BucketName, "key", info => info with
        {
            Tags = expected.Tags,
            UserMetadata = expected.UserMetadata,
        }, Ct);

        AssertSameRecord(updated, expected);
        AssertNoStrayFiles(contentFiles: 1);
        Store = Reopen(Store);
        AssertSameRecord(await Store.GetObjectInfoAsync(BucketName, "key", Ct), expected);
        Assert.That(await ReadAsync("key"), Is.EqualTo(content));
    }

    [Test]
    public async Task UpdateObjectInfo_WhenTheObjectIsMissing_ReturnsNull() =>
        Assert.That(await Store.UpdateObjectInfoAsync(BucketName, "missing", info => info, Ct), Is.Null);

    [Test]
    public async Task PutObject_WhenContentStreamThrows_LeavesNoObject()
    {
        await Assert.ThrowsAsync<IOException>(() => PutAsync("key", new FailingStream(Payload(200_000, 10)), "etag"));

        AssertNoStrayFiles(contentFiles: 0);
        Store = Reopen(Store);
        Assert.That(await Store.GetObjectInfoAsync(BucketName, "key", Ct), Is.Null);
        Assert.That(await ListKeysAsync(), Is.Empty);
    }

    [Test]
    public async Task PutObject_WhenContentStreamThrows_LeavesThePreviousVersion()
    {
        var previous = Payload(1000, seed: 11);
        var previousInfo = await PutAsync("key", previous);

        await Assert.ThrowsAsync<IOException>(() => PutAsync("key", new FailingStream(Payload(200_000, 12)), "etag"));

        AssertNoStrayFiles(contentFiles: 1);
        Store = Reopen(Store);
        AssertSameRecord(await Store.GetObjectInfoAsync(BucketName, "key", Ct), previousInfo);
        Assert.That(await ReadAsync("key"), Is.EqualTo(previous));
    }

    [Test]
    public async Task PutObject_WhenDescribeThrows_LeavesThePreviousVersion()
    {
        // Describe is where callers check digests, so a BadDigest surfaces here.
        var previous = Payload(1000, seed: 13);
        await PutAsync("key", previous);

        await Assert.ThrowsAsync<InvalidDataException>(async () => await Store.PutObjectAsync(
            BucketName, "key", new MemoryStream(Payload(5000, 14)), _ => throw new InvalidDataException("bad digest"), Ct));

        Assert.That(await ReadAsync("key"), Is.EqualTo(previous));
        AssertNoStrayFiles(contentFiles: 1);
    }

    [Test]
    public async Task PutObject_WhenCancelledMidStream_LeavesThePreviousVersion()
    {
        var previous = Payload(1000, seed: 15);
        await PutAsync("key", previous);
        using var cancellation = new CancellationTokenSource();
        var content = new GateStream(Payload(5000, 16));
        var put = Store.PutObjectAsync(BucketName, "key", content, size => Record("key", size, "etag"), cancellation.Token);
        await content.Started;

        await cancellation.CancelAsync();

        await Assert.CatchAsync<OperationCanceledException>(async () => await put);
        Assert.That(await ReadAsync("key"), Is.EqualTo(previous));
        AssertNoStrayFiles(contentFiles: 1);
    }
}
