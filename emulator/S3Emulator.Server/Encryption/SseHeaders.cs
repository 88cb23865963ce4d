namespace S3Emulator.Server.Encryption;

/// <summary>The server-side encryption headers, request and response (spec/sse.md §1).</summary>
internal static class SseHeaders
{
    public const string Algorithm = "x-amz-server-side-encryption";
    public const string KmsKeyId = "x-amz-server-side-encryption-aws-kms-key-id";
    public const string KmsContext = "x-amz-server-side-encryption-context";
    public const string BucketKeyEnabled = "x-amz-server-side-encryption-bucket-key-enabled";
    public const string CustomerAlgorithm = "x-amz-server-side-encryption-customer-algorithm";
    public const string CustomerKey = "x-amz-server-side-encryption-customer-key";
    public const string CustomerKeyMd5 = "x-amz-server-side-encryption-customer-key-MD5";
    public const string CopySourcePrefix = "x-amz-copy-source-";
}
