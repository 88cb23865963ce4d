using System.Security.Cryptography;
using System.Text;

namespace S3Emulator.Core.Encryption;

/// <summary>
/// Seals a data key under a secret (the master key or a customer key): a fresh random salt per seal gives a
/// fresh HKDF-derived wrapping key, so the all-zero GCM nonce is never used twice with one key. The binding
/// (e.g. <c>bucket/key</c> or an upload id) is authenticated, so a sealed key copied to another object fails.
/// </summary>
/// <remarks>Layout: version (1 byte, 0x01) ‖ salt (16) ‖ encrypted data key (32) ‖ tag (16) = 65 bytes.</remarks>
internal static class KeySealing
{
    public const byte Version = 1;
    public const int SaltSize = 16;
    public const int SealedSize = 1 + SaltSize + ContentEncryption.DataKeySize + TagSize;
    private const int TagSize = 16;
    private const int NonceSize = 12;

    public static byte[] Seal(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> label, ReadOnlySpan<byte> dataKey, string binding)
    {
        RequireKey(dataKey, nameof(dataKey));
        var sealedKey = new byte[SealedSize];
        sealedKey[0] = Version;
        var salt = sealedKey.AsSpan(1, SaltSize);
        RandomNumberGenerator.Fill(salt);
        using var aes = WrappingCipher(secret, label, salt);
        aes.Encrypt(
            ZeroNonce(stackalloc byte[NonceSize]), dataKey, sealedKey.AsSpan(1 + SaltSize, dataKey.Length),
            sealedKey.AsSpan(SealedSize - TagSize), AssociatedData(binding));
        return sealedKey;
    }

    public static bool TryUnseal(
        ReadOnlySpan<byte> secret, ReadOnlySpan<byte> label, ReadOnlySpan<byte> sealedKey, string binding, out byte[] dataKey)
    {
        dataKey = [];
        if (sealedKey.Length != SealedSize || sealedKey[0] != Version) return false;
        using var aes = WrappingCipher(secret, label, sealedKey.Slice(1, SaltSize));
        var plaintext = new byte[ContentEncryption.DataKeySize];
        try
        {
            aes.Decrypt(
                ZeroNonce(stackalloc byte[NonceSize]), sealedKey.Slice(1 + SaltSize, plaintext.Length),
                sealedKey[(SealedSize - TagSize)..], plaintext, AssociatedData(binding));
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        dataKey = plaintext;
        return true;
    }

    public static void RequireKey(ReadOnlySpan<byte> key, string parameterName)
    {
        if (key.Length != ContentEncryption.DataKeySize)
        {
            throw new ArgumentException($"The key must be {ContentEncryption.DataKeySize} bytes.", parameterName);
        }
    }

    private static AesGcm WrappingCipher(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> label, ReadOnlySpan<byte> salt)
    {
        Span<byte> key = stackalloc byte[ContentEncryption.DataKeySize];
        try
        {
            HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, key, salt, label);
            return new AesGcm(key, TagSize);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    // Explicit, so the nonce stays all-zero even if locals are ever compiled with SkipLocalsInit.
    private static Span<byte> ZeroNonce(Span<byte> nonce)
    {
        nonce.Clear();
        return nonce;
    }

    // The version byte is authenticated too, so a future layout cannot be confused with this one.
    private static byte[] AssociatedData(string binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var aad = new byte[1 + Encoding.UTF8.GetByteCount(binding)];
        aad[0] = Version;
        Encoding.UTF8.GetBytes(binding, aad.AsSpan(1));
        return aad;
    }
}
