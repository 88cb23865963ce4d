using S3Emulator.Core.Encryption;

namespace S3Emulator.Core.Model;

/// <summary>The server-side encryption an object was stored with.</summary>
public enum EncryptionKind
{
    SseS3,
    SseKms,
    SseC,
}

/// <summary>
/// How an object's content key is protected, kept with the object (docs/encryption.md). Never holds a
/// usable key: <see cref="SealedDataKey"/> is sealed by the master key (SSE-S3), a KMS ciphertext blob
/// (SSE-KMS) or sealed by the customer's key (SSE-C), and <see cref="CustomerKey"/> is a salted HMAC.
/// </summary>
public sealed record ObjectEncryption(EncryptionKind Kind, byte[] SealedDataKey)
{
    /// <summary>The KMS key's ARN (SSE-KMS).</summary>
    public string? KmsKeyArn { get; init; }

    /// <summary><c>aws:kms</c> or <c>aws:kms:dsse</c> (SSE-KMS).</summary>
    public string? KmsAlgorithm { get; init; }

    /// <summary>The whole encryption context the data key is bound to, <c>aws:s3:arn</c> included (SSE-KMS).</summary>
    public IReadOnlyDictionary<string, string>? KmsContext { get; init; }

    public bool BucketKeyEnabled { get; init; }

    /// <summary>Identifies the customer key without storing it (SSE-C).</summary>
    public CustomerKeyFingerprint? CustomerKey { get; init; }
}
