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

    /// <summary>
    /// The copy-source form of an SSE-C header: <c>x-amz-server-side-encryption-customer-key</c> becomes
    /// <c>x-amz-copy-source-server-side-encryption-customer-key</c>.
    /// </summary>
    public static string ForCopySource(string header, bool copySource) =>
        copySource ? "x-amz-copy-source-" + header["x-amz-".Length..] : header;
}
