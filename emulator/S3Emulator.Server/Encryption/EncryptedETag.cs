using System.Security.Cryptography;
using S3Emulator.Core.Model;

namespace S3Emulator.Server.Encryption;

/// <summary>
/// The ETag S3 gives content: the MD5 of the plaintext for SSE-S3 (and unencrypted content), and for
/// SSE-KMS and SSE-C some other 32 hex characters that differ on every write (spec/sse.md §3).
/// </summary>
internal static class EncryptedETag
{
    public static string For(EncryptionKind? kind, string plaintextMd5Hex) =>
        kind is EncryptionKind.SseKms or EncryptionKind.SseC ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : plaintextMd5Hex;
}
