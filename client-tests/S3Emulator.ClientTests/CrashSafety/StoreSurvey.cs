using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.CrashSafety;

/// <summary>
/// What a bucket holds after a restart, through the S3 API only: every key ListObjectsV2 lists or any client ever
/// wrote is read with HEAD and GET, and the three answers must agree. Pending multipart uploads are listed with their
/// parts, which count as live bytes.
/// </summary>
internal sealed class StoreSurvey
{
    private const int Readers = 8;

    private readonly ConcurrentBag<Violation> _violations = [];
    private readonly ConcurrentDictionary<string, ObjectVersion?> _found = new();
    private readonly ConcurrentBag<string> _unreadable = [];

    /// <summary>What GET returned per key (null: 404), for every key it answered 200 or 404.</summary>
    public IReadOnlyDictionary<string, ObjectVersion?> Found => _found;

    /// <summary>Keys whose HEAD or GET answered something other than 200 or 404: no version can be judged.</summary>
    public IReadOnlyCollection<string> Unreadable => _unreadable;

    public IReadOnlyCollection<Violation> Violations => _violations;

    /// <summary>Plaintext bytes of the listed objects and the pending parts.</summary>
    public long LiveBytes { get; private set; }

    /// <summary>Listed objects plus pending parts.</summary>
    public int LiveItems { get; private set; }

    public static async Task<StoreSurvey> TakeAsync(
        AmazonS3Client s3, string bucket, IEnumerable<string> written, Sse sse, CancellationToken cancellationToken)
    {
        var survey = new StoreSurvey();
        var listed = await ListAsync(s3, bucket, cancellationToken);
        var writtenKeys = written.ToHashSet(StringComparer.Ordinal);
        foreach (var key in listed.Keys.Where(k => !writtenKeys.Contains(k)))
        {
            survey.Add($"{bucket}/{key}: listed, but no client ever wrote that key");
        }

        using var readers = new SemaphoreSlim(Readers);
        await Task.WhenAll(listed.Keys.Union(writtenKeys).Select(async key =>
        {
            await readers.WaitAsync(cancellationToken);
            try
            {
                await survey.ReadAsync(s3, bucket, key, listed.GetValueOrDefault(key), sse, cancellationToken);
            }
            finally
            {
                readers.Release();
            }
        }));

        var (pendingBytes, pendingParts) = await survey.PendingPartsAsync(s3, bucket, cancellationToken);
        survey.LiveBytes = listed.Values.Sum(o => o.Size ?? 0) + pendingBytes;
        survey.LiveItems = listed.Count + pendingParts;
        return survey;
    }

    private async Task ReadAsync(
        AmazonS3Client s3, string bucket, string key, S3Object? listed, Sse sse, CancellationToken cancellationToken)
    {
        var address = $"{bucket}/{key}";
        var head = await Answer(address, "HEAD", async () =>
        {
            var request = new GetObjectMetadataRequest { BucketName = bucket, Key = key };
            sse.ApplyTo(request);
            var response = await s3.GetObjectMetadataAsync(request, cancellationToken);
            return new ObjectVersion("", response.ContentLength, ETags.Normalize(response.ETag));
        });
        var get = await Answer(address, "GET", async () =>
        {
            var request = new GetObjectRequest { BucketName = bucket, Key = key };
            sse.ApplyTo(request);
            using var response = await s3.GetObjectAsync(request, cancellationToken);
            using var sha = SHA256.Create();
            var counted = new CountingStream(response.ResponseStream);
            var hash = Convert.ToHexString(await sha.ComputeHashAsync(counted, cancellationToken));
            if (counted.Count != response.ContentLength)
            {
                Add($"{address}: GET announced {response.ContentLength} bytes but sent {counted.Count}");
            }
            return new ObjectVersion(hash, counted.Count, ETags.Normalize(response.ETag));
        });
        if (head.Failed || get.Failed)
        {
            _unreadable.Add(key);
            return;
        }
        _found[key] = get.Version;

        var (h, g) = (head.Version, get.Version);
        if (listed is not null && g is null) Add($"{address}: listed, but GET answers 404");
        if (listed is null && g is not null) Add($"{address}: GET reads {g.Length} bytes, but ListObjectsV2 does not list it");
        if ((h is null) != (g is null)) Add($"{address}: HEAD {(h is null ? "answers 404" : "finds it")}, GET {(g is null ? "answers 404" : "finds it")}");
        if (h is not null && g is not null && (h.Length != g.Length || h.ETag != g.ETag))
        {
            Add($"{address}: HEAD says {h.Length} bytes, ETag {h.ETag}; GET gives {g.Length} bytes, ETag {g.ETag}");
        }
        if (listed is not null && g is not null && (listed.Size != g.Length || ETags.Normalize(listed.ETag) != g.ETag))
        {
            Add($"{address}: listed with {listed.Size} bytes, ETag {ETags.Normalize(listed.ETag)}; GET gives {g.Length} bytes, ETag {g.ETag}");
        }
    }

    /// <summary>Runs one read; 404 is an answer (null), any other failure is a violation.</summary>
    private async Task<(bool Failed, ObjectVersion? Version)> Answer(string address, string method, Func<Task<ObjectVersion>> read)
    {
        try
        {
            return (false, await read());
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return (false, null);
        }
        catch (Exception e) when (e is AmazonS3Exception or HttpRequestException or IOException)
        {
            Add($"{address}: {method} failed: {Describe(e)}");
            return (true, null);
        }
    }

    private async Task<(long Bytes, int Parts)> PendingPartsAsync(AmazonS3Client s3, string bucket, CancellationToken cancellationToken)
    {
        var (bytes, parts) = (0L, 0);
        var uploads = await s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket }, cancellationToken);
        foreach (var upload in uploads.MultipartUploads ?? [])
        {
            try
            {
                var listed = await s3.ListPartsAsync(new ListPartsRequest { BucketName = bucket, Key = upload.Key, UploadId = upload.UploadId }, cancellationToken);
                bytes += listed.Parts?.Sum(p => p.Size ?? 0) ?? 0;
                parts += listed.Parts?.Count ?? 0;
            }
            catch (AmazonS3Exception e)
            {
                Add($"{bucket}/{upload.Key}: the pending upload {upload.UploadId} is listed, but ListParts failed: {Describe(e)}");
            }
        }
        return (bytes, parts);
    }

    private static async Task<Dictionary<string, S3Object>> ListAsync(AmazonS3Client s3, string bucket, CancellationToken cancellationToken)
    {
        var listed = new Dictionary<string, S3Object>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = bucket };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var o in page.S3Objects ?? []) listed.Add(o.Key, o);
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
        return listed;
    }

    private void Add(string what) => _violations.Add(new Violation(Promise.IndexAndDataAgree, what));

    private static string Describe(Exception e) =>
        e is AmazonS3Exception s3 ? $"{(int)s3.StatusCode} {s3.ErrorCode} {s3.Message}" : $"{e.GetType().Name}: {e.Message}";

    /// <summary>Counts what is read through it, so a short body shows.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Count { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Count += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            Count += read;
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
