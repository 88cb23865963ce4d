using S3Emulator.Core.Model;

namespace S3Emulator.Core.Tests.Storage;

public abstract partial class ObjectStoreContractTests
{
    [Test]
    public async Task PutObject_FromConcurrentWriters_LeavesExactlyOneCompletePayload()
    {
        for (var round = 0; round < 10; round++)
        {
            var payloads = Enumerable.Range(0, 8).Select(i => Payload(1000 + i * 100, seed: round * 10 + i)).ToArray();
            var bodies = payloads.Select(p => new GateStream(p)).ToArray();
            var puts = payloads.Zip(bodies, (p, body) => Task.Run(() => PutAsync("key", body, Md5Hex(p)))).ToArray();

            // Hold every writer until all are streaming, so their commits collide.
            await Task.WhenAll(bodies.Select(b => b.Started));
            foreach (var body in bodies) body.Release();
            await Task.WhenAll(puts);

            AssertNoStrayFiles(contentFiles: 1);
            Store = Reopen(Store);
            var info = await Store.GetObjectInfoAsync(BucketName, "key", Ct);
            var content = await ReadAsync("key");
            var winner = payloads.SingleOrDefault(p => p.AsSpan().SequenceEqual(content));
            Assert.That(winner, Is.Not.Null, "the content must be exactly one of the payloads");
            Assert.That(info!.Size, Is.EqualTo(winner!.Length));
            Assert.That(info.ETag, Is.EqualTo(Md5Hex(winner)));
        }
    }

    [Test]
    public async Task OpenObject_WhileTheKeyIsOverwritten_AlwaysReadsAConsistentVersion()
    {
        var payloads = Enumerable.Range(0, 4).Select(i => Payload(70_000 + i, seed: 100 + i)).ToArray();
        await PutAsync("key", payloads[0]);
        using var stop = new CancellationTokenSource();

        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 60; i++) await PutAsync("key", payloads[i % payloads.Length]);
            await stop.CancelAsync();
        });
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var reads = 0;
            while (!stop.IsCancellationRequested || reads == 0)
            {
                await using var stored = await Store.OpenObjectAsync(BucketName, "key", Ct);
                var content = await ReadAllAsync(stored!.OpenRead(ByteRange.Whole(stored.Info.Size)));
                Assert.That(Md5Hex(content), Is.EqualTo(stored.Info.ETag), "content and record must be one version");
                reads++;
            }
        })).ToList();

        await Task.WhenAll([writer, .. readers]);
        AssertNoStrayFiles(contentFiles: 1);
    }

    [Test]
    public async Task UpdateObjectInfo_FromConcurrentUpdaters_LosesNoUpdate()
    {
        await PutAsync("key", [1]);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
            await Store.UpdateObjectInfoAsync(BucketName, "key", info => info with
            {
                Tags = [.. info.Tags, new($"t{i}", "v")],
            }, Ct))));

        var tags = (await Store.GetObjectInfoAsync(BucketName, "key", Ct))!.Tags.Select(t => t.Key);
        Assert.That(tags, Is.EquivalentTo(Enumerable.Range(0, 16).Select(i => $"t{i}")));
    }
}
