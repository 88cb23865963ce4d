namespace S3Emulator.Core.Encryption;

/// <summary>
/// The HKDF <c>info</c> strings, one per purpose, so no two uses of a secret can ever yield the same key.
/// They are part of the stored format (docs/encryption.md): changing one makes existing data unreadable.
/// </summary>
internal static class KeyDerivationLabels
{
    /// <summary>Segment key from the data key; followed by the part number (4 bytes, big-endian).</summary>
    public static ReadOnlySpan<byte> Content => "s3emulator/content/v1"u8;

    /// <summary>Wrapping key from the master key, for SSE-S3 data keys.</summary>
    public static ReadOnlySpan<byte> SseS3Seal => "s3emulator/sse-s3/seal/v1"u8;

    /// <summary>Wrapping key from the customer key, for SSE-C data keys.</summary>
    public static ReadOnlySpan<byte> SseCSeal => "s3emulator/sse-c/seal/v1"u8;

    /// <summary>HMAC key from the customer key, for the salted SSE-C fingerprint.</summary>
    public static ReadOnlySpan<byte> SseCFingerprint => "s3emulator/sse-c/fingerprint/v1"u8;

    /// <summary>AES-GCM key from the master key, for STS session tokens (sealed claims, see <c>SessionTokenSealer</c>).</summary>
    public static ReadOnlySpan<byte> SessionToken => "s3emulator/sts/session-token/v1"u8;
}
