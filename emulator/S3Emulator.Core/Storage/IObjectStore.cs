using S3Emulator.Core.Model;

namespace S3Emulator.Core.Storage;

/// <summary>
/// Where buckets, objects and multipart parts live. Knows nothing of HTTP or crypto: it stores opaque
/// bytes with their <see cref="ObjectInfo"/>. Every implementation passes the same contract tests.
/// </summary>
/// <remarks>
/// Writes are atomic: content is written aside, then <paramref name="describe"/>-style callbacks
/// produce the final record once the content stream has been read to its end, and only then does the
/// object become visible. A content stream that throws (a bad digest, a broken connection) leaves
/// nothing behind. Concurrent writers to one key leave exactly one complete object: the last commit.
/// </remarks>
public interface IObjectStore
{
    /// <summary>Creates the bucket; false when a bucket of that name already exists.</summary>
    ValueTask<bool> TryCreateBucketAsync(BucketInfo bucket, CancellationToken cancellationToken);

    ValueTask<BucketInfo?> GetBucketAsync(string bucket, CancellationToken cancellationToken);

    /// <summary>All buckets, ordered by name.</summary>
    ValueTask<IReadOnlyList<BucketInfo>> ListBucketsAsync(CancellationToken cancellationToken);

    ValueTask<DeleteBucketOutcome> DeleteBucketAsync(string bucket, CancellationToken cancellationToken);

    /// <summary>Replaces the bucket's record (its configuration); the name must stay. Null when there is no such bucket.</summary>
    ValueTask<BucketInfo?> UpdateBucketAsync(string bucket, Func<BucketInfo, BucketInfo> update, CancellationToken cancellationToken);

    /// <summary>
    /// Streams <paramref name="content"/> to the store, then calls <paramref name="describe"/> with the number
    /// of bytes written to get the record to commit. Returns that record. The bucket must exist.
    /// </summary>
    ValueTask<ObjectInfo> PutObjectAsync(
        string bucket, string key, Stream content, Func<long, ObjectInfo> describe, CancellationToken cancellationToken);

    /// <summary>The object's record, or null when there is no such key.</summary>
    ValueTask<ObjectInfo?> GetObjectInfoAsync(string bucket, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the object for reading: the handle pins this version of the content, so a concurrent
    /// overwrite or delete does not change what it reads. Null when there is no such key.
    /// </summary>
    ValueTask<IStoredObject?> OpenObjectAsync(string bucket, string key, CancellationToken cancellationToken);

    /// <summary>Replaces the record of an existing object (tags, metadata) without touching its bytes.</summary>
    ValueTask<ObjectInfo?> UpdateObjectInfoAsync(
        string bucket, string key, Func<ObjectInfo, ObjectInfo> update, CancellationToken cancellationToken);

    /// <summary>Deletes the object; false when there was none.</summary>
    ValueTask<bool> DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken);

    /// <summary>Objects whose key starts with <paramref name="prefix"/> and sorts after <paramref name="after"/>, in S3 key order.</summary>
    IAsyncEnumerable<ObjectInfo> ListObjectsAsync(
        string bucket, string prefix, string? after, CancellationToken cancellationToken);

    ValueTask CreateMultipartUploadAsync(MultipartUpload upload, CancellationToken cancellationToken);

    ValueTask<MultipartUpload?> GetMultipartUploadAsync(string bucket, string uploadId, CancellationToken cancellationToken);

    /// <summary>The bucket's in-progress uploads, ordered by key then initiation time.</summary>
    ValueTask<IReadOnlyList<MultipartUpload>> ListMultipartUploadsAsync(string bucket, CancellationToken cancellationToken);

    /// <summary>Stores (or replaces) a part; same atomicity as <see cref="PutObjectAsync"/>. Null when the upload is gone.</summary>
    ValueTask<PartInfo?> PutPartAsync(
        string bucket, string uploadId, int partNumber, Stream content, Func<long, PartInfo> describe,
        CancellationToken cancellationToken);

    /// <summary>The upload's parts, ordered by part number.</summary>
    ValueTask<IReadOnlyList<PartInfo>> ListPartsAsync(string bucket, string uploadId, CancellationToken cancellationToken);

    /// <summary>
    /// Concatenates the named parts, in the order given, into the object <paramref name="final"/> describes,
    /// commits it atomically and removes the upload. Callers validate the part list first.
    /// </summary>
    ValueTask<ObjectInfo> CompleteMultipartUploadAsync(
        string bucket, string uploadId, IReadOnlyList<int> partNumbers, ObjectInfo final, CancellationToken cancellationToken);

    /// <summary>Removes the upload and its parts; false when there was none.</summary>
    ValueTask<bool> AbortMultipartUploadAsync(string bucket, string uploadId, CancellationToken cancellationToken);
}

public enum DeleteBucketOutcome
{
    Deleted,
    NotFound,
    NotEmpty,
}
