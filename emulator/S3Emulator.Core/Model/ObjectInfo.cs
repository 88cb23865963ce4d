using System.Collections.Frozen;

namespace S3Emulator.Core.Model;

/// <summary>
/// Everything S3 keeps about an object besides its bytes. Immutable: an update writes a new record.
/// </summary>
public sealed record ObjectInfo
{
    public required string Bucket { get; init; }
    public required string Key { get; init; }
    public required long Size { get; init; }

    /// <summary>The entity tag without quotes: hex MD5, or <c>md5-of-md5s-N</c> for multipart objects.</summary>
    public required string ETag { get; init; }
    public required DateTimeOffset LastModified { get; init; }
    public HttpContentHeaders ContentHeaders { get; init; } = HttpContentHeaders.Empty;

    /// <summary>User metadata (<c>x-amz-meta-*</c>) with lower-case names, without the prefix.</summary>
    public IReadOnlyDictionary<string, string> UserMetadata { get; init; } = EmptyMetadata;
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];
    public StoredChecksum? Checksum { get; init; }

    /// <summary>The parts of a multipart object, in order; empty for a single PUT.</summary>
    public IReadOnlyList<ObjectPart> Parts { get; init; } = [];
    public string StorageClass { get; init; } = "STANDARD";
    public string OwnerAccountId { get; init; } = "";

    /// <summary>How the stored content is encrypted; null only for content stored before encryption existed.</summary>
    public ObjectEncryption? Encryption { get; init; }

    /// <summary>
    /// The multipart upload this object was completed from; null for any other write. Kept so that a retried
    /// CompleteMultipartUpload can answer as the first one did for as long as this object is the one at its key.
    /// </summary>
    public string? CompletedUploadId { get; init; }

    private static readonly IReadOnlyDictionary<string, string> EmptyMetadata = FrozenDictionary<string, string>.Empty;
}

/// <summary>The standard representation headers S3 stores and replays on GET.</summary>
public sealed record HttpContentHeaders(
    string? ContentType = null,
    string? ContentEncoding = null,
    string? ContentDisposition = null,
    string? ContentLanguage = null,
    string? CacheControl = null,
    string? Expires = null)
{
    public static readonly HttpContentHeaders Empty = new();
}

/// <summary>One part of a completed multipart object: its size and checksum, for partNumber reads.</summary>
public sealed record ObjectPart(int PartNumber, long Size, string ETag, string? ChecksumValue);

/// <summary>
/// A checksum kept with an object: the algorithm, its base64 value, and whether it covers the
/// whole object (<c>FULL_OBJECT</c>) or is a checksum of part checksums (<c>COMPOSITE</c>, value ends in <c>-N</c>).
/// </summary>
public sealed record StoredChecksum(ChecksumAlgorithm Algorithm, string Value, ChecksumType Type);

public enum ChecksumType
{
    FullObject,
    Composite,
}
