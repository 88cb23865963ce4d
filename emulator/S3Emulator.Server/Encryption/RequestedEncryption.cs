namespace S3Emulator.Server.Encryption;

/// <summary>What a write request asks for: nothing (the bucket default applies), SSE-S3, SSE-KMS or SSE-C.</summary>
internal abstract record RequestedEncryption
{
    private RequestedEncryption()
    {
    }

    /// <summary>No encryption headers: the bucket's default encryption applies.</summary>
    public sealed record BucketDefault(bool? BucketKeyEnabled) : RequestedEncryption;

    /// <summary><c>x-amz-server-side-encryption: AES256</c>.</summary>
    public sealed record SseS3 : RequestedEncryption;

    /// <summary><c>aws:kms</c> (or <c>aws:kms:dsse</c>) with an optional key and extra encryption context.</summary>
    public sealed record SseKms(string Algorithm, string? KeyId, IReadOnlyDictionary<string, string> Context, bool? BucketKeyEnabled)
        : RequestedEncryption;

    /// <summary>The three SSE-C headers, validated.</summary>
    public sealed record SseC(CustomerKey Key) : RequestedEncryption;
}
