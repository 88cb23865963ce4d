using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace S3Emulator.Core.Kms;

/// <summary>
/// The mock's ciphertext blob (kms.md §4; not AWS's format):
/// <c>version (1) | key id length (1) | key id UTF-8 | nonce (12) | AES-256-GCM ciphertext | tag (16)</c>.
/// The AAD is the header (version and key id) followed by the canonical encryption context, so a blob
/// decrypts only under the key it names and only with the context it was made with.
/// </summary>
internal static class CiphertextBlob
{
    public const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] Seal(string keyId, byte[] keyMaterial, ReadOnlySpan<byte> plaintext, IReadOnlyDictionary<string, string>? context)
    {
        var header = Header(keyId);
        var blob = new byte[header.Length + NonceSize + plaintext.Length + TagSize];
        header.CopyTo(blob, 0);
        var nonce = blob.AsSpan(header.Length, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var ciphertext = blob.AsSpan(header.Length + NonceSize, plaintext.Length);
        var tag = blob.AsSpan(blob.Length - TagSize);
        using var aes = new AesGcm(keyMaterial, TagSize);
        aes.Encrypt(nonce, plaintext, ciphertext, tag, Aad(header, context));
        return blob;
    }

    /// <summary>The key id a blob names; InvalidCiphertextException when the blob is not one of ours.</summary>
    public static string ReadKeyId(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 2 + NonceSize + TagSize || blob[0] != Version)
        {
            throw KmsErrors.InvalidCiphertext();
        }

        var idLength = blob[1];
        if (blob.Length < 2 + idLength + NonceSize + TagSize)
        {
            throw KmsErrors.InvalidCiphertext();
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(blob.Slice(2, idLength));
        }
        catch (DecoderFallbackException)
        {
            throw KmsErrors.InvalidCiphertext();
        }
    }

    /// <summary>Decrypts a blob whose key id has been read with <see cref="ReadKeyId"/>.</summary>
    public static byte[] Open(byte[] keyMaterial, ReadOnlySpan<byte> blob, IReadOnlyDictionary<string, string>? context)
    {
        var headerLength = 2 + blob[1];
        var header = blob[..headerLength];
        var nonce = blob.Slice(headerLength, NonceSize);
        var ciphertext = blob[(headerLength + NonceSize)..^TagSize];
        var tag = blob[^TagSize..];
        var plaintext = new byte[ciphertext.Length];
        using var aes = new AesGcm(keyMaterial, TagSize);
        try
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext, Aad(header, context));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw KmsErrors.InvalidCiphertext();
        }

        return plaintext;
    }

    private static byte[] Header(string keyId)
    {
        var id = Encoding.UTF8.GetBytes(keyId);
        var header = new byte[2 + id.Length];
        header[0] = Version;
        header[1] = checked((byte)id.Length);
        id.CopyTo(header, 2);
        return header;
    }

    /// <summary>
    /// Header, then every context pair sorted by key (ordinal), each string length-prefixed so that no two
    /// different contexts encode alike. An empty context and no context are the same, as in KMS.
    /// </summary>
    private static byte[] Aad(ReadOnlySpan<byte> header, IReadOnlyDictionary<string, string>? context)
    {
        using var buffer = new MemoryStream();
        buffer.Write(header);
        foreach (var (key, value) in (context ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            WriteString(buffer, key);
            WriteString(buffer, value);
        }

        return buffer.ToArray();
    }

    private static void WriteString(MemoryStream buffer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
