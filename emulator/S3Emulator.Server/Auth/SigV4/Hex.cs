using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>Lowercase hex as SigV4 writes it, and the constant-time signature compare.</summary>
internal static class Hex
{
    public static string Lower(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    public static string Sha256(ReadOnlySpan<byte> data) => Lower(SHA256.HashData(data));

    public static string Sha256(string text)
    {
        // A canonical request is a few hundred bytes: encoded on the stack (or in a rented buffer), never in a new array.
        var maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var utf8 = maxBytes <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, utf8);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(utf8[..length], hash);
            return Lower(hash);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>True when <paramref name="value"/> is 64 hex digits (a SHA-256 or a SigV4 signature).</summary>
    public static bool IsSha256Hex(string? value) => value is { Length: 64 } && value.All(char.IsAsciiHexDigit);

    /// <summary>
    /// Compares a computed lowercase-hex signature with the provided one in constant time. AWS signatures
    /// are lowercase; an uppercase one does not match, as on S3.
    /// </summary>
    public static bool SignatureEquals(string computed, string? provided)
    {
        if (provided is null)
        {
            return false;
        }

        // The computed signature is hex, so comparing UTF-16 code units answers as comparing ASCII bytes did.
        return CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(computed.AsSpan()), MemoryMarshal.AsBytes(provided.AsSpan()));
    }

    /// <summary>The <c>StringToSignBytes</c> rendering of S3 errors: each UTF-8 byte as two hex digits, space-separated.</summary>
    public static string SpacedBytes(string text) =>
        string.Join(' ', Encoding.UTF8.GetBytes(text).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
