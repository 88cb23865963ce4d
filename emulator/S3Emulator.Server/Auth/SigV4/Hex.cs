using System.Security.Cryptography;
using System.Text;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>Lowercase hex as SigV4 writes it, and the constant-time signature compare.</summary>
internal static class Hex
{
    public static string Lower(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    public static string Sha256(ReadOnlySpan<byte> data) => Lower(SHA256.HashData(data));

    public static string Sha256(string text) => Sha256(Encoding.UTF8.GetBytes(text));

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

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(provided));
    }

    /// <summary>The <c>StringToSignBytes</c> rendering of S3 errors: each UTF-8 byte as two hex digits, space-separated.</summary>
    public static string SpacedBytes(string text) =>
        string.Join(' ', Encoding.UTF8.GetBytes(text).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
