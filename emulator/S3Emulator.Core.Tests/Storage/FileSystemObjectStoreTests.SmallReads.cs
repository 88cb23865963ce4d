using S3Emulator.Core.Model;

namespace S3Emulator.Core.Tests.Storage;

/// <summary>
/// A small version's bytes, once read, are kept in memory (SmallContentCache): a read after a change must still see the
/// change, and a reader of the old version must still see that version whole.
/// </summary>
public sealed partial class FileSystemObjectStoreTests
{
    [Test]
    public async Task GetObject_OfASmallObjectReadBefore_ReturnsTheNewBytesAfterAnOverwrite()
    {
        var first = Payload(4096, 1);
        var second = Payload(4096, 2);
        await PutAsync("small", first);
        Assert.That(await ReadAsync("small"), Is.EqualTo(first));

        await PutAsync("small", second);

        Assert.That(await ReadAsync("small"), Is.EqualTo(second));
    }

    [Test]
    public async Task GetObject_OfASmallObjectReadBefore_FindsNothingAfterADelete()
    {
        await PutAsync("small", Payload(4096, 1));
        await ReadAsync("small");

        await Store.DeleteObjectAsync(BucketName, "small", Ct);

        Assert.That(await Store.OpenObjectAsync(BucketName, "small", Ct), Is.Null);
    }

    [Test]
    public async Task OpenSmallObject_ReadBefore_KeepsReadingTheVersionItOpenedAfterAnOverwrite()
    {
        var first = Payload(4096, 1);
        await PutAsync("small", first);
        await ReadAsync("small");
        await using var opened = await Store.OpenObjectAsync(BucketName, "small", Ct);

        await PutAsync("small", Payload(4096, 2));

        Assert.That(await ReadAllAsync(opened!.OpenRead(ByteRange.Whole(first.Length))), Is.EqualTo(first));
    }

    [Test]
    public async Task GetObject_OfASmallObjectReadBefore_ReturnsTheSameBytesWithTheNewRecordAfterAMetadataUpdate()
    {
        var content = Payload(4096, 1);
        await PutAsync("small", content);
        await ReadAsync("small");

        await Store.UpdateObjectInfoAsync(BucketName, "small",
            info => info with { UserMetadata = new Dictionary<string, string> { ["color"] = "blue" } }, Ct);

        await using var stored = await Store.OpenObjectAsync(BucketName, "small", Ct);
        Assert.That(stored!.Info.UserMetadata["color"], Is.EqualTo("blue"));
        Assert.That(await ReadAllAsync(stored.OpenRead(ByteRange.Whole(content.Length))), Is.EqualTo(content));
    }

    [Test]
    public async Task GetObject_OfManySmallObjects_ReturnsEachOnesBytes_WhileTheKeptBytesAreEvicted()
    {
        // 16 KiB each: 600 of them pass the 8 MiB budget, so entries are dropped while others are read back.
        var contents = Enumerable.Range(0, 600).Select(i => Payload(16 * 1024, i)).ToArray();
        for (var i = 0; i < contents.Length; i++) await PutAsync($"small-{i}", contents[i]);

        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < contents.Length; i++)
            {
                Assert.That(await ReadAsync($"small-{i}"), Is.EqualTo(contents[i]), $"small-{i}, round {round}");
            }
        }
    }
}
