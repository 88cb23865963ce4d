using S3Emulator.Core.Model;

namespace S3Emulator.Core.Tests.Storage;

/// <summary>Large objects must stream: memory use is bounded by buffers, not by object size.</summary>
public sealed partial class FileSystemObjectStoreTests
{
    private const long LargeObjectSize = 64L * 1024 * 1024;

    /// <summary>Far below the object: a copy of even an eighth of it would fail the test.</summary>
    private const long AllocationBudget = LargeObjectSize / 8;

    [Test]
    public async Task PutAndGet_OfA64MiBObject_AllocateFarLessThanTheObjectSize()
    {
        await PutAsync("warm-up", new PatternStream(1024 * 1024), "etag");
        await DrainAndVerifyAsync("warm-up", 1024 * 1024, new byte[64 * 1024]);
        var buffer = new byte[64 * 1024];

        var beforePut = GC.GetTotalAllocatedBytes(precise: true);
        await PutAsync("large", new PatternStream(LargeObjectSize), "etag");
        var putAllocated = GC.GetTotalAllocatedBytes(precise: true) - beforePut;

        var beforeGet = GC.GetTotalAllocatedBytes(precise: true);
        await DrainAndVerifyAsync("large", LargeObjectSize, buffer);
        var getAllocated = GC.GetTotalAllocatedBytes(precise: true) - beforeGet;

        TestContext.Out.WriteLine($"PUT allocated {putAllocated:N0} bytes, GET {getAllocated:N0} bytes for {LargeObjectSize:N0}");
        Assert.That(putAllocated, Is.LessThan(AllocationBudget), "bytes allocated by PUT");
        Assert.That(getAllocated, Is.LessThan(AllocationBudget), "bytes allocated by GET");
    }

    [Test]
    public async Task CompleteMultipartUpload_OfTwo32MiBParts_AllocatesFarLessThanTheObjectSize()
    {
        const long partSize = LargeObjectSize / 2;
        await Store.CreateMultipartUploadAsync(Upload("upload-1", "large"), Ct);
        foreach (var number in new[] { 1, 2 })
        {
            await Store.PutPartAsync(BucketName, "upload-1", number, new PatternStream(partSize),
                size => new PartInfo(number, size, "etag", Now, null), Ct);
        }

        var final = Record("large", LargeObjectSize, "etag-2");
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await Store.CompleteMultipartUploadAsync(BucketName, "upload-1", [1, 2], final, Ct);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        TestContext.Out.WriteLine($"Complete allocated {allocated:N0} bytes for {LargeObjectSize:N0}");
        Assert.That(allocated, Is.LessThan(AllocationBudget));
        await using var stored = await Store.OpenObjectAsync(BucketName, "large", Ct);
        var stream = stored!.OpenRead(new ByteRange(partSize - 2, partSize + 1));
        var joint = await ReadAllAsync(stream);
        Assert.That(joint, Is.EqualTo(new[]
        {
            PatternStream.ByteAt(partSize - 2), PatternStream.ByteAt(partSize - 1), PatternStream.ByteAt(0), PatternStream.ByteAt(1),
        }));
    }

    private async Task DrainAndVerifyAsync(string key, long expectedLength, byte[] buffer)
    {
        await using var stored = await Store.OpenObjectAsync(BucketName, key, Ct);
        await using var stream = stored!.OpenRead(ByteRange.Whole(expectedLength));
        long total = 0;
        var mismatches = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, Ct)) > 0)
        {
            // Spot-check rather than compare every byte: the test is about memory, correctness is covered elsewhere.
            if (buffer[0] != PatternStream.ByteAt(total) || buffer[read - 1] != PatternStream.ByteAt(total + read - 1)) mismatches++;
            total += read;
        }

        Assert.That(total, Is.EqualTo(expectedLength));
        Assert.That(mismatches, Is.Zero);
    }
}
