using System.Globalization;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.CrashSafety;

/// <summary>What one writer of a workload needs for one write: its client, the ledger, its own random source and a key counter.</summary>
internal sealed class WriterContext(AmazonS3Client s3, WriteLedger ledger, Random random, string workload, int round, int writer)
{
    private int _written;

    public AmazonS3Client S3 { get; } = s3;

    public WriteLedger Ledger { get; } = ledger;

    public string Workload { get; } = workload;

    public int Writer { get; } = writer;

    /// <summary>A key no other write in any round uses.</summary>
    public string FreshKey(string prefix) => $"{prefix}/r{round}/w{Writer}/{_written++:D5}";

    /// <summary>One of <paramref name="count"/> keys every writer of the workload overwrites.</summary>
    public string SharedKey(string prefix, int count) => $"{prefix}/{random.Next(count).ToString(CultureInfo.InvariantCulture)}";

    public byte[] Bytes(int minimum, int maximum)
    {
        var content = new byte[random.Next(minimum, maximum + 1)];
        random.NextBytes(content);
        return content;
    }

    public bool Coin() => random.Next(2) == 0;
}

/// <summary>
/// A kind of write several clients run in a loop until the kill: its bucket, how many writers, how many acknowledged
/// writes each round must see before the kill may come, and one write.
/// </summary>
internal sealed record Workload(string Name, string Bucket, Sse Sse, int Writers, int AcknowledgedBeforeKill, Func<WriterContext, Task> WriteOnceAsync)
{
    public const int Small = 4 * 1024;
    public const int MiB = 1024 * 1024;
    private const int PartSize = 5 * MiB;

    public override string ToString() => Name;

    /// <summary>PutObject of <paramref name="minimum"/> to <paramref name="maximum"/> bytes to the key <paramref name="key"/> picks.</summary>
    public static Func<WriterContext, Task> Put(string bucket, Sse sse, Func<WriterContext, string> key, int minimum, int maximum) => async w =>
    {
        var content = w.Bytes(minimum, maximum);
        await PutAsync(w, bucket, key(w), content, sse);
    };

    /// <summary>
    /// A two-part multipart upload (5 MiB and up to 256 KiB) to one of <paramref name="keys"/> shared keys, under SSE-S3 or SSE-KMS
    /// by a coin toss. The object changes only at CompleteMultipartUpload, so that is when the write counts as sent.
    /// </summary>
    public static Func<WriterContext, Task> Multipart(string bucket, int keys) => async w =>
    {
        var key = w.SharedKey("mpu", keys);
        var content = w.Bytes(PartSize + 1, PartSize + MiB / 4);
        var initiate = new InitiateMultipartUploadRequest { BucketName = bucket, Key = key };
        (w.Coin() ? Sse.Kms : Sse.S3).ApplyTo(initiate);
        var upload = await w.S3.InitiateMultipartUploadAsync(initiate);
        var etags = new List<PartETag>();
        for (var (offset, number) = (0, 1); offset < content.Length; offset += PartSize, number++)
        {
            var part = await w.S3.UploadPartAsync(new UploadPartRequest
            {
                BucketName = bucket, Key = key, UploadId = upload.UploadId, PartNumber = number,
                InputStream = new MemoryStream(content, offset, Math.Min(PartSize, content.Length - offset)),
            });
            etags.Add(new PartETag(number, part.ETag));
        }
        var attempt = w.Ledger.Sending(w.Workload, bucket, key, ObjectVersion.Of(content));
        var completed = await w.S3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket, Key = key, UploadId = upload.UploadId, PartETags = etags,
        });
        attempt.Acknowledge(w.Ledger.Tick(), completed.ETag);
    };

    /// <summary>
    /// A fresh source object (itself a write the ledger follows), then CopyObject of it over one of <paramref name="keys"/>
    /// shared keys, re-encrypted under SSE-KMS or SSE-S3 by a coin toss.
    /// </summary>
    public static Func<WriterContext, Task> Copy(string bucket, int keys) => async w =>
    {
        var source = w.FreshKey("copy-source");
        var content = w.Bytes(Small, 64 * 1024);
        await PutAsync(w, bucket, source, content, Sse.S3);

        var target = w.SharedKey("copied", keys);
        var sse = w.Coin() ? Sse.Kms : Sse.S3;
        var request = new CopyObjectRequest { SourceBucket = bucket, SourceKey = source, DestinationBucket = bucket, DestinationKey = target };
        sse.ApplyTo(request);
        var attempt = w.Ledger.Sending(w.Workload, bucket, target, ObjectVersion.Of(content, sse.ETagIsMd5 ? Md5(content) : null));
        var copied = await w.S3.CopyObjectAsync(request);
        attempt.Acknowledge(w.Ledger.Tick(), copied.ETag);
    };

    private static async Task PutAsync(WriterContext w, string bucket, string key, byte[] content, Sse sse)
    {
        var request = new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(content) };
        sse.ApplyTo(request);
        var attempt = w.Ledger.Sending(w.Workload, bucket, key, ObjectVersion.Of(content, sse.ETagIsMd5 ? Md5(content) : null));
        var response = await w.S3.PutObjectAsync(request);
        attempt.Acknowledge(w.Ledger.Tick(), response.ETag);
    }

    private static string Md5(byte[] content) => Convert.ToHexStringLower(MD5.HashData(content));
}
