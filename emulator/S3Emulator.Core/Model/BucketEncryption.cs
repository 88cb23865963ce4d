namespace S3Emulator.Core.Model;

/// <summary>
/// A bucket's default encryption (PutBucketEncryption): the algorithm applied to writes that name
/// none, the KMS key for <c>aws:kms</c>, whether S3 Bucket Keys are used, and the encryption types
/// writes may not use (<c>SSE-C</c>; <c>NONE</c> blocks nothing).
/// </summary>
public sealed record BucketEncryption(
    string SseAlgorithm,
    string? KmsMasterKeyId,
    bool BucketKeyEnabled,
    IReadOnlyList<string> BlockedEncryptionTypes)
{
    public const string SseS3 = "AES256";
    public const string SseKms = "aws:kms";
    public const string SseKmsDsse = "aws:kms:dsse";
    public const string BlockedSseC = "SSE-C";

    public bool BlocksSseC => BlockedEncryptionTypes.Contains(BlockedSseC);
}
