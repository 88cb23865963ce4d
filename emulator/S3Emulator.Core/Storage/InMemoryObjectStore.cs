using System.Runtime.CompilerServices;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage.Index;
using S3Emulator.Core.Storage.InMemory;

namespace S3Emulator.Core.Storage;

/// <summary>
/// An <see cref="IObjectStore"/> that keeps everything in process memory: the default for tests.
/// Content is held as immutable 64 KiB segments, so big objects never need one contiguous array and an
/// open <see cref="IStoredObject"/> pins its version simply by holding on to them. Thread-safe.
/// </summary>
public sealed class InMemoryObjectStore : IObjectStore
{
    /// <summary>How many records a listing takes from the index per lock acquisition.</summary>
    private const int ListingBatchSize = 256;

    private readonly StoreIndex<ChunkedContent> _index = new();

    public ValueTask<bool> TryCreateBucketAsync(BucketInfo bucket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        return ValueTask.FromResult(_index.TryAddBucket(bucket));
    }

    public ValueTask<BucketInfo?> GetBucketAsync(string bucket, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.GetBucket(bucket));

    public ValueTask<IReadOnlyList<BucketInfo>> ListBucketsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.ListBuckets());

    public ValueTask<DeleteBucketOutcome> DeleteBucketAsync(string bucket, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.TryRemoveBucket(bucket));

    public ValueTask<BucketInfo?> UpdateBucketAsync(string bucket, Func<BucketInfo, BucketInfo> update, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.UpdateBucket(bucket, update));

    public async ValueTask<ObjectInfo> PutObjectAsync(
        string bucket, string key, Stream content, Func<long, ObjectInfo> describe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(describe);
        if (_index.GetBucket(bucket) is null) throw StoreErrors.NoSuchBucket(bucket);

        // Nothing is visible until SetObject: a stream or describe that throws leaves only garbage for the GC.
        var bytes = await ChunkedContent.ReadFromAsync(content, cancellationToken).ConfigureAwait(false);
        var info = StoreErrors.EnsureAddresses(describe(bytes.Length), bucket, key);
        _index.SetObject(bucket, key, new IndexedObject<ChunkedContent>(info, bytes));
        return info;
    }

    public ValueTask<ObjectInfo?> GetObjectInfoAsync(string bucket, string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.GetObject(bucket, key)?.Info);

    public ValueTask<IStoredObject?> OpenObjectAsync(string bucket, string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IStoredObject?>(
            _index.GetObject(bucket, key) is { } entry ? new InMemoryStoredObject(entry) : null);

    public ValueTask<ObjectInfo?> UpdateObjectInfoAsync(
        string bucket, string key, Func<ObjectInfo, ObjectInfo> update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);

        // Optimistic: the callback runs outside the index lock and is retried if a writer got in between.
        while (true)
        {
            var current = _index.GetObject(bucket, key);
            if (current is null) return ValueTask.FromResult<ObjectInfo?>(null);
            var info = StoreErrors.EnsureAddresses(update(current.Info), bucket, key);
            if (_index.TryReplaceObject(bucket, key, current, current with { Info = info }))
            {
                return ValueTask.FromResult<ObjectInfo?>(info);
            }
        }
    }

    public ValueTask<bool> DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.RemoveObject(bucket, key) is not null);

    public async IAsyncEnumerable<ObjectInfo> ListObjectsAsync(
        string bucket, string prefix, string? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entry in IndexListing.ListAsync(_index, bucket, prefix, after, ListingBatchSize, cancellationToken)
                           .ConfigureAwait(false))
        {
            yield return entry.Info;
        }
    }

    public ValueTask CreateMultipartUploadAsync(MultipartUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        _index.AddUpload(upload);
        return ValueTask.CompletedTask;
    }

    public ValueTask<MultipartUpload?> GetMultipartUploadAsync(
        string bucket, string uploadId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.GetUpload(bucket, uploadId));

    public ValueTask<IReadOnlyList<MultipartUpload>> ListMultipartUploadsAsync(
        string bucket, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.ListUploads(bucket));

    public async ValueTask<PartInfo?> PutPartAsync(
        string bucket, string uploadId, int partNumber, Stream content, Func<long, PartInfo> describe,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(describe);
        if (_index.GetUpload(bucket, uploadId) is null) return null;

        var bytes = await ChunkedContent.ReadFromAsync(content, cancellationToken).ConfigureAwait(false);
        var part = StoreErrors.EnsurePartNumber(describe(bytes.Length), partNumber);
        return _index.TrySetPart(bucket, uploadId, new IndexedPart<ChunkedContent>(part, bytes), out _) ? part : null;
    }

    public ValueTask<IReadOnlyList<PartInfo>> ListPartsAsync(
        string bucket, string uploadId, CancellationToken cancellationToken)
    {
        var parts = _index.GetParts(bucket, uploadId) ?? throw StoreErrors.NoSuchUpload(uploadId);
        return ValueTask.FromResult<IReadOnlyList<PartInfo>>([.. parts.Select(p => p.Info)]);
    }

    public ValueTask<ObjectInfo> CompleteMultipartUploadAsync(
        string bucket, string uploadId, IReadOnlyList<int> partNumbers, ObjectInfo final,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partNumbers);
        ArgumentNullException.ThrowIfNull(final);
        var upload = _index.GetUpload(bucket, uploadId) ?? throw StoreErrors.NoSuchUpload(uploadId);
        StoreErrors.EnsureAddresses(final, bucket, upload.Key);
        var parts = PartSelection.Select(_index.GetParts(bucket, uploadId) ?? throw StoreErrors.NoSuchUpload(uploadId), partNumbers);

        // Segments are shared, not copied: completing costs no more memory than the parts already use.
        var content = ChunkedContent.Concat(parts.Select(p => p.Content));
        if (!_index.TryCompleteUpload(bucket, uploadId, new IndexedObject<ChunkedContent>(final, content), out _))
        {
            throw StoreErrors.NoSuchUpload(uploadId);
        }

        return ValueTask.FromResult(final);
    }

    public ValueTask<bool> AbortMultipartUploadAsync(string bucket, string uploadId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.RemoveUpload(bucket, uploadId) is not null);
}
