using S3Emulator.Core.Model;

namespace S3Emulator.Core.Storage.Index;

/// <summary>One bucket inside a <see cref="StoreIndex{TContent}"/>. Only touched under the index's lock.</summary>
internal sealed class BucketState<TContent>(BucketInfo info)
    where TContent : class
{
    public BucketInfo Info { get; set; } = info;

    /// <summary>Keys in S3 order, so listing can start anywhere without sorting.</summary>
    public SortedSet<string> Keys { get; } = new(S3KeyComparer.Instance);

    public Dictionary<string, IndexedObject<TContent>> Objects { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, UploadState<TContent>> Uploads { get; } = new(StringComparer.Ordinal);
}

/// <summary>One in-progress multipart upload and its parts. Only touched under the index's lock.</summary>
internal sealed class UploadState<TContent>(MultipartUpload upload)
    where TContent : class
{
    public MultipartUpload Upload { get; } = upload;

    public SortedDictionary<int, IndexedPart<TContent>> Parts { get; } = [];
}
