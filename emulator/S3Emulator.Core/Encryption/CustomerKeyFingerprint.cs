using System.Security.Cryptography;

namespace S3Emulator.Core.Encryption;

/// <summary>
/// A salted HMAC of an SSE-C key, kept in place of the key (as S3 does) to tell a wrong key from the right one
/// — e.g. for multipart parts, before any sealed key is at hand. The salt is random per object, so two objects
/// under one customer key cannot be linked. Plain byte arrays, so stores can serialise it as is.
/// </summary>
/// <param name="Salt">16 random bytes.</param>
/// <param name="Mac">HMAC-SHA256(HKDF(customer key, "s3emulator/sse-c/fingerprint/v1"), Salt).</param>
public sealed record CustomerKeyFingerprint(byte[] Salt, byte[] Mac)
{
    /// <summary>Length of <see cref="Salt"/>.</summary>
    public const int SaltSize = 16;

    /// <summary>A fingerprint of <paramref name="customerKey"/> under a fresh random salt.</summary>
    public static CustomerKeyFingerprint Create(ReadOnlySpan<byte> customerKey)
    {
        KeySealing.RequireKey(customerKey, nameof(customerKey));
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        return new CustomerKeyFingerprint(salt, ComputeMac(customerKey, salt));
    }

    /// <summary>
    /// Whether <paramref name="customerKey"/> is the key this fingerprint was made from; constant-time. A key of
    /// the wrong length (e.g. a double-base64-encoded one) simply does not match: S3 answers AccessDenied for it.
    /// </summary>
    public bool Matches(ReadOnlySpan<byte> customerKey)
    {
        if (customerKey.Length != CustomerKeys.KeySize) return false;
        if (Salt is not { Length: SaltSize } || Mac is not { Length: HMACSHA256.HashSizeInBytes }) return false;
        return CryptographicOperations.FixedTimeEquals(ComputeMac(customerKey, Salt), Mac);
    }

    internal static byte[] ComputeMac(ReadOnlySpan<byte> customerKey, ReadOnlySpan<byte> salt)
    {
        Span<byte> macKey = stackalloc byte[HMACSHA256.HashSizeInBytes];
        try
        {
            HKDF.DeriveKey(HashAlgorithmName.SHA256, customerKey, macKey, salt: [], KeyDerivationLabels.SseCFingerprint);
            return HMACSHA256.HashData(macKey, salt);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(macKey);
        }
    }
}
