using System.Security.Cryptography;
using S3Emulator.Core.Encryption;

namespace S3Emulator.Core.Identity;

/// <summary>
/// Seals <see cref="SessionClaims"/> into the opaque session token AssumeRole hands out, and opens it again.
/// AES-GCM under a key derived from the master key: a token cannot be read (it holds the session's secret) or
/// forged or altered without that key, and it opens after a restart whenever the master key persists (configured,
/// or kept in the data folder).
/// </summary>
/// <remarks>Layout, base64 encoded: version (1 byte, 0x01) ‖ nonce (12) ‖ encrypted claims ‖ tag (16).</remarks>
public sealed class SessionTokenSealer
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    // Claims are at most a few KiB (the session policy is limited to 2048 characters); anything far bigger is not ours.
    private const int MaxTokenChars = 64 * 1024;

    private readonly byte[] _key;

    /// <summary>A sealer whose key is derived from <paramref name="masterKey"/>.</summary>
    public SessionTokenSealer(MasterKey masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        _key = masterKey.DeriveKey(KeyDerivationLabels.SessionToken);
    }

    /// <summary>The token for <paramref name="claims"/>.</summary>
    public string Seal(SessionClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var plaintext = SessionClaimsCodec.Encode(claims);
        var token = new byte[1 + NonceSize + plaintext.Length + TagSize];
        token[0] = Version;
        var nonce = token.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(_key, TagSize))
        {
            aes.Encrypt(nonce, plaintext, token.AsSpan(1 + NonceSize, plaintext.Length), token.AsSpan(token.Length - TagSize), token.AsSpan(0, 1));
        }

        CryptographicOperations.ZeroMemory(plaintext);
        return Convert.ToBase64String(token);
    }

    /// <summary>
    /// Opens a token made by <see cref="Seal"/> (with this master key). False for anything else: not base64, too
    /// short, another version, another key, altered bytes.
    /// </summary>
    public bool TryOpen(string? token, out SessionClaims? claims)
    {
        claims = null;
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenChars) return false;
        var bytes = new byte[token.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(token, bytes, out var length) || length < 1 + NonceSize + TagSize || bytes[0] != Version)
        {
            return false;
        }

        var sealedToken = bytes.AsSpan(0, length);
        var plaintext = new byte[length - 1 - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(sealedToken.Slice(1, NonceSize), sealedToken.Slice(1 + NonceSize, plaintext.Length),
                sealedToken[^TagSize..], plaintext, sealedToken[..1]);
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        claims = SessionClaimsCodec.Decode(plaintext);
        CryptographicOperations.ZeroMemory(plaintext);
        return claims is not null;
    }
}
