namespace S3Emulator.Core.Model;

/// <summary>
/// An in-progress multipart upload. <see cref="Template"/> carries what CreateMultipartUpload fixed
/// for the final object (headers, metadata, tags, checksum algorithm); size and ETag come at completion.
/// </summary>
public sealed record MultipartUpload(
    string UploadId,
    string Bucket,
    string Key,
    DateTimeOffset Initiated,
    ObjectInfo Template,
    ChecksumAlgorithm? ChecksumAlgorithm,
    ChecksumType ChecksumType);

/// <summary>An uploaded part of a multipart upload.</summary>
public sealed record PartInfo(int PartNumber, long Size, string ETag, DateTimeOffset LastModified, string? ChecksumValue);
