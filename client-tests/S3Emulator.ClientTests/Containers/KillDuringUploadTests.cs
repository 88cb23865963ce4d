using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.Containers;

/// <summary>
/// <c>docker kill</c> (SIGKILL: no shutdown, no flush) while clients upload to the compose stack's data volume: after
/// the stack comes back, every object whose upload was acknowledged (200 to PutObject or CompleteMultipartUpload)
/// reads back with the very bytes sent, and every object that is visible at all is whole: no torn or partial object.
/// </summary>
[NonParallelizable]
public sealed class KillDuringUploadTests
{
    private const int Writers = 3;
    private ComposeStack? _stack;

    [OneTimeSetUp]
    public async Task BringUp()
    {
        _stack = await ComposeStack.CreateAsync();
        await _stack.UpAsync();
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        if (_stack is not null) await _stack.DisposeAsync();
    }

    [Test]
    public async Task SinglePuts_AcknowledgedBeforeTheKill_AreIntactAfterRestart_AndNoPartialObjectIsVisible()
    {
        const string bucket = "kill-single-put";
        await CreateBucketAsync(bucket);

        var sent = await UploadUntilKilledAsync(bucket, minimumAcknowledged: 8, (s3, key) =>
        {
            var content = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 11);
            return (content, () => s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(content) }));
        });

        await AssertNothingAcknowledgedIsLostAsync(bucket, sent);
    }

    [Test]
    public async Task MultipartUploads_CompletedBeforeTheKill_AreIntactAfterRestart_AndNoPartialObjectIsVisible()
    {
        const string bucket = "kill-multipart";
        await CreateBucketAsync(bucket);

        var sent = await UploadUntilKilledAsync(bucket, minimumAcknowledged: 3, (s3, key) =>
        {
            const int partSize = 5 * 1024 * 1024;
            var content = RandomNumberGenerator.GetBytes(2 * partSize + 4099);
            return (content, async () =>
            {
                // SSE-KMS with the seeded key: the key store is on the volume too.
                var upload = await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
                {
                    BucketName = bucket, Key = key,
                    ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = "alias/s3emulator-local",
                });
                var etags = new List<PartETag>();
                for (var (offset, number) = (0, 1); offset < content.Length; offset += partSize, number++)
                {
                    var part = await s3.UploadPartAsync(new UploadPartRequest
                    {
                        BucketName = bucket, Key = key, UploadId = upload.UploadId, PartNumber = number,
                        InputStream = new MemoryStream(content, offset, Math.Min(partSize, content.Length - offset)),
                    });
                    etags.Add(new PartETag(number, part.ETag));
                }
                await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
                {
                    BucketName = bucket, Key = key, UploadId = upload.UploadId, PartETags = etags,
                });
            });
        });

        await AssertNothingAcknowledgedIsLostAsync(bucket, sent);
    }

    private ComposeStack Stack => _stack ?? throw new InvalidOperationException("The stack did not come up.");

    private async Task CreateBucketAsync(string bucket)
    {
        using var s3 = Stack.CreateS3Client();
        await s3.PutBucketAsync(bucket);
    }

    /// <summary>
    /// Runs <see cref="Writers"/> clients that upload fresh objects one after another; once
    /// <paramref name="minimumAcknowledged"/> uploads are acknowledged, kills the container under the ones in flight,
    /// then brings the stack up again.
    /// </summary>
    private async Task<UploadLedger> UploadUntilKilledAsync(
        string bucket, int minimumAcknowledged, Func<AmazonS3Client, string, (byte[] Content, Func<Task> Upload)> prepare)
    {
        var ledger = new UploadLedger();
        var enoughAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var s3 = Stack.CreateS3Client();
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var n = 0; ; n++)
            {
                var key = $"writer-{writer}/object-{n:D4}";
                var (content, upload) = prepare(s3, key);
                ledger.Attempted[key] = Convert.ToHexString(SHA256.HashData(content));
                try
                {
                    await upload();
                }
                catch (Exception e) when (e is AmazonServiceException or HttpRequestException or IOException or OperationCanceledException)
                {
                    // The kill: this upload was in flight, and nothing was acknowledged for it.
                    return;
                }
                ledger.Acknowledged[key] = ledger.Attempted[key];
                if (ledger.Acknowledged.Count >= minimumAcknowledged) enoughAcknowledged.TrySetResult();
            }
        })).ToList();

        var first = await Task.WhenAny(enoughAcknowledged.Task, Task.WhenAll(writers), Task.Delay(TimeSpan.FromMinutes(2)));
        Assert.That(first, Is.SameAs(enoughAcknowledged.Task), $"only {ledger.Acknowledged.Count} uploads were acknowledged before the writers stopped");
        await Stack.KillAsync();
        await Task.WhenAll(writers);
        await Stack.UpAsync();
        return ledger;
    }

    private async Task AssertNothingAcknowledgedIsLostAsync(string bucket, UploadLedger sent)
    {
        using var s3 = Stack.CreateS3Client();
        var listed = new List<S3Object>();
        var request = new ListObjectsV2Request { BucketName = bucket };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request);
            listed.AddRange(page.S3Objects ?? []);
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        var readBack = new Dictionary<string, string>();
        foreach (var key in listed.Select(o => o.Key).Concat(sent.Acknowledged.Keys).Distinct())
        {
            try
            {
                using var read = await s3.GetObjectAsync(bucket, key);
                using var sha = SHA256.Create();
                readBack[key] = Convert.ToHexString(await sha.ComputeHashAsync(read.ResponseStream));
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                readBack[key] = "missing";
            }
        }

        TestContext.Out.WriteLine(
            $"{sent.Acknowledged.Count} uploads acknowledged, {sent.Attempted.Count - sent.Acknowledged.Count} in flight at the kill; {listed.Count} objects listed after restart");
        Assert.Multiple(() =>
        {
            Assert.That(sent.Attempted, Has.Count.GreaterThan(sent.Acknowledged.Count), "the kill met uploads in flight");
            foreach (var (key, sha256) in sent.Acknowledged)
            {
                Assert.That(readBack[key], Is.EqualTo(sha256), $"acknowledged {key} is intact");
            }
            foreach (var key in listed.Select(o => o.Key))
            {
                Assert.That(sent.Attempted.ContainsKey(key) && readBack[key] == sent.Attempted[key], Is.True,
                    $"listed {key} is an object some client sent, whole");
            }
        });
    }

    private sealed class UploadLedger
    {
        /// <summary>Every key an upload was started for, with the SHA-256 of what was sent.</summary>
        public ConcurrentDictionary<string, string> Attempted { get; } = new();

        /// <summary>The keys whose upload returned 200 before the kill.</summary>
        public ConcurrentDictionary<string, string> Acknowledged { get; } = new();
    }
}
