namespace S3Emulator.Server.Protocol;

/// <summary>Names of the S3-specific headers the server reads or writes.</summary>
internal static class S3Headers
{
    public const string RequestId = "x-amz-request-id";
    public const string HostId = "x-amz-id-2";
    public const string BucketRegion = "x-amz-bucket-region";
    public const string ContentSha256 = "x-amz-content-sha256";
    public const string CopySource = "x-amz-copy-source";
    public const string CopySourceRange = "x-amz-copy-source-range";
    public const string CopySourceIfMatch = "x-amz-copy-source-if-match";
    public const string CopySourceIfNoneMatch = "x-amz-copy-source-if-none-match";
    public const string CopySourceIfModifiedSince = "x-amz-copy-source-if-modified-since";
    public const string CopySourceIfUnmodifiedSince = "x-amz-copy-source-if-unmodified-since";
    public const string MetadataDirective = "x-amz-metadata-directive";
    public const string TaggingDirective = "x-amz-tagging-directive";
    public const string Tagging = "x-amz-tagging";
    public const string TaggingCount = "x-amz-tagging-count";
    public const string MetaPrefix = "x-amz-meta-";
    public const string StorageClass = "x-amz-storage-class";
    public const string ChecksumMode = "x-amz-checksum-mode";
    public const string ChecksumAlgorithm = "x-amz-checksum-algorithm";
    public const string SdkChecksumAlgorithm = "x-amz-sdk-checksum-algorithm";
    public const string ChecksumType = "x-amz-checksum-type";
    public const string MpPartsCount = "x-amz-mp-parts-count";
    public const string RawTarget = "x-s3emulator-raw-target";
    public const string EmptyHeaders = "x-s3emulator-empty-headers";

    /// <summary>
    /// Whether a header is stored and sent back as it came: user metadata and Content-Disposition. S3 reads and writes
    /// header values one character per byte (ISO-8859-1), so their bytes round-trip whatever the client wrote. (The
    /// other stored representation headers are Kestrel's known response headers, which it sends as ASCII only.)
    /// </summary>
    public static bool IsStoredAsSent(string name) =>
        name.StartsWith(MetaPrefix, StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase);
}
